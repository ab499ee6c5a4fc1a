using Dapper;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>Many goods in a few lines: copies of one good with new codes, written straight into the warehouse.</summary>
internal static class GoodCopies
{
    /// <summary>Copies a good <paramref name="count"/> times (codes <paramref name="codePrefix"/>0, 1, …), in one transaction.</summary>
    public static async Task WriteAsync(SyncRig rig, int goodId, int count, string codePrefix)
    {
        await using var connection = rig.Open();
        await connection.OpenAsync();
        var columns = ((IDictionary<string, object>)(await connection.QueryAsync("SELECT * FROM goods WHERE ID = @goodId", new { goodId })).Single()).Keys
            .Where(c => !c.Equals("ID", StringComparison.OrdinalIgnoreCase)).ToList();
        var insert = $"INSERT INTO goods ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(c => c.Equals("Code", StringComparison.OrdinalIgnoreCase) ? "@Code" : c))} FROM goods WHERE ID = @goodId";
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < count; i++)
        {
            await connection.ExecuteAsync(insert, new { Code = $"{codePrefix}{i}", goodId }, transaction);
        }

        await transaction.CommitAsync();
    }
}
