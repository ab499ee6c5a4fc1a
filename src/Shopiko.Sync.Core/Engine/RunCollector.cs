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

/// <summary>What the export sends, each counted in its own part of <see cref="ExportReport"/>.</summary>
internal enum ExportedEntity
{
    /// <summary>Groups → categories.</summary>
    Categories,
    /// <summary>Goods → products.</summary>
    Products,
    /// <summary>Partners → customers.</summary>
    Customers,
    /// <summary>Stock levels.</summary>
    Stock,
}

/// <summary>
/// The one owner of a run's <see cref="RunReport"/>: the parts of a run send it what they did — counts, quarantined
/// items, warnings, planned actions, timings and the items the shop accepted — and it records them under one lock, so
/// the parts that run side by side (the comparers, senders and link writers of the export) never write the report at
/// the same time. A part that wants to watch the sent items (the reconciliation) subscribes with <see cref="Watch"/>.
/// </summary>
/// <remarks>
/// The report itself stays the public result of the run. Nothing but the collector writes it — the import's order,
/// acknowledgement and nomenclature counts, the fast path's figures and the run's outcome included — so no part has
/// to know which of the others runs beside it; the parts and the engine only read <see cref="Report"/>.
/// </remarks>
internal sealed class RunCollector(RunReport report)
{
    private readonly Lock _lock = new();
    private Action<string, int>? _sent;

    /// <summary>The report collected (read it once the run's parts have ended).</summary>
    public RunReport Report => report;

    /// <summary>The entity as the report, the logs and the metrics name it (<c>products</c>).</summary>
    public static string NameOf(ExportedEntity entity) => entity switch
    {
        ExportedEntity.Categories => "categories",
        ExportedEntity.Products => "products",
        ExportedEntity.Customers => "customers",
        _ => "stock",
    };

