using System.Diagnostics;
using Shopiko.Sync.Engine;
using static Shopiko.Sync.Diagnostics.SyncDiagnostics;

namespace Shopiko.Sync.Diagnostics;

/// <summary>
/// The <see cref="SyncDiagnostics.ActivitySourceName"/> activity source and the spans Shopiko.Sync starts. Each start
/// returns null when nobody listens, so a call site is one <c>using var</c> line.
/// </summary>
internal static class SyncActivities
{
    public static readonly ActivitySource Source = new(ActivitySourceName, typeof(SyncActivities).Assembly.GetName().Version?.ToString());

    public static Activity? StartRun(string server, string operation, bool dryRun)
    {
        var activity = Source.StartActivity(Spans.Run, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = $"{operation} {server}";
            activity.SetTag(Tags.Server, server);
            activity.SetTag(Tags.Operation, operation);
            activity.SetTag(Tags.DryRun, dryRun);
        }

        return activity;
    }

    /// <summary>Ends the run's span with its outcome (an error status when it failed).</summary>
    public static void RunFinished(Activity? activity, RunReport report, Exception? error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(Tags.Outcome, SyncMetrics.OutcomeTag(report.Outcome));
        if (report.Outcome == RunOutcome.Failed)
        {
            activity.SetTag(Tags.ErrorType, RunFailures.Tag(RunFailures.Classify(error ?? new InvalidOperationException(report.Error))));
            activity.SetStatus(ActivityStatusCode.Error, report.Error);
        }
    }

    public static Activity? StartPhase(string phase)
    {
        var activity = Source.StartActivity(Spans.Phase, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = phase;
            activity.SetTag(Tags.Phase, phase);
        }

        return activity;
    }

    public static Activity? StartShopBatch(string path, int size)
    {
        var activity = Source.StartActivity(Spans.ShopBatch, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = "PUT " + path;
            activity.SetTag(Tags.ShopOperation, SyncMetrics.ShopOperation(path));
            activity.SetTag(Tags.BatchSize, size);
        }

        return activity;
    }

    public static Activity? StartOrder(string orderId, string orderNumber)
    {
        var activity = Source.StartActivity(Spans.Order, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = "order " + orderNumber;
            activity.SetTag(Tags.OrderId, orderId);
            activity.SetTag(Tags.OrderNumber, orderNumber);
        }

        return activity;
    }

    /// <summary>Tags the current order's span with the document it became.</summary>
    public static void Document(string documentNumber) => Activity.Current?.SetTag(Tags.DocumentNumber, documentNumber);

    /// <summary>Marks a span failed (a phase or batch that threw); false, to be used as an exception filter that catches nothing.</summary>
    public static bool Failed(Activity? activity, Exception error)
    {
        if (activity is not null && error is not OperationCanceledException)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag(Tags.ErrorType, RunFailures.Tag(RunFailures.Classify(error)));
        }

        return false;
    }
}
