namespace Shopiko.Sync.Engine;

/// <summary>What a counted item came to.</summary>
internal enum ItemOutcome
{
    /// <summary>Created on the other side.</summary>
    Created,
    /// <summary>Updated.</summary>
    Updated,
    /// <summary>Unchanged (sent and unchanged, or not sent because its hash matched).</summary>
    Unchanged,
    /// <summary>Failed (and quarantined).</summary>
    Failed,
}

/// <summary>
/// The one owner of a run's <see cref="RunReport"/>: the parts of a run send it what they did — counts, quarantined
/// items, warnings, planned actions, timings and the items the shop accepted — and it records them under one lock, so
/// the parts that run side by side (the comparers, senders and link writers of the export) never write the report at
/// the same time. A part that wants to watch the sent items (the reconciliation) subscribes with <see cref="Watch"/>.
/// </summary>
/// <remarks>
/// The report itself stays the public result of the run; the parts that run on one flow (the import) still read and
/// count on <see cref="Report"/> directly, the collector is what anything running beside another part uses.
/// </remarks>
internal sealed class RunCollector(RunReport report)
{
    private readonly Lock _lock = new();
    private Action<string, int>? _sent;

    /// <summary>The report collected (read it once the run's parts have ended).</summary>
    public RunReport Report => report;

    /// <summary>Counts items of one entity.</summary>
    public void Count(EntityCounts counts, ItemOutcome outcome, int items = 1)
    {
        lock (_lock)
        {
            switch (outcome)
            {
                case ItemOutcome.Created: counts.Created += items; break;
                case ItemOutcome.Updated: counts.Updated += items; break;
                case ItemOutcome.Unchanged: counts.Unchanged += items; break;
                default: counts.Failed += items; break;
            }
        }
    }

    /// <summary>A batch of this many items went to the shop.</summary>
    public void BatchSent(int items)
    {
        lock (_lock)
        {
            report.Export!.ItemsSent += items;
        }
    }

    /// <summary>The shop accepted an item (entity name, local ID): told to whoever <see cref="Watch"/>es.</summary>
    public void Accepted(string entity, int localId)
    {
        Action<string, int>? sent;
        lock (_lock)
        {
            sent = _sent;
        }

        sent?.Invoke(entity, localId);
    }

    /// <summary>Calls <paramref name="sent"/> for every item the shop accepts until the result is disposed (one watcher at a time).</summary>
    public IDisposable Watch(Action<string, int> sent)
    {
        lock (_lock)
        {
            if (_sent is not null)
            {
                throw new InvalidOperationException("The sent items of the run are already watched.");
            }

            _sent = sent;
        }

        return new Unwatch(this);
    }

    /// <summary>Adds an item to the run's quarantine list.</summary>
    public void Quarantine(QuarantinedItem item)
    {
        lock (_lock)
        {
            report.Quarantine.Add(item);
        }
    }

    /// <summary>Adds a warning.</summary>
    public void Warn(RunWarning warning)
    {
        lock (_lock)
        {
            report.Warnings.Add(warning);
        }
    }

    /// <summary>Adds a planned action (dry run).</summary>
    public void Plan(string action)
    {
        lock (_lock)
        {
            report.Plan.Add(action);
        }
    }

    /// <summary>Records a phase's time.</summary>
    public void Timing(string phase, double seconds)
    {
        lock (_lock)
        {
            report.Timings[phase] = seconds;
        }
    }

    private sealed class Unwatch(RunCollector collector) : IDisposable
    {
        public void Dispose()
        {
            lock (collector._lock)
            {
                collector._sent = null;
            }
        }
    }
}
