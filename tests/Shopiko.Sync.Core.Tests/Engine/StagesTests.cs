using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Core.Tests.Engine;

/// <summary>The concurrency rules the export rests on, made structural: one failure, frozen link tables, the provider's write rule.</summary>
public class StagesTests
{
    [Fact]
    public async Task The_first_failure_cancels_the_other_stages_waits_for_them_and_is_the_one_thrown()
    {
        var cancelled = 0;
        var ended = 0;
        var readers = 0;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task ReaderAsync(CancellationToken ct)
        {
            try
            {
                if (Interlocked.Increment(ref readers) == 2)
                {
                    started.TrySetResult();
                }

                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
                // Closing a reader takes a while: the failure must wait for it.
                await Task.Delay(50, CancellationToken.None);
                Interlocked.Increment(ref ended);
                throw;
            }
        }

        // Fails once both readers are open (a stage not started when the first failure comes never starts).
        async Task FailingAsync(CancellationToken ct)
        {
            await started.Task.WaitAsync(ct);
            throw new InvalidDataException("the first failure");
        }

        async Task LaterFailureAsync(CancellationToken ct)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                throw new IOException("a failure after the first one");
            }
        }

        var run = () => Stages.RunAsync([ReaderAsync, FailingAsync, ReaderAsync, LaterFailureAsync], CancellationToken.None);

        (await run.Should().ThrowAsync<InvalidDataException>()).WithMessage("the first failure");
        cancelled.Should().Be(2);
        ended.Should().Be(2, "no stage is left running behind the failure");
    }

    [Fact]
    public async Task Every_stage_runs_at_once()
    {
        var all = new Barrier(3);
        var stages = Enumerable.Range(0, 3).Select(_ => (Func<CancellationToken, Task>)(ct => Task.Run(() => all.SignalAndWait(TimeSpan.FromSeconds(10)).Should().BeTrue(), ct))).ToList();

        await Stages.RunAsync(stages, CancellationToken.None);
    }

    [Fact]
    public void A_shared_link_table_cannot_change_and_changes_make_a_new_one()
    {
        var table = LinkTable.Of(SyncEntity.Product, [new SyncLink(SyncEntity.Product, 1, "a", "h1")]).Freeze();

        var set = () => table.Set(new SyncLink(SyncEntity.Product, 2, "b", null));
        var changed = table.With([new SyncLink(SyncEntity.Product, 1, "c", "h2"), new SyncLink(SyncEntity.Product, 2, "b", null)]);

        set.Should().Throw<InvalidOperationException>();
        table.Count.Should().Be(1);
        table.ByRemote("a").Should().Be(1);
        changed.IsFrozen.Should().BeTrue();
        changed.ByLocal(1)!.ContentHash.Should().Be("h2");
        changed.ByRemote("c").Should().Be(1);
        changed.ByRemote("a").Should().BeNull();
        changed.ByRemote("b").Should().Be(2);
    }

    [Theory]
    [InlineData(WarehouseProvider.MySql, true)]
    [InlineData(WarehouseProvider.Sqlite, false)]
    [InlineData(WarehouseProvider.SqlServer, false)]
    [InlineData(WarehouseProvider.Access, false)]
    public void Only_an_engine_whose_reads_take_no_locks_is_written_while_reading(WarehouseProvider provider, bool expected) =>
        WarehouseDialect.WritesWhileReadingOn(provider).Should().Be(expected);
}
