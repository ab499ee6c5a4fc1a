using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Changes;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

// Change detection for the fast path: an operations-ID window and per-range checksums, each read through a primary key.
internal sealed partial class WarehouseStore
{
    public async Task<OperationsProbe> ProbeOperationsAsync(long floor, long upper, CancellationToken cancellationToken = default)
    {
        var rows = await _db.ListAsync<ProbeRow, OperationsProbe>(s => s.Changes.ProbeOperations, new { Floor = floor, Upper = upper },
            r => new OperationsProbe(r.Rows, r.MaxId), cancellationToken).ConfigureAwait(false);
        return rows.FirstOrDefault();
    }

    public async IAsyncEnumerable<int> ReadMovedGoodsAsync(long floor, long upper, IReadOnlyCollection<int> objectIds,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        if (objectIds.Count == 0)
        {
            yield break;
        }

        var objects = objectIds.Distinct().Order().ToList();
        await foreach (var id in _db.StreamAsync<MovedRow, int>(s => s.Changes.SelectMovedGoods(objects), new { Floor = floor, Upper = upper }, r => r.GoodId, cancellationToken).ConfigureAwait(false))
        {
            yield return id;
        }
    }

    public async IAsyncEnumerable<StockLevel> ReadStockOfGoodsAsync(IReadOnlyCollection<int> objectIds, IReadOnlyList<int> goodIds,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        ArgumentNullException.ThrowIfNull(goodIds);
        if (objectIds.Count == 0 || goodIds.Count == 0)
        {
            yield break;
        }

        var objects = objectIds.Distinct().Order().ToList();
        foreach (var chunk in goodIds.Distinct().Order().Chunk(WarehouseDialect.MaxIdParameters))
        {
            var parameters = new DynamicParameters();
            WarehouseDialect.AddIdParameters(parameters, "S", chunk);
            await foreach (var level in _db.StreamAsync<StockRow, StockLevel>(s => s.Changes.SelectStockOfGoods(objects, chunk), parameters,
                r => r.ToStockLevel(), cancellationToken).ConfigureAwait(false))
            {
                yield return level;
            }
        }
    }

    public async Task<IReadOnlyList<RangeChecksum>> ReadChecksumsAsync(ChangeTable table, PriceColumn price, CancellationToken cancellationToken = default) =>
        await _db.ListAsync<ChecksumRow, RangeChecksum>(s => ChecksumsOf(s, table, price), null, ToChecksum, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<IReadOnlyList<RangeChecksum>>> ReadChecksumsInSnapshotAsync(
        IReadOnlyList<ChangeTable> tables, PriceColumn price, Action snapshotTaken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(snapshotTaken);
        var opened = await _db.OpenedAsync(cancellationToken).ConfigureAwait(false);
        if (opened.Sql.Changes.StartChecksumSnapshot is not { } start)
        {
            // No snapshot on this engine: the checksums are computed first, and only then may the caller read on.
            return await ChangeDetection.ReadInTurnAsync(this, tables, price, snapshotTaken, cancellationToken).ConfigureAwait(false);
        }

        return await _db.ReadOnceAsync<IReadOnlyList<IReadOnlyList<RangeChecksum>>>(async (connection, o, ct) =>
        {
            var end = _db.Command(o.Sql.Changes.EndChecksumSnapshot!, null, null, CancellationToken.None);
            await connection.ExecuteAsync(_db.Command(start, null, null, ct)).ConfigureAwait(false);
            var computed = new List<IReadOnlyList<RangeChecksum>>(tables.Count);
            try
            {
                snapshotTaken();
                foreach (var table in tables)
                {
                    var rows = await connection.QueryAsync<ChecksumRow>(_db.Command(ChecksumsOf(o.Sql, table, price), null, null, ct)).ConfigureAwait(false);
                    computed.Add(rows.Select(ToChecksum).ToList());
                }
            }
            catch (Exception)
            {
                // A pooled connection must keep no snapshot open; the failure that counts is this one.
                await EndQuietlyAsync(connection, end).ConfigureAwait(false);
                throw;
            }

            await connection.ExecuteAsync(end).ConfigureAwait(false);
            return computed;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task EndQuietlyAsync(System.Data.Common.DbConnection connection, CommandDefinition end)
    {
        try
        {
            await connection.ExecuteAsync(end).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // The connection is gone or the transaction with it: nothing is left open.
        }
    }

    private static string ChecksumsOf(WarehouseSql sql, ChangeTable table, PriceColumn price) =>
        table == ChangeTable.Goods ? sql.Changes.SelectGoodsChecksums(price) : sql.Changes.SelectPartnersChecksums;

    private static RangeChecksum ToChecksum(ChecksumRow r) =>
        new(Convert.ToInt32(r.Bucket, CultureInfo.InvariantCulture), r.Rows, Convert.ToString(r.Checksum, CultureInfo.InvariantCulture) ?? "");

    public IAsyncEnumerable<Good> ReadGoodsForShopInRangeAsync(PriceColumn price, int fromId, int toId, CancellationToken cancellationToken = default) =>
        _db.StreamAsync<GoodRow, Good>(s => s.Changes.SelectGoodsForShopInRange(price), new { From = fromId, To = toId }, r => r.ToGood(), cancellationToken);

    public IAsyncEnumerable<Partner> ReadPartnersInRangeAsync(int fromId, int toId, CancellationToken cancellationToken = default) =>
        _db.StreamAsync<PartnerRow, Partner>(s => s.Changes.SelectPartnersInRange, new { From = fromId, To = toId }, r => r.ToPartner(), cancellationToken);

    public async Task<string?> ReadChangeStampAsync(CancellationToken cancellationToken = default)
    {
        // A file-based stamp needs no connection; otherwise the server may compute one (or say it doesn't know).
        if (_db.Dialect.ChangeStamp(_db.ConnectionString) is { } file)
        {
            return file;
        }

        var opened = await _db.OpenedAsync(cancellationToken).ConfigureAwait(false);
        return opened.Sql.Changes.SelectChangeStamp is { } sql
            ? await _db.ReadAsync((connection, _, ct) => _db.Dialect.ReadChangeStampAsync(connection, sql, ct), cancellationToken).ConfigureAwait(false)
            : null;
    }

    private sealed class ProbeRow
    {
        public long Rows { get; set; }
        public long? MaxId { get; set; }
    }

    private sealed class ChecksumRow
    {
        public object? Bucket { get; set; }
        public long Rows { get; set; }
        public object? Checksum { get; set; }
    }

    private sealed class MovedRow
    {
        public int GoodId { get; set; }
    }
}
