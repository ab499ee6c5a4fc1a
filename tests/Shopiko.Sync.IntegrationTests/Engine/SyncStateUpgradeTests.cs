using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>A database whose sync state was created by a release before order fingerprints: upgraded in place, rows kept.</summary>
public class SyncStateUpgradeTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task An_orders_table_without_fingerprints_gets_the_column_and_keeps_its_rows(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        // The table as the previous release created it.
        await rig.ExecuteAsync(provider == WarehouseProvider.MySql
            ? "CREATE TABLE `shopikosync_orders` (`ID` INT NOT NULL AUTO_INCREMENT, `Scope` VARCHAR(100) NOT NULL, `OrderId` VARCHAR(100) NOT NULL, " +
              "`Revision` INT NOT NULL, `Status` VARCHAR(50) NOT NULL, `DocumentNumber` VARCHAR(50) NOT NULL, `OperType` INT NOT NULL, `Acct` BIGINT NOT NULL, " +
              "`ObjectId` INT NOT NULL, `Acknowledged` INT NOT NULL DEFAULT 0, `RecordedAt` DATETIME NOT NULL, PRIMARY KEY (`ID`), " +
              "UNIQUE KEY `UX_shopikosync_orders_revision` (`Scope`, `OrderId`, `Revision`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
            : "CREATE TABLE `shopikosync_orders` (`ID` INTEGER PRIMARY KEY AUTOINCREMENT, `Scope` TEXT NOT NULL, `OrderId` TEXT NOT NULL, " +
              "`Revision` INTEGER NOT NULL, `Status` TEXT NOT NULL, `DocumentNumber` TEXT NOT NULL, `OperType` INTEGER NOT NULL, `Acct` INTEGER NOT NULL, " +
              "`ObjectId` INTEGER NOT NULL, `Acknowledged` INTEGER NOT NULL DEFAULT 0, `RecordedAt` DATETIME NOT NULL, UNIQUE (`Scope`, `OrderId`, `Revision`))");
        await rig.ExecuteAsync(
            "INSERT INTO shopikosync_orders (Scope, OrderId, Revision, Status, DocumentNumber, OperType, Acct, ObjectId, Acknowledged, RecordedAt) " +
            "VALUES ('shop', '90001', 1, 'new', 'S0000000007', 2, 7, 2, -1, '2026-11-28 09:00:00')");

        var state = rig.State;
        await state.EnsureTablesAsync();
        await rig.State.EnsureTablesAsync();

        var rows = await state.ReadImportedOrderAsync("shop", "90001");
        rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Revision = 1, DocumentNumber = "S0000000007", Acknowledged = true, Fingerprint = (string?)null });
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM shopikosync_orders WHERE Fingerprint IS NULL")).Should().Be(1);
    }
}
