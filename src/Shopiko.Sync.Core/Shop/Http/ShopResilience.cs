using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Shopiko.Sync.Shop.Http;

/// <summary>
/// The resilience pipeline of the shop client: total timeout → retry → attempt timeout. The pipeline is shared by
/// every shop of the process; the per-shop timeouts and retry count come from the request's
/// <see cref="ShopRequestSettings"/>.
/// </summary>
/// <remarks>
/// Retrying is safe for every call the client makes: GETs are reads, batch PUTs are upserts keyed by the
/// warehouse's externalId (sending the same items twice leaves the same state), and an ack of the same revision with
/// the same document answers 200 again. So a retry after a dropped connection, whose first attempt may have been
/// applied, never duplicates anything.
/// </remarks>
internal static class ShopResilience
{
    public const string PipelineName = "Shopiko.Sync.Shop.Resilience";

    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShopikoHttpApi).FullName!);
        var metrics = services.GetService<Diagnostics.SyncMetrics>() ?? Diagnostics.SyncMetrics.Shared;

        builder
            .AddTimeout(new TimeoutStrategyOptions
            {
                Name = "total",
                TimeoutGenerator = args => ValueTask.FromResult(Settings(args.Context).TotalTimeout),
            })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // The per-shop retry count is applied in ShouldHandle, so the pipeline itself allows any number.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(ChooseDelay(args.Outcome, args.AttemptNumber, timeProvider)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    metrics.ShopRetry(request?.Method.Method ?? "?", RetryPath(request), (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception is { } failed ? (failed is TimeoutRejectedException ? "timeout" : "connection") : null);
                    Log.Retrying(
                        logger,
                        request?.Method.Method ?? "?",
                        request?.RequestUri?.AbsolutePath ?? "?",
                        args.AttemptNumber + 1,
                        Reason(args.Outcome),
                        args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                Name = "attempt",
                TimeoutGenerator = args => ValueTask.FromResult(Settings(args.Context).AttemptTimeout),
            });
    }

    private static ShopRequestSettings Settings(ResilienceContext context) =>
        ShopRequestSettings.From(context.GetRequestMessage()
            ?? throw new InvalidOperationException("The resilience context carries no request."));

    private static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args, TimeProvider timeProvider)
    {
        // 5xx, 408, 429, network errors and attempt timeouts; never the caller's own cancellation, never another 4xx.
        if (args.Context.CancellationToken.IsCancellationRequested || !HttpClientResiliencePredicates.IsTransient(args.Outcome))
        {
            return false;
        }

        var settings = Settings(args.Context);
        if (args.AttemptNumber >= settings.MaxRetries)
        {
            return false;
        }

        // A Retry-After longer than the whole request may take cannot be honoured: hand it to the caller instead.
        return args.Outcome.Result is not { } response
            || ShopResponseHeaders.RetryAfter(response, timeProvider) is not { } retryAfter
            || retryAfter < settings.TotalTimeout;
    }

    /// <summary>The shop's Retry-After when it sent one, else exponential backoff (0.5 s · 2ⁿ, at most 30 s) with ±25 % jitter.</summary>
    internal static TimeSpan ChooseDelay(Outcome<HttpResponseMessage> outcome, int attemptNumber, TimeProvider timeProvider)
    {
        if (outcome.Result is { } response && ShopResponseHeaders.RetryAfter(response, timeProvider) is { } retryAfter)
        {
            return retryAfter;
        }

        var exponential = Math.Min(MaxBackoff.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 16)));
        var jitter = 0.75 + (Random.Shared.NextDouble() * 0.5);
        return TimeSpan.FromMilliseconds(exponential * jitter);
    }

    /// <summary>The request's contract path (e.g. <c>products/batch</c>), as the shop API operation tag wants it.</summary>
    private static string RetryPath(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(ShopikoHttpApi.PathOption, out var path) ? path : "?";

    private static string Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "attempt timeout",
        { Exception: { } ex } => ex.GetType().Name,
        { Result: { } response } => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + (response.StatusCode == HttpStatusCode.TooManyRequests ? " rate limited" : ""),
        _ => "unknown",
    };
}
