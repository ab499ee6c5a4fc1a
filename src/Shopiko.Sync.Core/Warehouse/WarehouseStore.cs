using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Database;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Fitting;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

/// <summary>
/// The one <see cref="IWarehouseStore"/>: the merchant's tables, every call through one <see cref="WarehouseDatabase"/>
/// (a connection per operation, reads streamed, every write one transaction). The engine's own bookkeeping is
/// <see cref="State"/>, on the same database; the store writes into it only inside its own transactions (the order
/// record with its document, the link with a created record), so those commit or roll back together.
/// </summary>
internal sealed partial class WarehouseStore : IWarehouseStore
{
    private readonly WarehouseDatabase _db;
    private readonly ILogger _logger;

    /// <exception cref="PlatformNotSupportedException">Access on an OS other than Windows.</exception>
    public WarehouseStore(WarehouseConnectionOptions options, TimeProvider? timeProvider = null, ILogger<WarehouseStore>? logger = null)
        : this(new WarehouseDatabase(options, timeProvider, logger))
    {
    }

    public WarehouseStore(WarehouseDatabase database)
    {
        _db = database;
        _logger = database.Logger;
        State = new SyncStateStore(database);
    }

    /// <summary>The sync state kept beside this warehouse, on the same database gateway.</summary>
    internal SyncStateStore State { get; }

    public Task<WarehouseInfo> GetInfoAsync(CancellationToken cancellationToken = default) => _db.OpenAsync(cancellationToken);

    // ---------------------------------------------------------------- reads

    public IAsyncEnumerable<Good> ReadGoodsAsync(CancellationToken cancellationToken = default) =>
        _db.StreamAsync<GoodRow, Good>(s => s.SelectGoods, null, r => r.ToGood(), cancellationToken);

    public IAsyncEnumerable<Good> ReadGoodsForShopAsync(PriceColumn price, CancellationToken cancellationToken = default) =>
        _db.StreamAsync<GoodRow, Good>(s => s.SelectGoodsForShop(price), null, r => r.ToGood(), cancellationToken);

    public IAsyncEnumerable<GoodsGroup> ReadGoodsGroupsAsync(CancellationToken cancellationToken = default) =>
        _db.StreamAsync<GroupRow, GoodsGroup>(s => s.SelectGroups, null, r => r.ToGroup(), cancellationToken);

    public IAsyncEnumerable<Partner> ReadPartnersAsync(CancellationToken cancellationToken = default) =>
        _db.StreamAsync<PartnerRow, Partner>(s => s.SelectPartners, null, r => r.ToPartner(), cancellationToken);