    /// <summary>Counts exported items of one entity.</summary>
    public void Count(ExportedEntity entity, ItemOutcome outcome, int items = 1)
    {
        lock (_lock)
        {
            var counts = entity switch
            {
                ExportedEntity.Categories => Export.Categories,
                ExportedEntity.Products => Export.Products,
                ExportedEntity.Customers => Export.Customers,
                _ => Export.Stock,
            };
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

    /// <summary>Adds planned actions (dry run), in their order.</summary>
    public void Plan(IEnumerable<string> actions)
    {
        lock (_lock)
        {
            report.Plan.AddRange(actions);
        }
    }

    /// <summary>The run's import begins: its part of the report is there from now on, even if the run then fails.</summary>
    public void BeginImport()
    {
        lock (_lock)
        {
            report.Import = new ImportReport();
        }
    }

    /// <summary>The run's export begins: its part of the report is there from now on, even if the run then fails.</summary>
    public void BeginExport()
    {
        lock (_lock)
        {
            report.Export ??= new ExportReport();
        }
    }

    /// <summary>What first-run matching linked before the import (null: it did not run).</summary>
    public void ImportMatched(MatchReport? matching)
    {
        lock (_lock)
        {
            Import.Matching = matching;
        }
    }

    /// <summary>What first-run matching linked before the export (null: it did not run).</summary>
    public void ExportMatched(MatchReport? matching)
    {
        lock (_lock)
        {
            Export.Matching = matching;
        }
    }

    /// <summary>An order was booked as a document (its number; null in a dry run, which writes none).</summary>
    public void OrderImported(string? document)
    {
        lock (_lock)
        {
            Import.OrdersImported++;
            if (document is not null)
            {
                Import.Documents.Add(document);
            }
        }
    }

    /// <summary>An order was found already imported (only acknowledged again).</summary>
    public void OrderAlreadyImported()
    {
        lock (_lock)
        {
            Import.OrdersAlreadyImported++;
        }
    }

    /// <summary>An order was held back (its quarantine entry goes through <see cref="Quarantine"/>).</summary>
    public void OrderQuarantined()
    {
        lock (_lock)
        {
            Import.OrdersQuarantined++;
        }
    }

    /// <summary>An edited order's booked document was undone and the new revision booked (or, in a dry run, would be).</summary>
    public void OrderCorrected(OrderCorrection correction)
    {
        lock (_lock)
        {
            Import.OrdersCorrected++;
            Corrected(correction);
        }
    }

    /// <summary>A cancelled order's booked document was undone (or, in a dry run, would be).</summary>
    public void OrderReversed(OrderCorrection correction)
    {
        lock (_lock)
        {
            Import.OrdersReversed++;
            Corrected(correction);
        }
    }

    /// <summary>An order was recorded but the shop could not be told; the next run acknowledges it.</summary>
    public void AcknowledgementFailed()
    {
        lock (_lock)
        {
            Import.AcknowledgementsFailed++;
        }
    }

    /// <summary>A good was created from a shop product (or the shipping good under its code).</summary>
    public void GoodCreated()
    {
        lock (_lock)
        {
            Import.GoodsCreated++;
        }
    }

    /// <summary>A partner was created from a shop customer.</summary>
    public void PartnerCreated()
    {
        lock (_lock)
        {
            Import.PartnersCreated++;
        }
    }

    /// <summary>A goods group was created from a shop category.</summary>
    public void GroupCreated()
    {
        lock (_lock)
        {
            Import.GroupsCreated++;
        }
    }

    /// <summary>A fast pass began: armed, or without marks to compare with yet (it then does nothing).</summary>
    public void FastPass(bool armed)
    {
        lock (_lock)
        {
            FastPath.Armed = armed;
        }
    }

    /// <summary>The fast pass compares the catalogue checksums.</summary>
    public void CatalogueChecked()
    {
        lock (_lock)
        {
            FastPath.CatalogueChecked = true;
        }
    }

    /// <summary>This many goods or partners ID ranges changed their checksum (and are read).</summary>
    public void RangesChanged(int ranges)
    {
        lock (_lock)
        {
            FastPath.RangesChanged += ranges;
        }
    }

    /// <summary>New, late or removed operation rows were seen.</summary>
    public void OperationsChanged()
    {
        lock (_lock)
        {
            FastPath.OperationsChanged = true;
        }
    }

    /// <summary>Something the fast path noticed that it cannot follow itself.</summary>
    public void FastPathNote(string note)
    {
        lock (_lock)
        {
            FastPath.Note = note;
        }
    }

    /// <summary>This many goods were moved by the new operations (their stock is read).</summary>
    public void GoodsMoved(int goods)
    {
        lock (_lock)
        {
            FastPath.GoodsMoved = goods;
        }
    }

    /// <summary>
    /// A reconciliation finished with the fast path armed: whether it computed the catalogue checksums, and what it sent
    /// that the fast path could not have found, per entity. Returns the missed items in all and in words.
    /// </summary>
    public (int Items, string Described) Reconciled(bool catalogueChecked, IReadOnlyDictionary<string, int> missed)
    {
        lock (_lock)
        {
            var fast = FastPath;
            fast.Armed = true;
            fast.CatalogueChecked |= catalogueChecked;
            foreach (var (entity, count) in missed.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                fast.MissedItems += count;
                fast.Missed.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{entity}: {count}"));
            }

            return (fast.MissedItems, string.Join(", ", fast.Missed));
        }
    }

    /// <summary>The run went through: partial when items were held back or orders are left to acknowledge.</summary>
    public void Succeeded()
    {
        lock (_lock)
        {
            report.Outcome = report.Quarantine.Count > 0 || report.Import?.AcknowledgementsFailed > 0 ? RunOutcome.Partial : RunOutcome.Succeeded;
        }
    }

    /// <summary>The run was stopped by an error; the shop may have asked for quiet before the next request.</summary>
    public void Failed(string error, TimeSpan? waitBeforeNext)
    {
        lock (_lock)
        {
            report.Outcome = RunOutcome.Failed;
            report.Error = error;
            report.WaitBeforeNext = waitBeforeNext;
        }
    }

    /// <summary>The run ended, after this many seconds in all.</summary>
    public void Finished(DateTimeOffset at, double totalSeconds)
    {
        lock (_lock)
        {
            report.FinishedAt = at;
            report.Timings["total"] = totalSeconds;
        }
    }

    private ImportReport Import => report.Import ?? throw new InvalidOperationException("The run's import has not begun.");

    private ExportReport Export => report.Export ?? throw new InvalidOperationException("The run's export has not begun.");

    private FastPathReport FastPath => report.FastPath ??= new FastPathReport();

    private void Corrected(OrderCorrection correction)
    {
        Import.Corrections.Add(correction);
        foreach (var written in new[] { correction.Return, correction.Replacement })
        {
            if (written is not null)
            {
                Import.Documents.Add(written);
            }
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
