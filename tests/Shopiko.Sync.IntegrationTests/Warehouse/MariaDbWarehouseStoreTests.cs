using MySqlConnector;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Testing;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>The store contract on a real MariaDB server started by the test process (one per process, a database per test).</summary>
[RequiresMariaDb]
public sealed class MariaDbWarehouseStoreTests : WarehouseStoreContract
{
    protected override WarehouseProvider Provider => WarehouseProvider.MySql;

    // Port 1 on loopback: nothing listens there, the refusal is immediate.
    protected override string UnreachableConnectionString =>
        new MySqlConnectionStringBuilder { Server = "127.0.0.1", Port = 1, UserID = "root", Database = "nope", ConnectionTimeout = 3 }.ConnectionString;

    protected override async Task<string> CreateEmptyDatabaseAsync() =>
        await (await MariaDbServer.GetSharedAsync()).CreateDatabaseAsync("store");
}