    public async Task<IReadOnlyList<WarehouseObject>> ReadObjectsAsync(CancellationToken cancellationToken = default) =>
        await _db.ListAsync<ObjectRow, WarehouseObject>(s => s.SelectObjects, null, r => r.ToObject(), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<WrittenLine>> ReadDocumentLinesAsync(int operType, long acct, int objectId, CancellationToken cancellationToken = default) =>
        await _db.ListAsync<DocumentLineRow, WrittenLine>(s => s.SelectDocumentLines, new { OperType = operType, Acct = acct, ObjectId = objectId }, r => r.ToLine(), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<VatGroup>> ReadVatGroupsAsync(CancellationToken cancellationToken = default) =>
        await _db.ListAsync<VatGroupRow, VatGroup>(s => s.SelectVatGroups, null, r => r.ToVatGroup(), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<PaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken = default) =>
        await _db.ListAsync<PaymentTypeRow, PaymentType>(s => s.SelectPaymentTypes, null, r => r.ToPaymentType(), cancellationToken).ConfigureAwait(false);

    public IAsyncEnumerable<StockLevel> ReadStockAsync(IReadOnlyCollection<int> objectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        return objectIds.Count == 0
            ? AsyncEnumerable.Empty<StockLevel>()
            : _db.StreamAsync<StockRow, StockLevel>(s => s.SelectStock(objectIds.Distinct().Order()), null, r => r.ToStockLevel(), cancellationToken);
    }

    public async Task<Good?> FindGoodAsync(int id, CancellationToken cancellationToken = default) =>
        (await _db.ListAsync<GoodRow, Good>(s => s.SelectGoodById, new { Id = id }, r => r.ToGood(), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<Good>> FindGoodsByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim();
        return trimmed.Length == 0
            ? []
            : await _db.ListAsync<GoodRow, Good>(s => s.SelectGoodsByCode, new { Code = trimmed }, r => r.ToGood(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Partner?> FindPartnerAsync(int id, CancellationToken cancellationToken = default) =>
        (await _db.ListAsync<PartnerRow, Partner>(s => s.SelectPartnerById, new { Id = id }, r => r.ToPartner(), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    // ---------------------------------------------------------------- writes

    private async Task<int> InsertReturningIdAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, string insert, object parameters, CancellationToken cancellationToken)
    {
        if (_db.Dialect.BatchesStatements)
        {
            return await connection.ExecuteScalarAsync<int>(_db.Command(insert, parameters, transaction, cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(_db.Command(insert, parameters, transaction, cancellationToken)).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(_db.Command(sql.LastIdentity, null, transaction, cancellationToken)).ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- creates

    public async Task<GoodsGroup> CreateGoodsGroupAsync(NewGoodsGroup group, ScopedLink? link = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var opened = await _db.OpenedAsync(cancellationToken).ConfigureAwait(false);
        group = group with { Name = RequiredName(group.Name, "The goods group name") };
        var name = Stored(FitOrRefuse(RecordFitter.Group(group, opened.Info.Columns), "The goods group").Name);
        if (link is not null)
        {
            await State.EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var created = await _db.WriteAsync(async (connection, transaction, sql, _) =>
        {
            var parentCode = "";
            if (group.ParentId is { } parentId and not 1)
            {
                var parent = await connection.QueryFirstOrDefaultAsync<GroupRow>(_db.Command(sql.SelectGroupById, new { Id = parentId }, transaction, cancellationToken)).ConfigureAwait(false)
                    ?? throw new WarehouseDataException($"The parent goods group {parentId} does not exist in the Warehouse Pro database. Nothing was written.");
                parentCode = Text.Read(parent.Code).Trim().ToUpperInvariant();
                if (!GroupCodes.IsTreeCode(parentCode))
                {
                    throw new WarehouseDataException($"The parent goods group {parentId} has the code '{parentCode}', which is not a group tree code. Nothing was written.");
                }
            }

            var codes = await connection.QueryAsync<string?>(_db.Command(sql.SelectGroupCodes, null, transaction, cancellationToken)).ConfigureAwait(false);
            var code = GroupCodes.Next(parentCode, codes);
            var id = await InsertReturningIdAsync(connection, transaction, sql, sql.InsertGroup, new { Name = name, Code = code }, cancellationToken).ConfigureAwait(false);
            await State.WriteLinkAsync(connection, transaction, sql, link, id, cancellationToken).ConfigureAwait(false);
            return new GoodsGroup(id, code, name);
        }, cancellationToken).ConfigureAwait(false);
        Log.Created(_logger, "goods group", created.Id, created.Name);
        return created;
    }

    public async Task<Good> CreateGoodAsync(NewGood good, ScopedLink? link = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(good);
        var opened = await _db.OpenedAsync(cancellationToken).ConfigureAwait(false);
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
            await State.EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var id = await _db.WriteAsync(async (connection, transaction, sql, _) =>
        {
            await RequireGroupAsync(connection, transaction, sql, good.GroupId, cancellationToken).ConfigureAwait(false);
            var vatGroups = await connection.ExecuteScalarAsync<long>(_db.Command(sql.CountVatGroup, new { Id = good.VatGroupId }, transaction, cancellationToken)).ConfigureAwait(false);
            if (vatGroups == 0)
            {
                throw new WarehouseDataException($"The VAT group {good.VatGroupId} does not exist in the Warehouse Pro database. Nothing was written.");
            }

            var newId = await InsertReturningIdAsync(connection, transaction, sql, sql.InsertGood, parameters, cancellationToken).ConfigureAwait(false);
            // As the program does: a zero stock row in every object, so the good shows up everywhere.
            await connection.ExecuteAsync(_db.Command(sql.InsertStoreRowsForGood, new { GoodId = newId }, transaction, cancellationToken)).ConfigureAwait(false);
            await State.WriteLinkAsync(connection, transaction, sql, link, newId, cancellationToken).ConfigureAwait(false);
            return newId;
        }, cancellationToken).ConfigureAwait(false);
        Log.Created(_logger, "good", id, name);
        return await FindGoodAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new WarehouseException($"The good {id} was written but cannot be read back from {_db.Where}.");
    }

    public async Task<Partner> CreatePartnerAsync(NewPartner partner, ScopedLink? link = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var opened = await _db.OpenedAsync(cancellationToken).ConfigureAwait(false);
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
            Now = Clock.LocalNow(_db.Time),
        };
        if (link is not null)
        {
            await State.EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var id = await _db.WriteAsync(async (connection, transaction, sql, _) =>
        {
            var newId = await InsertReturningIdAsync(connection, transaction, sql, sql.InsertPartner, parameters, cancellationToken).ConfigureAwait(false);
            await State.WriteLinkAsync(connection, transaction, sql, link, newId, cancellationToken).ConfigureAwait(false);
            return newId;
        }, cancellationToken).ConfigureAwait(false);
        Log.Created(_logger, "partner", id, company);
        return await FindPartnerAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new WarehouseException($"The partner {id} was written but cannot be read back from {_db.Where}.");
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
        var fitted = RecordFitter.Column(value, table, column, _db.Current?.Info.Columns ?? ColumnLimits.None);
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
        var group = await connection.QueryFirstOrDefaultAsync<GroupRow>(_db.Command(sql.SelectGroupById, new { Id = groupId }, transaction, cancellationToken)).ConfigureAwait(false);
        if (group is null)
        {
            throw new WarehouseDataException($"The goods group {groupId} does not exist in the Warehouse Pro database. Nothing was written.");
        }
    }
}
