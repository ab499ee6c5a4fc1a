using System.Data.Common;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Warehouse.Database;

/// <summary>
/// How the database gateway retries what another writer made fail for a moment: a write whose transaction was a
/// deadlock victim or timed out on a lock runs again whole; a read that failed so (or on a connection the driver calls
/// transiently lost) runs again before it has given a row. Anything else is not retried. The waits run on the store's
/// clock, so a test's fake clock decides them.
/// </summary>
/// <param name="Attempts">Tries in all (the first one included).</param>
/// <param name="Delay">The wait before the first retry, doubled (with jitter) before each next one; zero retries at once.</param>
internal sealed record WarehouseRetry(int Attempts, TimeSpan Delay)
{
    /// <summary>
    /// Three tries, the retry at once: the other transaction has already been given the lock when ours is told it lost,
    /// so a wait would only add to the run.
    /// </summary>
    public static WarehouseRetry Default { get; } = new(3, TimeSpan.Zero);

    /// <summary>What a write retries: the dialect's deadlock and lock-timeout errors only (the transaction was rolled back).</summary>
    public static bool IsTransientWriteError(WarehouseDialect dialect, Exception e) => e is DbException && dialect.IsTransient(e);

    /// <summary>What a read retries: as a write, and errors the driver itself calls transient (e.g. a pooled connection lost).</summary>
    public static bool IsTransientReadError(WarehouseDialect dialect, Exception e) =>
        e is DbException db && (dialect.IsTransient(db) || db.IsTransient);

    /// <summary>The pipeline of writes.</summary>
    public ResiliencePipeline Writes(WarehouseDialect dialect, TimeProvider time, ILogger logger) =>
        Build(e => IsTransientWriteError(dialect, e), time, (attempt, e) => Log.WriteRetried(logger, attempt, e));

    /// <summary>The pipeline of reads.</summary>
    public ResiliencePipeline Reads(WarehouseDialect dialect, TimeProvider time, ILogger logger) =>
        Build(e => IsTransientReadError(dialect, e), time, (attempt, e) => Log.ReadRetried(logger, attempt, e));

    private ResiliencePipeline Build(Func<Exception, bool> transient, TimeProvider time, Action<int, Exception> retried)
    {
        if (Attempts <= 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && transient(e)),
                MaxRetryAttempts = Attempts - 1,
                Delay = Delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = Delay > TimeSpan.Zero,
                OnRetry = args =>
                {
                    // AttemptNumber counts from zero: the first failure is attempt 1 in the log.
                    retried(args.AttemptNumber + 1, args.Outcome.Exception!);
                    return default;
                },
            })
            .Build();
    }
}
