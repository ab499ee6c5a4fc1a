using MySqlConnector;

namespace Shopiko.Sync.Testing;

/// <summary>
/// The Warehouse Open 3.07 sample store (<c>mysql-sample-store.sql</c>, its utf8 3-byte tables as they are) loaded into
/// a new database of the self-started MariaDB. <c>SHOPIKO_WAREHOUSE_DUMP</c> names the file (set by .ci/run).
/// </summary>
public static class SampleDump
{
    /// <summary>The environment variable holding the dump's path.</summary>
    public const string Variable = "SHOPIKO_WAREHOUSE_DUMP";

    /// <summary>The dump's path, or null when the variable is not set.</summary>
    public static string? Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    /// <summary>Loads the dump into a new database and returns a connection string to it.</summary>
    public static async Task<string> LoadAsync(string namePrefix = "sample", CancellationToken ct = default)
    {
        var path = Path ?? throw new InvalidOperationException($"Set {Variable} to the path of mysql-sample-store.sql.");
        var server = await MariaDbServer.GetSharedAsync(ct).ConfigureAwait(false);
        var cs = await server.CreateDatabaseAsync(namePrefix, ct).ConfigureAwait(false);
        var database = new MySqlConnectionStringBuilder(cs).Database;
        var script = (await File.ReadAllTextAsync(path, ct).ConfigureAwait(false)).Replace("{0}", database, StringComparison.Ordinal);
        // The dump saves and restores session variables (@OLD_...): allow them.
        var loader = new MySqlConnectionStringBuilder(cs) { AllowUserVariables = true, DefaultCommandTimeout = 300 }.ConnectionString;
        await using var connection = new MySqlConnection(loader);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new MySqlCommand(script, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return cs;
    }
}
