using System.Diagnostics;
using System.Diagnostics.Metrics;
using Shopiko.Sync.Engine;
using static Shopiko.Sync.Diagnostics.SyncDiagnostics;

namespace Shopiko.Sync.Diagnostics;

/// <summary>
/// The <see cref="SyncDiagnostics.MeterName"/> meter and its instruments. One per service provider, made through the
/// host's <see cref="IMeterFactory"/> when it has one; engines made outside DI share <see cref="Shared"/>.
/// Recording costs next to nothing when nobody listens.
/// </summary>
internal sealed class SyncMetrics
{
    private static readonly string? Version = typeof(SyncMetrics).Assembly.GetName().Version?.ToString();
    private static readonly Lazy<SyncMetrics> LazyShared = new(() => new SyncMetrics(null, new SyncRunStatusRegistry(TimeProvider.System)));

    // The server whose run is under way on this flow: shop requests and retries are tagged with it without the HTTP
    // layer knowing about servers.
    private static readonly AsyncLocal<string?> CurrentServerLocal = new();

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _runDuration;
    private readonly Counter<long> _itemsSent;
    private readonly Counter<long> _itemsUnchanged;
    private readonly Counter<long> _itemsFailed;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _shopRequests;
    private readonly Histogram<double> _shopRequestDuration;
    private readonly Counter<long> _shopRetries;
    private readonly Counter<long> _fastPathPasses;
    private readonly Counter<long> _reconciliationPasses;

