using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Fitting;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

/// <summary>
/// The one <see cref="IWarehouseStore"/>: dialect-driven, Dapper through <see cref="CommandDefinition"/> only, a
/// connection per operation, reads streamed from an open reader, every write one transaction.
/// </summary>
internal sealed partial class WarehouseStore : IWarehouseStore
{
    private const int TransientAttempts = 3;

    private readonly WarehouseConnectionOptions _options;
    private readonly WarehouseDialect _dialect;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _commandTimeout;
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private Opened? _opened;
    private bool _syncStateReady;

    /// <summary>The database as last opened: its statements and settings.</summary>
    private sealed record Opened(WarehouseSql Sql, WarehouseInfo Info);

    /// <exception cref="PlatformNotSupportedException">Access on an OS other than Windows.</exception>
    public WarehouseStore(WarehouseConnectionOptions options, TimeProvider? timeProvider = null, ILogger<WarehouseStore>? logger = null)
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
        _dialect = CreateDialect(options.Provider);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _commandTimeout = (int)Math.Clamp(options.CommandTimeout.TotalSeconds, 1, int.MaxValue);
    }

    internal WarehouseDialect Dialect => _dialect;

    internal static WarehouseDialect CreateDialect(WarehouseProvider provider) => provider switch
    {
        WarehouseProvider.MySql => new MySqlDialect(),
        WarehouseProvider.SqlServer => new SqlServerDialect(),
        WarehouseProvider.Access => new AccessDialect(),
        WarehouseProvider.Sqlite => new SqliteDialect(),
        _ => throw new ShopikoConfigurationException($"Unknown warehouse provider {provider}.", "Warehouse.Provider"),
    };

    // ---------------------------------------------------------------- opening

    public async Task<WarehouseInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string> tables;
            try
            {
                tables = await _dialect.ListTablesAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsDriverError(e))
            {
                throw Translate(e, "the list of its tables");
            }

            var names = TableNames.Resolve(tables, _dialect.DefaultTableName, out var missing);
            if (missing.Count > 0)
            {
                throw new WarehouseSchemaException(
                    $"{Where} is not a Warehouse Pro database: the table(s) {string.Join(", ", missing)} are missing. " +
                    "Check the database name in the connection string.");
            }

            var sql = _dialect.BuildSql(names);
            var info = await ReadInfoAsync(connection, sql, cancellationToken).ConfigureAwait(false) with
            {
                Columns = await ReadColumnLimitsAsync(connection, cancellationToken).ConfigureAwait(false),
            };
            _opened = new Opened(sql, info);
            Log.Opened(_logger, Where, info.SchemaVersion, info.BaseCurrency, info.Settings.Costing.ToString());
            return info;
        }
        finally
        {
            _openLock.Release();
        }
    }

    private async Task<WarehouseInfo> ReadInfoAsync(DbConnection connection, WarehouseSql sql, CancellationToken cancellationToken)
    {
        List<string?> versions;
        string? currency;
        List<ConfigurationRow> configuration;
        try
        {
            versions = (await connection.QueryAsync<string?>(Command(sql.SelectVersion, null, null, cancellationToken)).ConfigureAwait(false)).AsList();
            currency = await connection.ExecuteScalarAsync<string?>(Command(sql.SelectBaseCurrency, null, null, cancellationToken)).ConfigureAwait(false);
            configuration = (await connection.QueryAsync<ConfigurationRow>(Command(sql.SelectConfiguration, null, null, cancellationToken)).ConfigureAwait(false)).AsList();
        }
        catch (Exception e) when (IsDriverError(e) && _dialect.Classify(e) == WarehouseErrorKind.Connection)
        {
            throw Translate(e, "the read of its settings");
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw new WarehouseSchemaException($"{Where} does not have the layout of a Warehouse Pro database: {e.Message}", e);
        }

        var version = versions.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v))
            ?? throw new WarehouseSchemaException($"{Where} holds no version in the table system: it is not a complete Warehouse Pro database.");
        if (!IsSupportedVersion(version))
        {
            throw new WarehouseSchemaException(
                $"{Where} is a Warehouse Pro database of version {version}; this library supports version 3.07 and later 3.x versions. " +
                "Update Warehouse Pro (or the library) so that they match.");
        }

        string? Config(string key) => configuration
            .Where(r => string.Equals(r.CfgKey?.Trim(), key, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.UserId == -1 ? 0 : 1).ThenBy(r => r.UserId)
            .Select(r => r.CfgValue?.Trim())
            .FirstOrDefault();

        // Program defaults when a key was never saved: prices with VAT, average costing, negative stock allowed,
        // one numbering for all objects.
        var settings = new WarehouseSettings(
            PricesIncludeVat: Flag(Config("configkey20"), true),
            Costing: int.TryParse(Config("configkey23"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var costing) && Enum.IsDefined((CostingMethod)costing)
                ? (CostingMethod)costing
                : CostingMethod.Average,
            AllowNegativeStock: Flag(Config("configkey12"), true),
            DocumentNumbersPerObject: Flag(Config("configkey48"), false));
        return new WarehouseInfo(_dialect.Provider, version, Text.Read(currency).Trim(), settings);
    }

    /// <summary>
    /// The text columns' real limits, from the database's own catalogue. A catalogue the user may not read leaves the
    /// limits unknown (with a warning): the database then refuses what does not fit, one record at a time.
    /// </summary>
    private async Task<ColumnLimits> ReadColumnLimitsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            var limits = ColumnLimits.Of(await _dialect.ReadColumnLimitsAsync(connection, cancellationToken).ConfigureAwait(false));
            Log.ColumnLimitsRead(_logger, limits.Count, Where);
            return limits;
        }
        catch (Exception e) when (IsDriverError(e) && _dialect.Classify(e) != WarehouseErrorKind.Connection)
        {
            Log.ColumnLimitsUnreadable(_logger, Where, e.Message);
            return ColumnLimits.None;
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, "the read of its column definitions");
        }
    }

    private static bool Flag(string? value, bool whenMissing) =>
        string.IsNullOrEmpty(value) ? whenMissing : value is "-1" or "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>3.07 and later 3.x versions (<c>3.07</c>, <c>3.07.038</c>, <c>3.10</c>).</summary>
    internal static bool IsSupportedVersion(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && major == 3 && minor >= 7;
    }

    private async Task<Opened> PrepareAsync(CancellationToken cancellationToken)
    {
        var opened = _opened;
        if (opened is not null)
        {
            return opened;
        }

        await GetInfoAsync(cancellationToken).ConfigureAwait(false);
        return _opened!;
    }

    private string Where => _dialect.Describe(_options.ConnectionString);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection? connection = null;
        try
        {
            connection = _dialect.CreateConnection(_options.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await _dialect.PrepareConnectionAsync(connection, cancellationToken).ConfigureAwait(false);
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
                where = $"the {_dialect.Provider} database";
            }

            string advice;
            try
            {
                advice = _dialect.ConnectionAdvice(_options.ConnectionString);
            }
            catch (ArgumentException)
            {
                advice = $"Check the {_dialect.Provider} connection string.";
            }

            throw new WarehouseConnectionException($"Cannot connect to {where}: {e.Message} {advice}", e);
        }
    }

    private CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, _commandTimeout, cancellationToken: cancellationToken);

    // ---------------------------------------------------------------- driver errors

    /// <summary>
    /// An error the driver raised (its own exception type, or the socket/stream under it when a connection drops
    /// mid-read). Only these are translated: a bug of ours stays what it is.
    /// </summary>
    private static bool IsDriverError(Exception e) =>
        e is DbException or IOException or System.Net.Sockets.SocketException or TimeoutException;

    /// <summary>
    /// The one place a driver error becomes the library's own: <see cref="WarehouseDataException"/> when the database
    /// refused this record's write (the run quarantines it and goes on), <see cref="WarehouseConnectionException"/> or
    /// <see cref="WarehouseSchemaException"/> when every record would fail alike (the run stops). A read concerns no
    /// one record, so what the database refuses there (other than the connection) is the schema's. The database's own
    /// reason is kept in the message; the driver exception is the inner exception.
    /// </summary>
    private WarehouseException Translate(Exception e, string doing, bool write = false) => _dialect.Classify(e) switch
    {
        WarehouseErrorKind.Data when write => new WarehouseDataException($"{Where} refused {doing}: {e.Message} Nothing was written.", e),
        WarehouseErrorKind.Data or WarehouseErrorKind.Schema => new WarehouseSchemaException(
            $"{Where} refused {doing}: {e.Message} Check that it is a complete Warehouse Pro database and that the database user may read and write its tables.", e),
        _ => new WarehouseConnectionException(
            $"The connection to {Where} failed during {doing}: {e.Message} Check that the server is running and reachable; the next run goes on from here.", e),
    };

    /// <summary>What <see cref="Translate"/> is told a read was doing.</summary>
    private const string Reading = "a read";

    // ---------------------------------------------------------------- reads

    private async IAsyncEnumerable<TOut> StreamAsync<TRow, TOut>(
        Func<WarehouseSql, string> sql, object? parameters, Func<TRow, TOut> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opened = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // An open reader, one row at a time: 100,000 goods are never held in memory, not even once. A row is read inside
        // the translation and yielded outside it (C# yields from no try with a catch), so a connection dropped mid-read
        // reaches the caller as the library's exception.
        DbDataReader reader;
        try
        {
            reader = await connection.ExecuteReaderAsync(new CommandDefinition(
                sql(opened.Sql), parameters, null, _commandTimeout, flags: CommandFlags.None, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, Reading);
        }

        try
        {
            var parse = reader.GetRowParser<TRow>();
            while (true)
            {
                TOut item;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    item = map(parse(reader));
                }
                catch (Exception e) when (IsDriverError(e))
                {
                    throw Translate(e, Reading);
                }

                yield return item;
            }
        }
        finally
        {
            await DisposeQuietlyAsync(reader).ConfigureAwait(false);
        }
    }

    /// <summary>Closes a reader whose connection may be gone: an error closing it adds nothing to the one already raised.</summary>
    private static async Task DisposeQuietlyAsync(DbDataReader reader)
    {
        try
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverError(e) || e is InvalidOperationException)
        {
            // The connection is already broken; its own error (if any) is what the caller sees.
        }
    }

    private async Task<List<TOut>> ListAsync<TRow, TOut>(Func<WarehouseSql, string> sql, object? parameters, Func<TRow, TOut> map, CancellationToken cancellationToken)
    {
        var opened = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var rows = await connection.QueryAsync<TRow>(Command(sql(opened.Sql), parameters, null, cancellationToken)).ConfigureAwait(false);
            return rows.Select(map).ToList();
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, Reading);
        }
    }

    public IAsyncEnumerable<Good> ReadGoodsAsync(CancellationToken cancellationToken = default) =>
        StreamAsync<GoodRow, Good>(s => s.SelectGoods, null, r => r.ToGood(), cancellationToken);

    public IAsyncEnumerable<Good> ReadGoodsForShopAsync(PriceColumn price, CancellationToken cancellationToken = default) =>
        StreamAsync<GoodRow, Good>(s => s.SelectGoodsForShop(price), null, r => r.ToGood(), cancellationToken);

    public IAsyncEnumerable<GoodsGroup> ReadGoodsGroupsAsync(CancellationToken cancellationToken = default) =>
        StreamAsync<GroupRow, GoodsGroup>(s => s.SelectGroups, null, r => r.ToGroup(), cancellationToken);

    public IAsyncEnumerable<Partner> ReadPartnersAsync(CancellationToken cancellationToken = default) =>
        StreamAsync<PartnerRow, Partner>(s => s.SelectPartners, null, r => r.ToPartner(), cancellationToken);

    public async Task<IReadOnlyList<WarehouseObject>> ReadObjectsAsync(CancellationToken cancellationToken = default) =>
        await ListAsync<ObjectRow, WarehouseObject>(s => s.SelectObjects, null, r => r.ToObject(), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<WrittenLine>> ReadDocumentLinesAsync(int operType, long acct, int objectId, CancellationToken cancellationToken = default) =>
        await ListAsync<DocumentLineRow, WrittenLine>(s => s.SelectDocumentLines, new { OperType = operType, Acct = acct, ObjectId = objectId }, r => r.ToLine(), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<VatGroup>> ReadVatGroupsAsync(CancellationToken cancellationToken = default) =>
        await ListAsync<VatGroupRow, VatGroup>(s => s.SelectVatGroups, null, r => r.ToVatGroup(), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<PaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken = default) =>
        await ListAsync<PaymentTypeRow, PaymentType>(s => s.SelectPaymentTypes, null, r => r.ToPaymentType(), cancellationToken).ConfigureAwait(false);

    public IAsyncEnumerable<StockLevel> ReadStockAsync(IReadOnlyCollection<int> objectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        return objectIds.Count == 0
            ? AsyncEnumerable.Empty<StockLevel>()
            : StreamAsync<StockRow, StockLevel>(s => s.SelectStock(objectIds.Distinct().Order()), null, r => r.ToStockLevel(), cancellationToken);
    }

    public async Task<Good?> FindGoodAsync(int id, CancellationToken cancellationToken = default) =>
        (await ListAsync<GoodRow, Good>(s => s.SelectGoodById, new { Id = id }, r => r.ToGood(), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<Good>> FindGoodsByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim();
        return trimmed.Length == 0
            ? []
            : await ListAsync<GoodRow, Good>(s => s.SelectGoodsByCode, new { Code = trimmed }, r => r.ToGood(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Partner?> FindPartnerAsync(int id, CancellationToken cancellationToken = default) =>
        (await ListAsync<PartnerRow, Partner>(s => s.SelectPartnerById, new { Id = id }, r => r.ToPartner(), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    // ---------------------------------------------------------------- writes: the transaction

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits. A deadlock or lock timeout rolls everything back
    /// and runs the whole transaction again; any other failure rolls back and surfaces as a typed exception.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, WarehouseSql, WarehouseSettings, Task<T>> work, CancellationToken cancellationToken)
    {
        var opened = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(_dialect.WriteIsolation, cancellationToken).ConfigureAwait(false);
                var result = await work(connection, transaction, opened.Sql, opened.Info.Settings).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (DbException e) when (_dialect.IsTransient(e) && attempt < TransientAttempts)
            {
                Log.WriteRetried(_logger, attempt, e);
            }
            catch (Exception e) when (IsDriverError(e))
            {
                throw Translate(e, "the write", write: true);
            }
        }
    }

    private async Task<int> InsertReturningIdAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, string insert, object parameters, CancellationToken cancellationToken)
    {
        if (_dialect.BatchesStatements)
        {
            return await connection.ExecuteScalarAsync<int>(Command(insert, parameters, transaction, cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(Command(insert, parameters, transaction, cancellationToken)).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(Command(sql.LastIdentity, null, transaction, cancellationToken)).ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- creates

    public async Task<GoodsGroup> CreateGoodsGroupAsync(NewGoodsGroup group, ScopedLink? link = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var opened = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        group = group with { Name = RequiredName(group.Name, "The goods group name") };
        var name = Stored(FitOrRefuse(RecordFitter.Group(group, opened.Info.Columns), "The goods group").Name);
        if (link is not null)
        {
            await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var created = await WriteAsync(async (connection, transaction, sql, _) =>
        {
            var parentCode = "";
            if (group.ParentId is { } parentId and not 1)
            {
                var parent = await connection.QueryFirstOrDefaultAsync<GroupRow>(Command(sql.SelectGroupById, new { Id = parentId }, transaction, cancellationToken)).ConfigureAwait(false)
                    ?? throw new WarehouseDataException($"The parent goods group {parentId} does not exist in the Warehouse Pro database. Nothing was written.");
                parentCode = Text.Read(parent.Code).Trim().ToUpperInvariant();
                if (!GroupCodes.IsTreeCode(parentCode))
                {
                    throw new WarehouseDataException($"The parent goods group {parentId} has the code '{parentCode}', which is not a group tree code. Nothing was written.");
                }
            }

            var codes = await connection.QueryAsync<string?>(Command(sql.SelectGroupCodes, null, transaction, cancellationToken)).ConfigureAwait(false);
            var code = GroupCodes.Next(parentCode, codes);
            var id = await InsertReturningIdAsync(connection, transaction, sql, sql.InsertGroup, new { Name = name, Code = code }, cancellationToken).ConfigureAwait(false);
            await WriteLinkAsync(connection, transaction, sql, link, id, cancellationToken).ConfigureAwait(false);
            return new GoodsGroup(id, code, name);
        }, cancellationToken).ConfigureAwait(false);
        Log.Created(_logger, "goods group", created.Id, created.Name);
        return created;
    }

    public async Task<Good> CreateGoodAsync(NewGood good, ScopedLink? link = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(good);
        var opened = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        good = FitOrRefuse(RecordFitter.Good(good with { Name = RequiredName(good.Name, "The good's name") }, opened.Info.Columns), "The good");
        var name = Stored(good.Name);
        var parameters = new
        {
            Code = Stored(good.Code),
            BarCode1 = Stored(good.BarCode1),
            Name = name,
            Name2 = name,
            Measure1 = Stored(good.Measure1),
            Measure2 = Stored(good.Measure1),
            PriceIn = Number.Write(good.PriceIn),
            PriceOut1 = Number.Write(good.Prices.PriceOut1),
            PriceOut2 = Number.Write(good.Prices.PriceOut2),
            PriceOut3 = Number.Write(good.Prices.PriceOut3),
            PriceOut4 = Number.Write(good.Prices.PriceOut4),
            PriceOut5 = Number.Write(good.Prices.PriceOut5),
            PriceOut6 = Number.Write(good.Prices.PriceOut6),
            PriceOut7 = Number.Write(good.Prices.PriceOut7),
            PriceOut8 = Number.Write(good.Prices.PriceOut8),
            PriceOut9 = Number.Write(good.Prices.PriceOut9),
            PriceOut10 = Number.Write(good.Prices.PriceOut10),
            Description = Stored(good.Description),
            good.Type,
            TaxGroup = good.VatGroupId,
            GroupID = good.GroupId,
        };
        if (link is not null)
        {
            await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var id = await WriteAsync(async (connection, transaction, sql, _) =>
        {
            await RequireGroupAsync(connection, transaction, sql, good.GroupId, cancellationToken).ConfigureAwait(false);
            var vatGroups = await connection.ExecuteScalarAsync<long>(Command(sql.CountVatGroup, new { Id = good.VatGroupId }, transaction, cancellationToken)).ConfigureAwait(false);
            if (vatGroups == 0)
            {
                throw new WarehouseDataException($"The VAT group {good.VatGroupId} does not exist in the Warehouse Pro database. Nothing was written.");
            }

            var newId = await InsertReturningIdAsync(connection, transaction, sql, sql.InsertGood, parameters, cancellationToken).ConfigureAwait(false);
            // As the program does: a zero stock row in every object, so the good shows up everywhere.
            await connection.ExecuteAsync(Command(sql.InsertStoreRowsForGood, new { GoodId = newId }, transaction, cancellationToken)).ConfigureAwait(false);
            await WriteLinkAsync(connection, transaction, sql, link, newId, cancellationToken).ConfigureAwait(false);
            return newId;
        }, cancellationToken).ConfigureAwait(false);
        Log.Created(_logger, "good", id, name);
        return await FindGoodAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new WarehouseException($"The good {id} was written but cannot be read back from {Where}.");
    }

    public async Task<Partner> CreatePartnerAsync(NewPartner partner, ScopedLink? link = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var opened = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        partner = FitOrRefuse(RecordFitter.Partner(partner with { Company = RequiredName(partner.Company, "The partner's name") }, opened.Info.Columns), "The partner");
        var company = Stored(partner.Company);
        var mol = Stored(partner.Mol);
        var city = Stored(partner.City);
        var address = Stored(partner.Address);
        var parameters = new
        {
            Code = Stored(partner.Code),
            Company = company,
            Company2 = company,
            Mol = mol,
            Mol2 = mol,
            City = city,
            City2 = city,
            Address = address,
            Address2 = address,
            Phone = Stored(partner.Phone),
            Email = Stored(partner.Email),
            TaxNo = Stored(partner.TaxNo),
            Bulstat = Stored(partner.Bulstat),
            partner.Type,
            UserId = 1,
            GroupID = partner.GroupId,
            Now = Clock.LocalNow(_time),
        };
        if (link is not null)
        {
            await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var id = await WriteAsync(async (connection, transaction, sql, _) =>
        {
            var newId = await InsertReturningIdAsync(connection, transaction, sql, sql.InsertPartner, parameters, cancellationToken).ConfigureAwait(false);
            await WriteLinkAsync(connection, transaction, sql, link, newId, cancellationToken).ConfigureAwait(false);
            return newId;
        }, cancellationToken).ConfigureAwait(false);
        Log.Created(_logger, "partner", id, company);
        return await FindPartnerAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new WarehouseException($"The partner {id} was written but cannot be read back from {Where}.");
    }

    private static string RequiredName(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new WarehouseDataException($"{what} is empty. Nothing was written.");
        }

        return name.Trim();
    }

    /// <summary>A value as the program stores it (empty becomes a single space), once fitted to its column.</summary>
    private static string Stored(string? value) => string.IsNullOrEmpty(value) ? " " : value;

    /// <summary>
    /// The record made to fit the database's columns (<see cref="RecordFitter"/>), each change logged; an identity
    /// field that does not fit refuses the record with the field and its limit.
    /// </summary>
    private T FitOrRefuse<T>(Fitted<T> fitted, string what)
    {
        if (fitted.Refusal is { } refusal)
        {
            throw new WarehouseDataException($"{what} cannot be written: {refusal}. Nothing was written.");
        }

        foreach (var change in fitted.Changes)
        {
            Log.TextFitted(_logger, what, change.Describe());
        }

        return fitted.Value;
    }

    /// <summary>One value of a document column (a line's note, a lot copied from stock) made to fit; the change, if any, is added to <paramref name="changes"/>.</summary>
    private string FitColumn(string? value, string table, string column, string what, ICollection<TextChange>? changes = null)
    {
        var fitted = RecordFitter.Column(value, table, column, _opened?.Info.Columns ?? ColumnLimits.None);
        if (changes is not null)
        {
            foreach (var change in fitted.Changes)
            {
                changes.Add(change);
            }
        }

        return Stored(FitOrRefuse(fitted, what));
    }

    private async Task RequireGroupAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, int groupId, CancellationToken cancellationToken)
    {
        var group = await connection.QueryFirstOrDefaultAsync<GroupRow>(Command(sql.SelectGroupById, new { Id = groupId }, transaction, cancellationToken)).ConfigureAwait(false);
        if (group is null)
        {
            throw new WarehouseDataException($"The goods group {groupId} does not exist in the Warehouse Pro database. Nothing was written.");
        }
    }
}
