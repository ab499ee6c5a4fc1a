namespace Shopiko.Sync.Engine.RunLog;

/// <summary>
/// The persistent log of runs per server that the hosts write and read (the Utility Center "Лог" button).
/// </summary>
public interface IRunLog
{
    /// <summary>Appends (or supersedes, by <see cref="RunRecord.Id"/>) a record.</summary>
    Task WriteAsync(RunRecord record, CancellationToken cancellationToken = default);

    /// <summary>The latest state of the most recent runs of <paramref name="server"/>, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ReadRecentAsync(string server, int count = 20, CancellationToken cancellationToken = default);
}
