using MySqlConnector;

namespace Shopiko.Sync.Testing;

/// <summary>Loads the Warehouse Open 3.07 sample store dump (its tables as they are) into a new database.</summary>
public static class SampleDump
{
    /// <summary>The environment variable that points to another copy of the dump.</summary>
    public const string Variable = "SHOPIKO_WAREHOUSE_DUMP";

    /// <summary>Where the dump is by default: in <c>../shared/fixtures/warehouse-open-3.07/</c> beside the repository.</summary>
    public static string DefaultPath { get; } =
        System.IO.Path.GetFullPath(System.IO.Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "fixtures", "warehouse-open-3.07", "mysql-sample-store.sql"));

    // Where the dump is looked for: the variable's path, else the default one.
    private static readonly string Wanted =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : DefaultPath;

    /// <summary>The dump's path (<see cref="Variable"/>, else <see cref="DefaultPath"/>), or null when there is no dump there.</summary>
    public static string? Path { get; } = File.Exists(Wanted) ? Wanted : null;

    /// <summary>Why a test on the sample store cannot run here, or null when it can.</summary>
    public static string? MissingReason => Path is null
        ? $"The Warehouse Open sample store dump is not at {Wanted}: set {Variable} to the path of mysql-sample-store.sql to run this test."
        : null;

    /// <summary>Loads the dump into a new database on <paramref name="server"/> and returns its connection string.</summary>
    public static Task<string> LoadAsync(MariaDbServer server, CancellationToken ct = default) =>
        LoadAsync(server, Path ?? throw new InvalidOperationException(MissingReason), ct);

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
