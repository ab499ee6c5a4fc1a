using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Core.Tests.Warehouse.SqlServer;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.Core.Tests.Warehouse.Access;

/// <summary>Runs only on Windows with <c>SHOPIKO_TEST_ACCESS</c> naming an empty Access database (the ACE OLE DB provider).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AccessFactAttribute : FactAttribute
{
    public const string Variable = "SHOPIKO_TEST_ACCESS";

    public AccessFactAttribute()
    {
        if (!OperatingSystem.IsWindows() || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Set {Variable} to the connection string of an empty Access database (ACE OLE DB provider, Windows) to run this test.";
        }
    }
}

/// <summary>
/// The store on a real Access database through the ACE OLE DB provider (Windows CI): the Warehouse Pro tables are made
/// from the library's SQL Server script (itself held against schema.json) in Jet types, seeded with seed.sql, and every
/// read and write path of the store runs once, so each statement the Access dialect builds meets Jet itself.
/// </summary>
public sealed partial class AccessLiveTests
{
    private const string Scope = "live";

    [AccessFact]
    public async Task Every_store_operation_runs_on_a_real_Access_database()
    {
        var connectionString = Environment.GetEnvironmentVariable(AccessFactAttribute.Variable)!;
        await CreateWarehouseAsync(connectionString);
        var store = new WarehouseStoreFactory().Create(new WarehouseConnectionOptions { Provider = WarehouseProvider.Access, ConnectionString = connectionString });

        var info = await store.GetInfoAsync();
        info.SchemaVersion.Should().Be("3.07");
        var state = ((WarehouseStore)store).State;
        await state.EnsureTablesAsync();

        var group = await store.CreateGoodsGroupAsync(new NewGoodsGroup("Кафе"), new ScopedLink(Scope, SyncEntity.Category, "c1"));
        var good = await store.CreateGoodAsync(
            new NewGood { Code = "SKU-1", Name = "Кафе на зърна", PriceIn = 6m, Prices = GoodPrices.Zero with { PriceOut2 = 12m }, GroupId = group.Id },
            new ScopedLink(Scope, SyncEntity.Product, "p1", "h1"));
        var partner = await store.CreatePartnerAsync(new NewPartner { Company = "Иван Петров", Email = "ivan@example.bg" }, new ScopedLink(Scope, SyncEntity.Customer, "u1"));

        (await store.ReadGoodsAsync().ToListAsync()).Should().Contain(g => g.Id == good.Id);
        (await store.ReadGoodsForShopAsync(PriceColumn.PriceOut2).ToListAsync()).Should().Contain(g => g.Id == good.Id);
        (await store.ReadGoodsGroupsAsync().ToListAsync()).Should().Contain(g => g.Id == group.Id);
        (await store.ReadPartnersAsync().ToListAsync()).Should().Contain(p => p.Id == partner.Id);
        (await store.ReadObjectsAsync()).Should().Contain(o => o.Id == 2);
        (await store.ReadVatGroupsAsync()).Should().NotBeEmpty();
        (await store.ReadPaymentTypesAsync()).Should().HaveCount(4);
        (await store.FindGoodsByCodeAsync(" sku-1 ")).Should().ContainSingle();

        var sale = new WarehouseDocument
        {
            Kind = DocumentKind.Sale,
            ObjectId = 2,
            PartnerId = partner.Id,
            Date = new DateOnly(2026, 3, 14),
            Lines = [new DocumentLine { GoodId = good.Id, Quantity = 2, PriceOut = 12m, VatOut = 2m, Note = "бележка" }],
            Payments = new DocumentPayments(24m, new DateOnly(2026, 3, 14), [new DocumentPayment(3, 24m)]),
        };
        var written = await store.WriteDocumentAsync(sale, new OrderImportRecord(Scope, "o1", 1, "new"));
        written.Number.Should().StartWith("S");
        await store.Invoking(s => s.WriteDocumentAsync(sale, new OrderImportRecord(Scope, "o1", 1, "new"))).Should().ThrowAsync<OrderAlreadyImportedException>();
        (await store.ReadStockAsync([2]).Where(s => s.GoodId == good.Id).Select(s => s.Quantity).SumAsync()).Should().Be(-2);

        var order = await store.WriteDocumentAsync(sale with { Kind = DocumentKind.SalesOrder, Payments = null }, new OrderImportRecord(Scope, "o2", 1, "new"));
        (await store.CorrectDocumentAsync(new DocumentCorrectionRequest
        {
            Order = new OrderImportRecord(Scope, "o2", 2, "cancelled"),
            Booked = new BookedDocument(order.OperType, order.Acct, order.ObjectId, order.Number),
            ReturnDate = new DateOnly(2026, 3, 15),
        })).Return.Should().BeNull("a sales order is annulled, not returned");

        await state.SaveLinksAsync(Scope, [new SyncLink(SyncEntity.Product, good.Id, "p1", "h2"), new SyncLink(SyncEntity.Product, 99, "p99", null)]);
        (await state.ReadLinksAsync(Scope, SyncEntity.Product).ToListAsync()).Should().HaveCount(2);
        (await state.HasLinksAsync(Scope, SyncEntity.Customer)).Should().BeTrue();

        (await state.ReadImportedOrderAsync(Scope, "o1")).Should().ContainSingle();
        (await state.ReadImportedOrdersAsync(Scope, ["o1", "o2"])).Should().HaveCount(3);
        await state.MarkOrdersAcknowledgedAsync(Scope, [new OrderRevision("o1", 1), new OrderRevision("o2", 1), new OrderRevision("o2", 2)]);
        (await state.ReadUnacknowledgedOrdersAsync(Scope)).Should().BeEmpty();

        await state.QuarantineAsync(Scope, SyncEntity.Order, "o3", "the good is unknown");
        await state.QuarantineAsync(Scope, SyncEntity.Order, "o3", "still unknown");
        (await state.ReadQuarantineAsync(Scope)).Should().ContainSingle().Which.Attempts.Should().Be(2);
        await state.ReleaseQuarantineAsync(Scope, SyncEntity.Order, "o3");

        await state.SaveMarkAsync(Scope, "listed-up-to", "2026-03-14T10:30:00Z");
        await state.SaveMarkAsync(Scope, "listed-up-to", "2026-03-15T10:30:00Z");
        (await state.ReadMarkAsync(Scope, "listed-up-to")).Should().Be("2026-03-15T10:30:00Z");
    }

