using Shopiko.Sync.Engine;
using Spectre.Console;

namespace Shopiko.Sync.Console.Output;

/// <summary>Progress bars for long work on a terminal; nothing at all otherwise.</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(Terminal terminal, bool enabled, Func<IProgress<SyncProgress>?, Task<T>> work)
    {
        if (!enabled || !terminal.Rich)
        {
            return await work(null).ConfigureAwait(false);
        }

        T result = default!;
        await terminal.Ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                result = await work(new PhaseProgress(context)).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
        return result;
    }

    /// <summary>One bar per phase; reports arrive from the engine's thread, Spectre's tasks are thread-safe.</summary>
    private sealed class PhaseProgress(ProgressContext context) : IProgress<SyncProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public void Report(SyncProgress value)
        {
            lock (_lock)
            {
                if (!_tasks.TryGetValue(value.Phase, out var task))
                {
                    task = context.AddTask(Markup.Escape(value.Phase));
                    _tasks.Add(value.Phase, task);
                }

                if (value.Total is { } total and > 0)
                {
                    task.IsIndeterminate = false;
                    task.MaxValue = total;
                    task.Value = Math.Min(value.Done, total);
                }
                else
                {
                    task.IsIndeterminate = true;
                }
            }
        }
    }
}
