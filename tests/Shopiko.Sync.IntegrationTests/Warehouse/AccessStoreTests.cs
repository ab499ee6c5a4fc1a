using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>Access needs the Windows OLE DB provider; elsewhere the store refuses at construction, clearly.</summary>
public sealed class AccessStoreTests
{
    [Fact]
    public void Creating_an_Access_store_off_Windows_throws_a_clear_PlatformNotSupportedException()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // On Windows construction succeeds; opening needs a real .mdb, which the tests do not carry.
        }

        var create = () => new WarehouseStoreFactory().Create(new WarehouseConnectionOptions
        {
            Provider = WarehouseProvider.Access,
            ConnectionString = @"Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\ProgramData\Microinvest\Warehouse Pro\Microinvest.mdb",
        });

        create.Should().Throw<PlatformNotSupportedException>()
            .Which.Message.Should().Contain("Access").And.Contain("Windows").And.Contain("MySQL or MS SQL Server");
    }
}