    /// <summary>The Warehouse Pro tables in Jet types (from sqlserver.tables.sql) and the seed rows, in an empty database.</summary>
    private static async Task CreateWarehouseAsync(string connectionString)
    {
        var dialect = new AccessDialect();
        await using var connection = dialect.CreateConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in SqlServerScript.Tables(BlankDatabaseScript.Read("sqlserver.tables.sql")))
        {
            var columns = table.Columns.Select(c => $"[{c.Name}] {JetType(c, table.Identity)}{(c.Nullable ? "" : " NOT NULL")}");
            var key = $"CONSTRAINT [{("PK_" + table.Name)}] PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Select(k => $"[{k}]"))})";
            await ExecuteAsync(connection, $"CREATE TABLE [{table.Name}] ({string.Join(", ", columns)}, {key})");
        }

        var parameters = new { BaseCurrency = "EUR", BaseCurrencyName = "EUR", ObjectName = "Централен Склад", ObjectName2 = "Централен Склад", PricesIncludeVat = "-1", Costing = "1" };
        foreach (var statement in WarehouseSchema.Statements(BlankDatabaseScript.Read("seed.sql")))
        {
            var sql = Column().Replace(Table().Replace(statement, m => dialect.Quote(dialect.DefaultTableName(m.Groups[1].Value))), m => dialect.Quote(m.Groups[1].Value));
            // OLE DB binds by position: Dapper's ?name? form.
            sql = SeedParameter().Replace(sql, m => "?" + m.Groups[1].Value + "?");
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters));
        }
    }

    private static Task ExecuteAsync(DbConnection connection, string sql) => connection.ExecuteAsync(new CommandDefinition(sql));

    private static string JetType(SchemaColumn column, string? identity) => column.Type switch
    {
        _ when column.Name == identity => "COUNTER",
        "int" => "INTEGER",
        "smallint" => "SMALLINT",
        "float" => "DOUBLE",
        "datetime" or "smalldatetime" => "DATETIME",
        "nvarchar" when column.Length is <= 255 => $"TEXT({column.Length})",
        "nvarchar" => "LONGTEXT",
        _ => throw new InvalidOperationException($"No Jet type for {column.Type}"),
    };

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Table();

    [GeneratedRegex(@"\[([A-Za-z0-9]+)\]")]
    private static partial Regex Column();

    [GeneratedRegex(@"@([A-Za-z0-9]+)")]
    private static partial Regex SeedParameter();
}
