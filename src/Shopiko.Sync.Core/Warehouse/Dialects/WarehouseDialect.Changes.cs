using System.Data.Common;
using Dapper;

namespace Shopiko.Sync.Warehouse.Dialects;

// The fast path: change detection through the operations ID and per-range checksums the server computes, so a pass
// where nothing changed reads index entries, not the catalogue (the statements: WarehouseStatements.Changes).
internal abstract partial class WarehouseDialect
{
    /// <summary>The columns of <c>goods</c> a shop product is made of, as every provider's <see cref="WarehouseStatements.SelectGoodsChecksums"/> hashes them (the price column added).</summary>
    internal static readonly string[] GoodsHashColumns = ["Code", "BarCode1", "Name", "Measure1", "Description", "GroupID", "TaxGroup", "Deleted"];

    /// <summary>The columns of <c>partners</c> a shop customer is made of, as every provider's <see cref="WarehouseStatements.SelectPartnersChecksums"/> hashes them.</summary>
    internal static readonly string[] PartnersHashColumns = ["Company", "MOL", "City", "Address", "Phone", "eMail", "TaxNo", "Bulstat", "Deleted"];

    /// <summary>See <see cref="IWarehouseStore.ReadChangeStampAsync"/>: null where the engine offers no such value.</summary>
    internal virtual string? ChangeStamp(string connectionString) => null;

    /// <summary>Runs <see cref="ChangeSql.SelectChangeStamp"/> on an open connection: its <c>Stamp</c>, null for "don't know".</summary>
    internal virtual async Task<string?> ReadChangeStampAsync(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, cancellationToken: cancellationToken)).ConfigureAwait(false);
}
