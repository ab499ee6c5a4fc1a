using System.Data.Common;
using Dapper;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Warehouse.Dialects;

// The fast path's statements: change detection through the operations ID and per-range checksums the server computes,
// so a pass where nothing changed reads index entries, not the catalogue.
internal abstract partial class WarehouseDialect
{
    /// <summary>The columns of <c>goods</c> a shop product is made of, as hashed by <see cref="RowHash"/> (the price column added).</summary>
    internal static readonly string[] GoodsHashColumns = ["Code", "BarCode1", "Name", "Measure1", "Description", "GroupID", "TaxGroup", "Deleted"];

    /// <summary>The columns of <c>partners</c> a shop customer is made of, as hashed by <see cref="RowHash"/>.</summary>
    internal static readonly string[] PartnersHashColumns = ["Company", "MOL", "City", "Address", "Phone", "eMail", "TaxNo", "Bulstat", "Deleted"];

    /// <summary>
    /// An integer hash of one row's values (quoted column expressions), computed by the server: summed per ID range, it
    /// tells whether any of those values changed since the sum was remembered.
    /// </summary>
    protected abstract string RowHash(IReadOnlyList<string> columns);

    /// <summary>See <see cref="IWarehouseStore.ReadChangeStampAsync"/>: null where the engine offers no such value.</summary>
    internal virtual string? ChangeStamp(string connectionString) => null;

    /// <summary>
    /// The statement of <see cref="ChangeSql.SelectChangeStamp"/> over the tables the catalogue checksums read (actual
    /// names, unquoted); null where the server offers no cheap, trustworthy value.
    /// </summary>
    protected virtual string? ChangeStampSql(IReadOnlyList<string> tables) => null;

    /// <summary>Runs <see cref="ChangeSql.SelectChangeStamp"/> on an open connection: its <c>Stamp</c>, null for "don't know".</summary>
    internal virtual async Task<string?> ReadChangeStampAsync(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, cancellationToken: cancellationToken)).ConfigureAwait(false);

    /// <summary>Integer division of an integer expression.</summary>
    protected virtual string IntDiv(string expression, int divisor) => $"{expression} / {divisor}";

    /// <summary>Builds the fast path's statements against the actual table names of one database.</summary>
    internal ChangeSql BuildChangeSql(TableNames tables)
    {
        string T(string logical) => Quote(tables[logical]);
        string Q(string column) => Quote(column);
        string P(string name) => Param(name);

        string Checksums(string table, IEnumerable<string> columns)
        {
            var id = Q("ID");
            var bucket = IntDiv(id, ChangeBuckets.Size);
            return $"SELECT {bucket} AS Bucket, COUNT(*) AS {Q("Rows")}, SUM({RowHash([.. columns.Select(Q)])}) AS Checksum " +
                $"FROM {T(table)} WHERE {id} <> 1 GROUP BY {bucket}";
        }

        static string PriceName(PriceColumn price) => price is >= PriceColumn.PriceOut1 and <= PriceColumn.PriceOut10
            ? "PriceOut" + (int)price
            : throw new ArgumentOutOfRangeException(nameof(price), price, "Unknown price column.");

        var linkColumns = $"SELECT {Q("LocalId")} AS LocalId, {Q("RemoteId")} AS RemoteId, {Q("ContentHash")} AS ContentHash FROM {Q(SyncStateTables.Links)} " +
            $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("Entity")} = {P("Entity")}";

        return new ChangeSql
        {
            ProbeOperations =
                $"SELECT COUNT(*) AS {Q("Rows")}, MAX({Q("ID")}) AS MaxId FROM {T("operations")} WHERE {Q("ID")} > {P("Floor")} AND {Q("ID")} <= {P("Upper")}",
            SelectMovedGoods = objectIds =>
                $"SELECT DISTINCT {Q("GoodID")} AS GoodId FROM {T("operations")} WHERE {Q("ID")} > {P("Floor")} AND {Q("ID")} <= {P("Upper")} " +
                $"AND {Q("ObjectID")} IN ({string.Join(", ", objectIds)}) AND {Q("GoodID")} <> 1",
            SelectStockOfGoods = (objectIds, goodIds) =>
                $"SELECT {Q("ObjectID")} AS ObjectId, {Q("GoodID")} AS GoodId, SUM({Q("Qtty")}) AS Quantity FROM {T("store")} " +
                $"WHERE {Q("ObjectID")} IN ({string.Join(", ", objectIds)}) AND {Q("GoodID")} IN ({IdList(goodIds, "S")}) " +
                $"GROUP BY {Q("GoodID")}, {Q("ObjectID")} ORDER BY {Q("GoodID")}, {Q("ObjectID")}",
            SelectGoodsChecksums = price => Checksums("goods", [.. GoodsHashColumns, PriceName(price)]),
            SelectPartnersChecksums = Checksums("partners", PartnersHashColumns),
            SelectGoodsForShopInRange = price =>
            {
                var column = PriceName(price);
                return $"SELECT g.{Q("ID")} AS Id, g.{Q("Code")} AS Code, g.{Q("BarCode1")} AS BarCode1, g.{Q("Name")} AS Name, " +
                    $"g.{Q("Measure1")} AS Measure1, g.{Q("Description")} AS Description, g.{Q(column)} AS {column}, " +
                    $"ABS(g.{Q("GroupID")}) AS GroupId, v.{Q("VATValue")} AS VatRate, g.{Q("Deleted")} AS Deleted " +
                    $"FROM {T("goods")} g LEFT JOIN {T("vatgroups")} v ON v.{Q("ID")} = g.{Q("TaxGroup")} " +
                    $"WHERE g.{Q("ID")} <> 1 AND g.{Q("ID")} >= {P("From")} AND g.{Q("ID")} < {P("To")} ORDER BY g.{Q("ID")}";
            },
            SelectPartnersInRange =
                $"SELECT {Q("ID")} AS Id, {Q("Code")} AS Code, {Q("Company")} AS Company, {Q("MOL")} AS Mol, {Q("City")} AS City, " +
                $"{Q("Address")} AS Address, {Q("Phone")} AS Phone, {Q("eMail")} AS Email, {Q("TaxNo")} AS TaxNo, " +
                $"{Q("Bulstat")} AS Bulstat, {Q("PriceGroup")} AS PriceGroup, {Q("Discount")} AS Discount, {Q("Type")} AS Type, " +
                $"ABS({Q("GroupID")}) AS GroupId, {Q("CardNumber")} AS CardNumber, {Q("Deleted")} AS Deleted FROM {T("partners")} " +
                $"WHERE {Q("ID")} <> 1 AND {Q("ID")} >= {P("From")} AND {Q("ID")} < {P("To")} ORDER BY {Q("ID")}",
            SelectLinksInRange = $"{linkColumns} AND {Q("LocalId")} >= {P("From")} AND {Q("LocalId")} < {P("To")} ORDER BY {Q("LocalId")}",
            SelectLinksOf = ids => $"{linkColumns} AND {Q("LocalId")} IN ({IdList(ids, "L")}) ORDER BY {Q("LocalId")}",
            SelectChangeStamp = ChangeStampSql([tables["goods"], tables["partners"]]),
            SelectMarks =
                $"SELECT {Q("Name")} AS Name, {Q("Value")} AS {Q("Value")} FROM {Q(SyncStateTables.Marks)} " +
                $"WHERE {Q("Scope")} = {P("Scope")} AND {Q("Name")} LIKE {P("Prefix")}",
        };
    }
}
