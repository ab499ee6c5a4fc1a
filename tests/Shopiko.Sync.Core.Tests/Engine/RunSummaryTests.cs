using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Core.Tests.Engine;

/// <summary>The one-line summary of a run (log lines, run listings): what it created and changed, not only orders.</summary>
public class RunSummaryTests
{
    [Fact]
    public void An_import_counts_what_it_created()
    {
        var report = new RunReport
        {
            Import = new ImportReport { OrdersImported = 2, GoodsCreated = 3, PartnersCreated = 1, GroupsCreated = 2, Documents = ["S0000000001", "S0000000002"] },
        };

        report.Summarize().Should().Be("import: 2 orders imported (S0000000001, S0000000002); created 3 goods, 1 partner, 2 groups");
    }

    [Fact]
    public void Nomenclature_without_orders_is_not_nothing()
    {
        var report = new RunReport { Import = new ImportReport { GoodsCreated = 1 } };
        report.Summarize().Should().Be("import: no new orders; created 1 good");
    }

    [Fact]
    public void Held_back_reversed_and_already_imported_orders_are_counted()
    {
        var report = new RunReport { Import = new ImportReport { OrdersImported = 1, OrdersAlreadyImported = 2, OrdersReversed = 1, OrdersQuarantined = 1, Documents = ["S0000000009"] } };
        report.Quarantine.Add(new QuarantinedItem("order", "90018", "Unknown product"));
        report.Summarize().Should().Be("import: 1 order imported (S0000000009), 2 already imported, 1 reversed, 1 held back");
    }

    [Fact]
    public void An_export_names_each_entity_that_changed()
    {
        var report = new RunReport
        {
            Export = new ExportReport { Products = { Created = 4, Updated = 1 }, Customers = { Created = 2 }, Stock = { Updated = 7, Failed = 1 }, Categories = { Unchanged = 3 } },
        };
        report.Quarantine.Add(new QuarantinedItem("product", "12", "Name too long"));

        report.Summarize().Should().Be("export: products 4 created, 1 updated, customers 2 created, stock 7 updated, 1 failed; 1 item held back");
    }

    [Fact]
    public void Nothing_changed_a_dry_run_and_a_failure_say_so()
    {
        new RunReport { Export = new ExportReport() }.Summarize().Should().Be("export: nothing changed");
        new RunReport { DryRun = true, Export = new ExportReport { Products = { Created = 2 } } }.Summarize()
            .Should().Be("dry run (nothing written): export: products 2 created");
        new RunReport { Outcome = RunOutcome.Failed, Error = "The shop rejected the key." }.Summarize().Should().Be("The shop rejected the key.");
    }
}
