using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Benchmarks.Measurement;

/// <summary>
/// Statements and commits the database server executed (MariaDB's global status <c>Questions</c> and <c>Com_commit</c>),
/// to explain where time goes. The server is the benchmark's own, so nothing else runs on it. SQLite keeps no such
/// counters: null there.
/// </summary>
internal sealed class DbCounters(WarehouseDb db)
{
    private (long Statements, long Commits)? _start;

    public async Task StartAsync(CancellationToken ct) => _start = await ReadAsync(ct).ConfigureAwait(false);

    /// <summary>Statements and commits since <see cref="StartAsync"/> (the counting queries excluded).</summary>
    public async Task<(long Statements, long Commits)?> StopAsync(CancellationToken ct)
    {
        if (_start is not { } start || await ReadAsync(ct).ConfigureAwait(false) is not { } end)
        {
            return null;
        }

        // Each reading is itself one statement on its own connection.
        return (end.Statements - start.Statements - 1, end.Commits - start.Commits);
    }

    private async Task<(long Statements, long Commits)?> ReadAsync(CancellationToken ct)
    {
        if (db.Provider != WarehouseProvider.MySql)
        {
            return null;
        }

        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = WarehouseDb.Command(connection, null, "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit')");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        long questions = 0, commits = 0;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var value = long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
            if (reader.GetString(0) == "Questions")
            {
                questions = value;
            }
            else
            {
                commits = value;
            }
        }

        return (questions, commits);
    }
}
