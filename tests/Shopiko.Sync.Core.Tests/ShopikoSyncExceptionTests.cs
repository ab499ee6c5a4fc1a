using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Engine.Matching;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.Core.Tests;

/// <summary>Every exception the library declares shares one base, so a caller (and the engine) can catch it once.</summary>
public sealed class ShopikoSyncExceptionTests
{
    [Fact]
    public void Every_exception_the_library_declares_derives_from_the_base()
    {
        var declared = typeof(ShopikoSyncException).Assembly.GetTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t) && t != typeof(ShopikoSyncException))
            .ToList();

        declared.Should().NotBeEmpty();
        declared.Where(t => !t.IsSubclassOf(typeof(ShopikoSyncException))).Select(t => t.FullName).Should().BeEmpty();
    }

    public static TheoryData<ShopikoSyncException> Samples => new()
    {
        new WarehouseDataException("No stock."),
        new WarehouseConnectionException("No server."),
        new WarehouseSchemaException("Not Warehouse Pro."),
        new OrderAlreadyImportedException("A-1", 2),
        new BookedDocumentChangedException("A-1", "S0000000001", null),
        new ShopikoApiException("Refused.", ShopikoErrorKind.Validation),
        new ShopikoConfigurationException("Missing.", "ShopikoSync:Servers:0:Shop:BaseUrl"),
        new BothSystemsHaveDataException("Both hold goods."),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_base_carries_the_message_for_the_merchant(ShopikoSyncException e)
    {
        e.Message.Should().NotBeNullOrWhiteSpace();
        e.GetType().IsPublic.Should().BeTrue();
    }
}
