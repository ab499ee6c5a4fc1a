using MySqlConnector;

namespace Shopiko.Sync.Testing;

/// <summary>Loads the Warehouse Open 3.07 sample store dump (its tables as they are) into a new database.</summary>
public static class SampleDump
{
    /// <summary>The environment variable holding the dump's path (set by .ci/run).</summary>
    public const string Variable = "SHOPIKO_WAREHOUSE_DUMP";

    /// <summary>Creates a database on <paramref name="server"/>, loads <paramref name="dumpPath"/> into it and returns its connection string.</summary>
    public static async Task<string> LoadAsync(MariaDbServer server, string dumpPath, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var cs = await server.CreateDatabaseAsync("sample").ConfigureAwait(false);
        var database = new MySqlConnectionStringBuilder(cs).Database;
        var script = (await File.ReadAllTextAsync(dumpPath, ct).ConfigureAwait(false)).Replace("{0}", database, StringComparison.Ordinal);
        // The dump saves and restores session variables (@OLD_...): allow them.
        var loader = new MySqlConnectionStringBuilder(cs) { AllowUserVariables = true, DefaultCommandTimeout = 300 }.ConnectionString;
        await using var connection = new MySqlConnection(loader);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new MySqlCommand(script, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return cs;
    }
}
