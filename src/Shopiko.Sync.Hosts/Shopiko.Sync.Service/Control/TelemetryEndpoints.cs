using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Shopiko.Sync.Diagnostics;
using Shopiko.Sync.Diagnostics.Health;

namespace Shopiko.Sync.Service.Control;

/// <summary>
/// Monitoring on the control surface (behind the same <see cref="ControlAccess"/> rules as the page): <c>/metrics</c>
/// for Prometheus, <c>/health</c> as JSON per server, and OTLP export of metrics, traces and logs when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class TelemetryEndpoints
{
    public const string MetricsPath = "/metrics";
    public const string HealthPath = "/health";

    private static readonly JsonSerializerOptions HealthJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Registers the health check and OpenTelemetry (the Prometheus exporter always, OTLP when configured).</summary>
    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddShopikoSync();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("Shopiko.Sync.Service", serviceVersion: typeof(TelemetryEndpoints).Assembly.GetName().Version?.ToString()))
            .WithMetrics(m => m.AddMeter(SyncDiagnostics.MeterName).AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Spans are only made when something exports them.
            otel.WithTracing(t => t.AddSource(SyncDiagnostics.ActivitySourceName).AddSource("System.Net.Http"));
            otel.UseOtlpExporter();
        }
    }

    public static void Map(WebApplication app)
    {
        // Made now, so a server that never succeeds is measured from the service's start.
        app.Services.GetRequiredService<SyncRunStatusRegistry>();
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
    }

    /// <summary>The overall status and one entry per server, for monitoring tools.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var servers = report.Entries.Values
            .SelectMany(e => e.Data.Values.OfType<ServerHealthReport>())
            .Select(s => new
            {
                server = s.Server,
                status = s.Status.ToString(),
                reason = s.Reason,
                lastRunAt = s.Run?.LastRunAt,
                lastOperation = s.Run?.LastOperation,
                lastOutcome = s.Run?.LastOutcome,
                lastFailure = s.Run is { LastFailure: not RunFailureKind.None } r ? r.LastFailure.ToString() : null,
                lastError = s.Run?.LastError,
                lastSuccessAt = s.Run?.LastSuccessAt,
                quarantined = s.Run?.Quarantined ?? 0,
            });
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(
            JsonSerializer.Serialize(new { status = report.Status.ToString(), servers }, HealthJson), context.RequestAborted);
    }
}
