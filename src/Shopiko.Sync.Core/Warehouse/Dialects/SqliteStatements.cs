using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Changes;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// The statements SQLite receives where they differ from the common ones (<see cref="WarehouseStatements"/>), as it
/// receives them: backticks, <c>@Name</c> parameters.
/// </summary>
internal sealed class SqliteStatements(WarehouseDialect dialect, TableNames tables) : WarehouseStatements(dialect, tables)
{
    public override string LastIdentity => "SELECT last_insert_rowid()";

    // In WAL mode a read transaction sees the database as of its first read: the schema read takes the snapshot now.
    public override string StartChecksumSnapshot => "BEGIN DEFERRED; SELECT COUNT(*) FROM sqlite_master";

    // The rows travel as one JSON array: Microsoft.Data.Sqlite looks parameters up by name one by one, so 1,500 named
    // parameters cost more than the insert. UPSERT needs SQLite 3.24 and json_each 3.9 (the bundled one is far newer);
    // "WHERE true" keeps ON CONFLICT from being read as a join constraint of the SELECT.
    public override SqlBatch UpsertLinks(LinkRows rows) => new(
        "INSERT INTO `shopikosync_links` (`Scope`, `Entity`, `LocalId`, `RemoteId`, `ContentHash`, `UpdatedAt`) " +
        "SELECT @Scope, @Entity, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), @Now " +
        "FROM json_each(@Rows) WHERE true " +
        "ON CONFLICT (`Scope`, `Entity`, `LocalId`) DO UPDATE SET `RemoteId` = excluded.`RemoteId`, " +
        "`ContentHash` = excluded.`ContentHash`, `UpdatedAt` = excluded.`UpdatedAt`",
        new { rows.Scope, rows.Entity, rows.Now, Rows = RowsJson(rows.Rows) });

    // SQLite has no hash function built in: the store registers one on every connection it opens (RowHashFunction).
    public override string SelectGoodsChecksums(PriceColumn price) =>
        $"SELECT `ID` / {ChangeBuckets.Size} AS Bucket, COUNT(*) AS `Rows`, " +
        $"SUM({RowHashFunction.Name}(`Code`, `BarCode1`, `Name`, `Measure1`, `Description`, `GroupID`, `TaxGroup`, `Deleted`, " +
        $"`{PriceName(price)}`)) AS Checksum FROM {Goods} WHERE `ID` <> 1 GROUP BY `ID` / {ChangeBuckets.Size}";

    public override string SelectPartnersChecksums =>
        $"SELECT `ID` / {ChangeBuckets.Size} AS Bucket, COUNT(*) AS `Rows`, " +
        $"SUM({RowHashFunction.Name}(`Company`, `MOL`, `City`, `Address`, `Phone`, `eMail`, `TaxNo`, `Bulstat`, `Deleted`)) AS Checksum " +
        $"FROM {Partners} WHERE `ID` <> 1 GROUP BY `ID` / {ChangeBuckets.Size}";

    private static string RowsJson(IReadOnlyList<SyncLink> rows)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(rows.Count * 96 + 2);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(row.LocalId);
                writer.WriteStringValue(row.RemoteId);
                writer.WriteStringValue(row.ContentHash);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
