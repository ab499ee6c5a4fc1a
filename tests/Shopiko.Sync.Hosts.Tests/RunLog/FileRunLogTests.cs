using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.RunLog;

/// <summary>The run log the console and the service share.</summary>
public sealed class FileRunLogTests
{
    [Fact]
    public async Task The_end_of_a_run_supersedes_its_start_and_the_newest_come_first()
    {
        using var folder = new TempFolder();
        var log = new FileRunLog(folder.Path);
        var t = new DateTimeOffset(2026, 1, 31, 23, 59, 0, TimeSpan.Zero);
        var first = new RunRecord { Id = "a", Server = "Shop/1", Operation = "export", StartedAt = t };
        var second = new RunRecord { Id = "b", Server = "Shop/1", Operation = "import", StartedAt = t.AddMinutes(2) };
        await log.WriteAsync(first);
        await log.WriteAsync(first with { FinishedAt = t.AddMinutes(1), Status = RunStatus.Succeeded, Report = new RunReport { Outcome = RunOutcome.Succeeded } });
        await log.WriteAsync(second);

        // A torn last line (power loss mid-write) hides nothing else.
        await File.AppendAllTextAsync(Directory.GetFiles(log.ServerFolder("Shop/1")).Max()!, "{\"id\":\"c\",\"serv");

        var runs = await log.ReadRecentAsync("shop/1");
        runs.Select(r => (r.Id, r.Status)).Should().Equal(("b", RunStatus.Running), ("a", RunStatus.Succeeded));
        Directory.GetFiles(log.ServerFolder("Shop/1")).Select(Path.GetFileName).Should().BeEquivalentTo("2026-01.jsonl", "2026-02.jsonl");
        (await log.ReadRecentAsync("Shop/1", 1)).Single().Id.Should().Be("b");
        (await log.ReadRecentAsync("unknown")).Should().BeEmpty();
    }
}