    public SyncMetrics(IMeterFactory? meterFactory, SyncRunStatusRegistry registry)
    {
        Registry = registry;
        Meter = meterFactory?.Create(new MeterOptions(MeterName) { Version = Version }) ?? new Meter(MeterName, Version);
        _runs = Meter.CreateCounter<long>(Instruments.Runs, "{run}", "Runs finished.");
        _runDuration = Meter.CreateHistogram<double>(Instruments.RunDuration, "s", "How long runs took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] });
        _itemsSent = Meter.CreateCounter<long>(Instruments.ItemsSent, "{item}", "Items sent to the shop.");
        _itemsUnchanged = Meter.CreateCounter<long>(Instruments.ItemsUnchanged, "{item}", "Items not sent because their content had not changed.");
        _itemsFailed = Meter.CreateCounter<long>(Instruments.ItemsFailed, "{item}", "Items the shop refused.");
        _orders = Meter.CreateCounter<long>(Instruments.Orders, "{order}", "Shop orders handled, by outcome.");
        _shopRequests = Meter.CreateCounter<long>(Instruments.ShopRequests, "{request}", "Requests to the shop, after retries.");
        _shopRequestDuration = Meter.CreateHistogram<double>(Instruments.ShopRequestDuration, "s", "How long requests to the shop took, retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180] });
        _shopRetries = Meter.CreateCounter<long>(Instruments.ShopRetries, "{retry}", "Shop request attempts retried.");
        _fastPathPasses = Meter.CreateCounter<long>(Instruments.FastPathPasses, "{pass}", "Fast-path passes.");
        _reconciliationPasses = Meter.CreateCounter<long>(Instruments.ReconciliationPasses, "{pass}", "Reconciliation passes.");
        Meter.CreateObservableGauge(Instruments.TimeSinceLastSuccess, ObserveTimeSinceLastSuccess, "s", "Time since the server's last successful run.");
    }

    /// <summary>The instance engines made outside DI record into.</summary>
    public static SyncMetrics Shared => LazyShared.Value;

    /// <summary>The server of the run on this flow, if any.</summary>
    public static string? CurrentServer
    {
        get => CurrentServerLocal.Value;
        set => CurrentServerLocal.Value = value;
    }

    public Meter Meter { get; }

    public SyncRunStatusRegistry Registry { get; }

    /// <summary>A run ended: counts it, times it and keeps its status for the health check.</summary>
    public void RunFinished(RunReport report, Exception? error)
    {
        var failure = RunFailures.Classify(report.Outcome == RunOutcome.Failed ? error ?? new InvalidOperationException(report.Error) : null);
        var tags = new TagList
        {
            { Tags.Server, report.Server },
            { Tags.Operation, report.Operation },
            { Tags.Outcome, OutcomeTag(report.Outcome) },
            { Tags.DryRun, report.DryRun },
        };
        if (failure != RunFailureKind.None)
        {
            tags.Add(Tags.ErrorType, RunFailures.Tag(failure));
        }

        _runs.Add(1, tags);
        _runDuration.Record((report.FinishedAt - report.StartedAt).TotalSeconds, tags);
        Registry.Record(report, failure);
    }

    public void ItemsSent(SyncSession session, string entity, int count) => Add(_itemsSent, session, entity, count);

    public void ItemUnchanged(SyncSession session, string entity) => Add(_itemsUnchanged, session, entity, 1);

    public void ItemsFailed(SyncSession session, string entity, int count) => Add(_itemsFailed, session, entity, count);

    /// <summary>An order's outcome (one of <see cref="OrderOutcomes"/>); also tags the order's span.</summary>
    public void Order(SyncSession session, string outcome)
    {
        Activity.Current?.SetTag(Tags.OrderOutcome, outcome);
        if (!session.DryRun)
        {
            _orders.Add(1, new KeyValuePair<string, object?>(Tags.Server, session.Server.Name), new KeyValuePair<string, object?>(Tags.OrderOutcome, outcome));
        }
    }

    /// <summary>A request to the shop ended (status: the HTTP status when one came; errorType: the failure's kind).</summary>
    public void ShopRequest(string method, string path, int? status, string? errorType, TimeSpan elapsed)
    {
        var tags = ShopTags(method, path, status, errorType);
        _shopRequests.Add(1, tags);
        _shopRequestDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>An attempt is retried.</summary>
    public void ShopRetry(string method, string path, int? status, string? errorType) => _shopRetries.Add(1, ShopTags(method, path, status, errorType));

    /// <summary>A fast-path pass ended (outcome: <c>succeeded</c>, <c>partial</c>, <c>failed</c>).</summary>
    public void FastPathPass(string server, string outcome) =>
        _fastPathPasses.Add(1, new KeyValuePair<string, object?>(Tags.Server, server), new KeyValuePair<string, object?>(Tags.Outcome, outcome));

    /// <summary>A reconciliation pass ended (outcome: <c>succeeded</c>, <c>partial</c>, <c>failed</c>).</summary>
    public void ReconciliationPass(string server, string outcome) =>
        _reconciliationPasses.Add(1, new KeyValuePair<string, object?>(Tags.Server, server), new KeyValuePair<string, object?>(Tags.Outcome, outcome));

    public static string OutcomeTag(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Succeeded => "succeeded",
        RunOutcome.Partial => "partial",
        _ => "failed",
    };

    /// <summary>The shop API operation of a request path: ids (order ids in <c>orders/{id}/ack</c>) replaced, so the tag stays low-cardinality.</summary>
    public static string ShopOperation(string path)
    {
        var parts = path.Split('/');
        return parts.Length == 3 && parts[0] == "orders" ? "orders/{id}/" + parts[2] : path;
    }

    private static TagList ShopTags(string method, string path, int? status, string? errorType)
    {
        var tags = new TagList
        {
            { Tags.Server, CurrentServer ?? "" },
            { Tags.HttpMethod, method },
            { Tags.ShopOperation, ShopOperation(path) },
        };
        if (status is { } s)
        {
            tags.Add(Tags.HttpStatusCode, s);
        }

        if (errorType is not null)
        {
            tags.Add(Tags.ErrorType, errorType);
        }

        return tags;
    }

    private static void Add(Counter<long> counter, SyncSession session, string entity, int count)
    {
        if (count > 0 && !session.DryRun)
        {
            counter.Add(count, new KeyValuePair<string, object?>(Tags.Server, session.Server.Name), new KeyValuePair<string, object?>(Tags.Entity, entity));
        }
    }

    private IEnumerable<Measurement<double>> ObserveTimeSinceLastSuccess()
    {
        var now = Registry.TimeProvider.GetUtcNow();
        foreach (var server in Registry.Servers)
        {
            var since = server.LastSuccessAt ?? Registry.WatchingSince;
            yield return new Measurement<double>(Math.Max(0, (now - since).TotalSeconds), new KeyValuePair<string, object?>(Tags.Server, server.Server));
        }
    }
}
