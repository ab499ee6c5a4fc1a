using Microsoft.Data.SqlClient;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>
/// The store contract on MS SQL Server, when <c>SHOPIKO_TEST_SQLSERVER</c> holds a connection string to a server where
/// the login may create databases (each test creates its own).
/// </summary>
[RequiresEnvironment(Variable, "a SQL Server connection string (a login allowed to create databases)")]
public sealed class SqlServerWarehouseStoreTests : WarehouseStoreContract
{
    private const string Variable = "SHOPIKO_TEST_SQLSERVER";

    protected override WarehouseProvider Provider => WarehouseProvider.SqlServer;

    protected override string UnreachableConnectionString =>
        new SqlConnectionStringBuilder { DataSource = "tcp:127.0.0.1,1", InitialCatalog = "nope", ConnectTimeout = 3, TrustServerCertificate = true, IntegratedSecurity = false, UserID = "sa", Password = "x" }.ConnectionString;

    protected override async Task<string> CreateEmptyDatabaseAsync()
    {
        var server = new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable)) { InitialCatalog = "master" };
        var name = "shopiko_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new SqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new SqlCommand($"CREATE DATABASE [{name}]", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new SqlConnectionStringBuilder(server.ConnectionString) { InitialCatalog = name }.ConnectionString;
    }
}
