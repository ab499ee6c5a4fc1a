using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Core.Tests.Engine;

/// <summary>The run collector: the one writer of a run's report, from whichever thread a part sends its results.</summary>
public class RunCollectorTests
{
    private const int Threads = 16;
    private const int PerThread = 1000;

    [Fact]
    public async Task Counts_sent_from_many_threads_at_once_add_up()
    {
        var report = new RunReport();
        var collector = new RunCollector(report);
        collector.BeginImport();
        collector.BeginExport();
        using var start = new ManualResetEventSlim();
        var parts = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.Wait();
            for (var i = 0; i < PerThread; i++)
            {
                collector.Count(ExportedEntity.Products, ItemOutcome.Created);
                collector.Count(ExportedEntity.Stock, ItemOutcome.Unchanged, items: 2);
                collector.BatchSent(3);
                collector.AcknowledgementFailed();
                collector.OrderImported($"S{t:D2}{i:D5}");
                collector.OrderQuarantined();
                collector.GoodCreated();
                collector.RangesChanged(1);
                collector.Quarantine(new QuarantinedItem("order", $"{t}-{i}", "why"));
                collector.Warn(new RunWarning("product", $"{t}-{i}", "name", "shortened"));
                collector.Plan($"line {t}-{i}");
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        start.Set();
        await Task.WhenAll(parts);

        const int all = Threads * PerThread;
        report.Export!.Products.Created.Should().Be(all);
        report.Export.Stock.Unchanged.Should().Be(2 * all);
        report.Export.ItemsSent.Should().Be(3 * all);
        report.Import!.AcknowledgementsFailed.Should().Be(all);
        report.Import.OrdersImported.Should().Be(all);
        report.Import.Documents.Should().HaveCount(all).And.OnlyHaveUniqueItems();
        report.Import.OrdersQuarantined.Should().Be(all);
        report.Import.GoodsCreated.Should().Be(all);
        report.FastPath!.RangesChanged.Should().Be(all);
        report.Quarantine.Should().HaveCount(all);
        report.Warnings.Should().HaveCount(all);
        report.Plan.Should().HaveCount(all);
    }

    [Fact]
    public void What_the_import_sends_ends_up_in_the_report()
    {
        var report = new RunReport();
        var collector = new RunCollector(report);
        collector.BeginImport();
        collector.ImportMatched(new MatchReport { Matched = 2, New = 1 });
        collector.OrderImported("S0000000001");
        collector.OrderImported(null); // a dry run books no document
        collector.OrderAlreadyImported();
        collector.OrderCorrected(new OrderCorrection("1001", "o1", 2, "S0000000001", "CR0000000001", "S0000000002"));
        collector.OrderReversed(new OrderCorrection("1002", "o2", 3, "S0000000003", null, null));
        collector.GoodCreated();
        collector.PartnerCreated();
        collector.GroupCreated();
        collector.Plan(["link good 'A'", "link good 'B'"]);

        var import = report.Import!;
        import.Matching!.Matched.Should().Be(2);
        import.OrdersImported.Should().Be(2);
        import.OrdersAlreadyImported.Should().Be(1);
        import.OrdersCorrected.Should().Be(1);
        import.OrdersReversed.Should().Be(1);
        import.Corrections.Select(c => c.OrderNumber).Should().Equal("1001", "1002");
        import.Documents.Should().Equal("S0000000001", "CR0000000001", "S0000000002");
        (import.GoodsCreated, import.PartnersCreated, import.GroupsCreated).Should().Be((1, 1, 1));
        report.Plan.Should().Equal("link good 'A'", "link good 'B'");
    }

    [Fact]
    public void What_the_fast_path_and_the_reconciliation_send_ends_up_in_the_report()
    {
        var report = new RunReport();
        var collector = new RunCollector(report);
        collector.FastPass(armed: true);
        collector.CatalogueChecked();
        collector.RangesChanged(2);
        collector.RangesChanged(1);
        collector.OperationsChanged();
        collector.FastPathNote("operations removed");
        collector.GoodsMoved(7);
        var (items, described) = collector.Reconciled(catalogueChecked: false, new Dictionary<string, int> { ["stock"] = 3, ["products"] = 1 });

        var fast = report.FastPath!;
        (fast.Armed, fast.CatalogueChecked, fast.OperationsChanged).Should().Be((true, true, true));
        fast.RangesChanged.Should().Be(3);
        fast.GoodsMoved.Should().Be(7);
        fast.Note.Should().Be("operations removed");
        fast.MissedItems.Should().Be(4);
        fast.Missed.Should().Equal("products: 1", "stock: 3");
        (items, described).Should().Be((4, "products: 1, stock: 3"));
    }

    [Theory]
    [InlineData(0, 0, RunOutcome.Succeeded)]
    [InlineData(1, 0, RunOutcome.Partial)]
    [InlineData(0, 1, RunOutcome.Partial)]
    public void The_outcome_follows_what_was_held_back_or_left_to_acknowledge(int quarantined, int unacknowledged, RunOutcome expected)
    {
        var report = new RunReport();
        var collector = new RunCollector(report);
        collector.BeginImport();
        for (var i = 0; i < quarantined; i++)
        {
            collector.Quarantine(new QuarantinedItem("order", "o", "why"));
        }

        for (var i = 0; i < unacknowledged; i++)
        {
            collector.AcknowledgementFailed();
        }

        collector.Succeeded();
        collector.Finished(DateTimeOffset.UnixEpoch, 1.5);

        report.Outcome.Should().Be(expected);
        report.Timings["total"].Should().Be(1.5);
        report.FinishedAt.Should().Be(DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void A_failure_records_the_error_and_the_wait_the_shop_asked_for()
    {
        var report = new RunReport();
        new RunCollector(report).Failed("refused", TimeSpan.FromSeconds(30));

        (report.Outcome, report.Error, report.WaitBeforeNext).Should().Be((RunOutcome.Failed, "refused", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Import_counts_before_the_import_began_are_a_mistake_of_the_engine()
    {
        var collector = new RunCollector(new RunReport());

        collector.Invoking(c => c.OrderImported("S1")).Should().Throw<InvalidOperationException>();
    }
}
