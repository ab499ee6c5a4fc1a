using System.Globalization;
using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Benchmarks.Measurement;

/// <summary>What the database server did during a run, from MariaDB's global status.</summary>
/// <param name="Statements">Statements clients sent (<c>Questions</c>).</param>
/// <param name="Commits">Commits (<c>Com_commit</c>).</param>
/// <param name="Selects">SELECT statements (<c>Com_select</c>).</param>
/// <param name="Writes">INSERT, UPDATE and DELETE statements.</param>
/// <param name="RowsScanned">Rows read by full table scans (<c>Handler_read_rnd_next</c>): large means a missing index.</param>
/// <param name="RowsByIndex">Rows read through an index (<c>Handler_read_key</c> + <c>Handler_read_next</c>).</param>
internal sealed record DbActivity(long Statements, long Commits, long Selects, long Writes, long RowsScanned, long RowsByIndex);

/// <summary>
/// Statements, commits and rows the database server handled during a run (MariaDB's global status), to explain where
/// time goes. The server is the benchmark's own, so nothing else runs on it. SQLite keeps no such counters: null there.
/// </summary>
internal sealed class DbCounters(WarehouseDb db)
{
    private static readonly string[] Names =
    [
        "Questions", "Com_commit", "Com_select", "Com_insert", "Com_update", "Com_delete", "Handler_read_rnd_next", "Handler_read_key", "Handler_read_next",
    ];

    private Dictionary<string, long>? _start;

    public async Task StartAsync(CancellationToken ct) => _start = await ReadAsync(ct).ConfigureAwait(false);

    /// <summary>What happened since <see cref="StartAsync"/> (the counting queries excluded).</summary>
    public async Task<DbActivity?> StopAsync(CancellationToken ct)
    {
        if (_start is not { } start || await ReadAsync(ct).ConfigureAwait(false) is not { } end)
        {
            return null;
        }

        long D(string name) => end[name] - start[name];
        // Each reading is itself one statement (a SELECT-like SHOW) on its own connection.
        return new DbActivity(D("Questions") - 1, D("Com_commit"), D("Com_select"), D("Com_insert") + D("Com_update") + D("Com_delete"),
            D("Handler_read_rnd_next"), D("Handler_read_key") + D("Handler_read_next"));
    }

    private async Task<Dictionary<string, long>?> ReadAsync(CancellationToken ct)
    {
        if (db.Provider != WarehouseProvider.MySql)
        {
            return null;
        }

        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = WarehouseDb.Command(connection, null,
            "SHOW GLOBAL STATUS WHERE Variable_name IN (" + string.Join(", ", Names.Select(n => $"'{n}'")) + ")");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var values = Names.ToDictionary(n => n, _ => 0L, StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            values[reader.GetString(0)] = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        }

        return values;
    }
}
