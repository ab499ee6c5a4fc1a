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
        var rows = await ListAsync<ProbeRow, OperationsProbe>(s => s.Changes.ProbeOperations, new { Floor = floor, Upper = upper },
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
        await foreach (var id in StreamAsync<MovedRow, int>(s => s.Changes.SelectMovedGoods(objects), new { Floor = floor, Upper = upper }, r => r.GoodId, cancellationToken).ConfigureAwait(false))
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
            await foreach (var level in StreamAsync<StockRow, StockLevel>(s => s.Changes.SelectStockOfGoods(objects, chunk), parameters,
                r => r.ToStockLevel(), cancellationToken).ConfigureAwait(false))
            {
                yield return level;
            }
        }
    }

    public async Task<IReadOnlyList<RangeChecksum>> ReadChecksumsAsync(ChangeTable table, PriceColumn price, CancellationToken cancellationToken = default) =>
        await ListAsync<ChecksumRow, RangeChecksum>(
            s => table == ChangeTable.Goods ? s.Changes.SelectGoodsChecksums(price) : s.Changes.SelectPartnersChecksums,
            null,
            r => new RangeChecksum(Convert.ToInt32(r.Bucket, CultureInfo.InvariantCulture), r.Rows, Convert.ToString(r.Checksum, CultureInfo.InvariantCulture) ?? ""),
            cancellationToken).ConfigureAwait(false);

    public IAsyncEnumerable<Good> ReadGoodsForShopInRangeAsync(PriceColumn price, int fromId, int toId, CancellationToken cancellationToken = default) =>
        StreamAsync<GoodRow, Good>(s => s.Changes.SelectGoodsForShopInRange(price), new { From = fromId, To = toId }, r => r.ToGood(), cancellationToken);

    public IAsyncEnumerable<Partner> ReadPartnersInRangeAsync(int fromId, int toId, CancellationToken cancellationToken = default) =>
        StreamAsync<PartnerRow, Partner>(s => s.Changes.SelectPartnersInRange, new { From = fromId, To = toId }, r => r.ToPartner(), cancellationToken);

    public async IAsyncEnumerable<SyncLink> ReadLinksInRangeAsync(string scope, SyncEntity entity, int fromId, int toId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var link in StreamAsync<LinkRow, SyncLink>(s => s.Changes.SelectLinksInRange,
            new { Scope = scope, Entity = entity.ToString(), From = fromId, To = toId },
            r => new SyncLink(entity, r.LocalId, r.RemoteId, r.ContentHash), cancellationToken).ConfigureAwait(false))
        {
            yield return link;
        }
    }

    public async IAsyncEnumerable<SyncLink> ReadLinksOfAsync(string scope, SyncEntity entity, IReadOnlyCollection<int> localIds,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(localIds);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in localIds.Distinct().Order().Chunk(WarehouseDialect.MaxIdParameters))
        {
            var parameters = new DynamicParameters();
            parameters.Add("Scope", scope, System.Data.DbType.String);
            parameters.Add("Entity", entity.ToString(), System.Data.DbType.String);
            WarehouseDialect.AddIdParameters(parameters, "L", chunk);
            await foreach (var link in StreamAsync<LinkRow, SyncLink>(s => s.Changes.SelectLinksOf(chunk), parameters,
                r => new SyncLink(entity, r.LocalId, r.RemoteId, r.ContentHash), cancellationToken).ConfigureAwait(false))
            {
                yield return link;
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, string?>> ReadMarksAsync(string scope, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(prefix);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        // The prefix is the library's own (letters, digits and dots): nothing in it is a LIKE wildcard.
        var rows = await ListAsync<MarkRow, MarkRow>(s => s.Changes.SelectMarks, new { Scope = scope, Prefix = prefix + "%" }, r => r, cancellationToken).ConfigureAwait(false);
        var marks = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // LIKE may ignore case; the names are compared exactly here.
            if (row.Name is { } name && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                marks[name] = row.Value;
            }
        }

        return marks;
    }

    public async Task SaveMarksAsync(string scope, IReadOnlyCollection<KeyValuePair<string, string?>> marks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Count == 0)
        {
            return;
        }

        Text.Own(scope, "The shop scope", IdLength);
        var now = Clock.UtcNow(_time);
        var rows = marks.Select(m => new
        {
            Scope = scope,
            Name = Text.Own(m.Key, "The mark name", 50),
            Value = Text.Own(m.Value, "The mark value", IdLength),
            Now = now,
        }).ToList();
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(async (connection, transaction, sql, _) =>
        {
            foreach (var parameters in rows)
            {
                // As SaveMarkAsync, in one transaction for all (the checksums of a hundred ranges are one commit).
                var updated = await connection.ExecuteAsync(Command(sql.UpdateMark, parameters, transaction, cancellationToken)).ConfigureAwait(false);
                if (updated == 0)
                {
                    await connection.ExecuteAsync(Command(sql.InsertMark, parameters, transaction, cancellationToken)).ConfigureAwait(false);
                }
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> ReadChangeStampAsync(CancellationToken cancellationToken = default)
    {
        // A file-based stamp needs no connection; otherwise the server may compute one (or say it doesn't know).
        if (_dialect.ChangeStamp(_options.ConnectionString) is { } file)
        {
            return file;
        }

        var opened = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        if (opened.Sql.Changes.SelectChangeStamp is not { } sql)
        {
            return null;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _dialect.ReadChangeStampAsync(connection, sql, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, Reading);
        }
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

    private sealed class MarkRow
    {
        public string? Name { get; set; }
        public string? Value { get; set; }
    }
}
