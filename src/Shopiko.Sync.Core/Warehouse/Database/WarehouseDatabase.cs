using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Warehouse.Database;

/// <summary>
/// The one place the library talks to a warehouse database: the connection string and its dialect, opening (with the
/// errors a merchant can act on), the statements and settings of the database as last opened, commands, the
/// translation of driver errors, streamed and listed reads, and the write transaction. Transient failures are retried
/// here, through Polly on the store's clock. The warehouse store and the sync-state store are both built on one.
/// </summary>
internal sealed partial class WarehouseDatabase
{
    private readonly WarehouseConnectionOptions _options;
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private readonly ResiliencePipeline _writes;
    private readonly ResiliencePipeline _reads;
    private Opened? _opened;

    /// <exception cref="PlatformNotSupportedException">Access on an OS other than Windows.</exception>
    public WarehouseDatabase(WarehouseConnectionOptions options, TimeProvider? timeProvider = null, ILogger? logger = null, WarehouseRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == WarehouseProvider.Access && !OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(AccessDialect.NotSupportedMessage);
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ShopikoConfigurationException("The Warehouse Pro connection string is empty.", "Warehouse.ConnectionString");
        }

        _options = options;
        Dialect = CreateDialect(options.Provider);
        Time = timeProvider ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
        CommandTimeout = (int)Math.Clamp(options.CommandTimeout.TotalSeconds, 1, int.MaxValue);
        retry ??= WarehouseRetry.Default;
        _writes = retry.Writes(Dialect, Time, Logger);
        _reads = retry.Reads(Dialect, Time, Logger);
    }

    /// <summary>The SQL of the provider.</summary>
    public WarehouseDialect Dialect { get; }

    /// <summary>The clock of the rows written and of the waits between retries.</summary>
    public TimeProvider Time { get; }

    /// <summary>Where the store and the sync state log.</summary>
    public ILogger Logger { get; }

    /// <summary>Seconds a command may run.</summary>
    public int CommandTimeout { get; }

    /// <summary>The connection string as configured.</summary>
    public string ConnectionString => _options.ConnectionString;

    /// <summary>The database as last opened, or null before the first open.</summary>
    public Opened? Current => _opened;

    /// <summary>The database in words (server and name, or file), for messages.</summary>
    public string Where => Dialect.Describe(_options.ConnectionString);

    internal static WarehouseDialect CreateDialect(WarehouseProvider provider) => provider switch
    {
        WarehouseProvider.MySql => new MySqlDialect(),
        WarehouseProvider.SqlServer => new SqlServerDialect(),
        WarehouseProvider.Access => new AccessDialect(),
        WarehouseProvider.Sqlite => new SqliteDialect(),
        _ => throw new ShopikoConfigurationException($"Unknown warehouse provider {provider}.", "Warehouse.Provider"),
    };

    /// <summary>A command with the store's timeout, in <paramref name="transaction"/> when given.</summary>
    public CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, CommandTimeout, cancellationToken: cancellationToken);

    /// <summary>
    /// A new open connection, set up by the dialect. What stops it is a <see cref="WarehouseConnectionException"/>
    /// saying what to check (never retried: an unreachable server only answers later with the same).
    /// </summary>
    public async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        DbConnection? connection = null;
        try
        {
            connection = Dialect.CreateConnection(_options.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await Dialect.PrepareConnectionAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is not OperationCanceledException and not PlatformNotSupportedException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (e is WarehouseConnectionException)
            {
                throw; // the dialect refused the server (e.g. too old) and said why
            }

            string where;
            try
            {
                where = Where;
            }
            catch (ArgumentException)
            {
                where = $"the {Dialect.Provider} database";
            }

            string advice;
            try
            {
                advice = Dialect.ConnectionAdvice(_options.ConnectionString);
            }
            catch (ArgumentException)
            {
                advice = $"Check the {Dialect.Provider} connection string.";
            }

            throw new WarehouseConnectionException($"Cannot connect to {where}: {e.Message} {advice}", e);
        }
    }
}
