using Microsoft.Data.Sqlite;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>The store contract on SQLite files.</summary>
public sealed class SqliteWarehouseStoreTests : WarehouseStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shopiko-sqlite-").FullName;

    protected override WarehouseProvider Provider => WarehouseProvider.Sqlite;

    protected override string UnreachableConnectionString => $"Data Source={Path.Combine(_directory, "missing", "nowhere.db")}";

    protected override async Task<string> CreateEmptyDatabaseAsync()
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), Pooling = false }.ToString();
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync(); // creates the (empty) file
        return cs;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
