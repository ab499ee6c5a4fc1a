using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Warehouse.Schema;

/// <summary>
/// Creates blank Warehouse Pro databases for the demo and tests, from the library's own scripts (embedded resources
/// written from the documented schema facts): service rows with ID 1, operation types, payment types (1 cash, 2 bank
/// transfer, 3 card, 4 voucher), one VAT group of 20 %, the base currency, the service object and one real object
/// (ID 2), and the global configuration rows.
/// </summary>
public static partial class WarehouseSchema
{
    /// <summary>Creates a blank Warehouse Pro database.</summary>
    /// <param name="provider"><see cref="WarehouseProvider.Sqlite"/> (the file is created), <see cref="WarehouseProvider.MySql"/>
    /// (the database is created when missing) or <see cref="WarehouseProvider.SqlServer"/> (the database must exist).</param>
    /// <param name="connectionString">The provider's connection string.</param>
    /// <param name="options">What the database starts with.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="NotSupportedException">Access: create the database with Warehouse Pro itself.</exception>
    /// <exception cref="WarehouseConnectionException">The server cannot be reached.</exception>
    /// <exception cref="WarehouseSchemaException">The database already holds Warehouse Pro tables.</exception>
    public static async Task CreateBlankAsync(WarehouseProvider provider, string connectionString, BlankDatabaseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new BlankDatabaseOptions();
        if (options.BaseCurrency is not { Length: 3 })
        {
            throw new ArgumentException("The base currency must be a three-letter code such as EUR or BGN.", nameof(options));
        }

        WarehouseDialect dialect = provider switch
        {
            WarehouseProvider.Sqlite => new SqliteDialect(),
            WarehouseProvider.MySql => new MySqlDialect(),
            WarehouseProvider.SqlServer => new SqlServerDialect(),
            _ => throw new NotSupportedException($"A blank {provider} database cannot be created by the library; create it with Warehouse Pro."),
        };

        if (provider == WarehouseProvider.MySql)
        {
            await CreateMySqlDatabaseAsync(connectionString, cancellationToken).ConfigureAwait(false);
        }

        await using var connection = provider == WarehouseProvider.Sqlite
            ? new SqliteConnection(connectionString) // read-write-create: this is where the file comes to be
            : dialect.CreateConnection(connectionString);
        await OpenAsync(connection, dialect, connectionString, cancellationToken).ConfigureAwait(false);

        var existing = await dialect.ListTablesAsync(connection, cancellationToken).ConfigureAwait(false);
        if (existing.Contains("goods", StringComparer.OrdinalIgnoreCase))
        {
            throw new WarehouseSchemaException($"{dialect.Describe(connectionString)} already holds a Warehouse Pro database; a blank one is created only in an empty database.");
        }

        var scriptName = provider switch
        {
            WarehouseProvider.Sqlite => "sqlite.tables.sql",
            WarehouseProvider.MySql => "mysql.tables.sql",
            _ => "sqlserver.tables.sql",
        };
        var parameters = new
        {
            options.BaseCurrency,
            BaseCurrencyName = options.BaseCurrency,
            options.ObjectName,
            ObjectName2 = options.ObjectName,
            PricesIncludeVat = options.PricesIncludeVat ? "-1" : "0",
            Costing = ((int)options.Costing).ToString(CultureInfo.InvariantCulture),
        };

        foreach (var statement in Statements(ReadScript(scriptName)))
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in Statements(ReadScript("seed.sql")))
        {
            var sql = TablePlaceholder().Replace(statement, m => dialect.Quote(dialect.DefaultTableName(m.Groups[1].Value)));
            sql = ColumnPlaceholder().Replace(sql, m => dialect.Quote(m.Groups[1].Value));
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CreateMySqlDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new ArgumentException("The MySQL connection string names no database (Database=...).", nameof(connectionString));
        }

        var database = builder.Database;
        builder.Database = "";
        await using var server = new MySqlConnection(builder.ConnectionString);
        var dialect = new MySqlDialect();
        await OpenAsync(server, dialect, connectionString, cancellationToken).ConfigureAwait(false);
        await server.ExecuteAsync(new CommandDefinition(
            $"CREATE DATABASE IF NOT EXISTS {dialect.Quote(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static async Task OpenAsync(DbConnection connection, WarehouseDialect dialect, string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new WarehouseConnectionException($"Cannot connect to {dialect.Describe(connectionString)}: {e.Message}", e);
        }
    }

    private static string ReadScript(string name)
    {
        var assembly = typeof(WarehouseSchema).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Scripts." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The statements of a script: comment lines dropped, split at a semicolon ending a line.</summary>
    internal static IEnumerable<string> Statements(string script)
    {
        var lines = script.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal));
        return StatementEnd().Split(string.Join('\n', lines)).Select(s => s.Trim()).Where(s => s.Length > 0);
    }

    [GeneratedRegex(@";[ \t]*(\n|$)")]
    private static partial Regex StatementEnd();

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex TablePlaceholder();

    [GeneratedRegex(@"\[([A-Za-z0-9]+)\]")]
    private static partial Regex ColumnPlaceholder();
}
