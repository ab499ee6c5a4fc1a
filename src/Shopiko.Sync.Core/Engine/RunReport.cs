using System.Text.Json.Serialization;

namespace Shopiko.Sync.Engine;

/// <summary>How a run ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunOutcome>))]
public enum RunOutcome
{
    /// <summary>Everything went through.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    /// <summary>Finished, with items quarantined or failed.</summary>
    [JsonStringEnumMemberName("partial")] Partial,
    /// <summary>Stopped by an error (configuration, connection, authentication, refusal).</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>Per-entity outcome counts.</summary>
public sealed class EntityCounts
{
    /// <summary>Created on the other side.</summary>
    public int Created { get; set; }
    /// <summary>Updated.</summary>
    public int Updated { get; set; }
    /// <summary>Sent and unchanged, or not sent because the hash matched.</summary>
    public int Unchanged { get; set; }
    /// <summary>Failed.</summary>
    public int Failed { get; set; }
}

/// <summary>Export part of a run.</summary>
public sealed class ExportReport
{
    /// <summary>Groups → categories.</summary>
    public EntityCounts Categories { get; set; } = new();
    /// <summary>Goods → products.</summary>
    public EntityCounts Products { get; set; } = new();
    /// <summary>Partners → customers.</summary>
    public EntityCounts Customers { get; set; } = new();
    /// <summary>Stock levels.</summary>
    public EntityCounts Stock { get; set; } = new();
    /// <summary>Items sent to the shop in all.</summary>
    public int ItemsSent { get; set; }
    /// <summary>Matching on the first run: what was linked, ambiguous or new.</summary>
    public MatchReport? Matching { get; set; }
}

/// <summary>What matching linked.</summary>
public sealed class MatchReport
{
    /// <summary>Records linked to an existing record on the other side.</summary>
    public int Matched { get; set; }
    /// <summary>Records with more than one candidate: left unlinked, never guessed.</summary>
    public List<string> Ambiguous { get; set; } = [];
    /// <summary>Records with no counterpart.</summary>
    public int New { get; set; }
}

/// <summary>Import part of a run.</summary>
public sealed class ImportReport
{
    /// <summary>Orders written as documents.</summary>
    public int OrdersImported { get; set; }
    /// <summary>Orders found already imported (only re-acknowledged).</summary>
    public int OrdersAlreadyImported { get; set; }
    /// <summary>Orders held back with a reason.</summary>
    public int OrdersQuarantined { get; set; }
    /// <summary>Cancelled orders reversed.</summary>
    public int OrdersReversed { get; set; }
    /// <summary>Goods created from shop products.</summary>
    public int GoodsCreated { get; set; }
    /// <summary>Partners created from shop customers.</summary>
    public int PartnersCreated { get; set; }
    /// <summary>Groups created from shop categories.</summary>
    public int GroupsCreated { get; set; }
    /// <summary>Document numbers written.</summary>
    public List<string> Documents { get; set; } = [];
    /// <summary>Orders recorded but not acknowledged because the shop could not be told; the next run acknowledges them.</summary>
    public int AcknowledgementsFailed { get; set; }
    /// <summary>Matching on the first run, when it ran during an import.</summary>
    public MatchReport? Matching { get; set; }
    /// <summary>Orders edited in the shop after import whose booked document was returned (or annulled) and booked anew.</summary>
    public int OrdersCorrected { get; set; }
    /// <summary>Each correction and reversal of a booked document, with the documents it wrote (or, in a dry run, would write).</summary>
    public List<OrderCorrection> Corrections { get; set; } = [];
}

/// <summary>A booked document undone because the order changed in the shop.</summary>
/// <param name="OrderNumber">The shop order number.</param>
/// <param name="OrderId">The shop order id.</param>
/// <param name="Revision">The revision that asked for it.</param>
/// <param name="Reversed">The document undone (e.g. <c>S0000000123</c>).</param>
/// <param name="Return">The customer return written for it (<c>CR…</c>); null when a sales order was annulled (or in a dry run).</param>
/// <param name="Replacement">The new document of the revision; null for a cancellation (or in a dry run).</param>
public sealed record OrderCorrection(string OrderNumber, string OrderId, int Revision, string Reversed, string? Return, string? Replacement);

/// <summary>An item held back.</summary>
/// <param name="Entity">order, product, customer …</param>
/// <param name="Id">Its id.</param>
/// <param name="Reason">Why.</param>
public sealed record QuarantinedItem(string Entity, string Id, string Reason);

/// <summary>Something the run changed or noticed that needs no action to go on, e.g. a name shortened to fit its column.</summary>
/// <param name="Entity">product, customer, category, order …</param>
/// <param name="Id">Its shop id.</param>
/// <param name="Field">The field (name, address, lot …).</param>
/// <param name="Message">What was done, in words.</param>
public sealed record RunWarning(string Entity, string Id, string Field, string Message)
{
    /// <summary>Characters before fitting, when text was fitted.</summary>
    public int? LengthBefore { get; init; }

    /// <summary>Characters after fitting, when text was fitted.</summary>
    public int? LengthAfter { get; init; }
}

/// <summary>What one run did: returned by the engine, logged, printed as JSON by the console host.</summary>
public sealed class RunReport
{
    /// <summary>The server.</summary>
    public string Server { get; set; } = "";
    /// <summary><c>export</c>, <c>import</c> or <c>sync</c>.</summary>
    public string Operation { get; set; } = "";
    /// <summary>Dry run: nothing was written.</summary>
    public bool DryRun { get; set; }
    /// <summary>Start.</summary>
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>End.</summary>
    public DateTimeOffset FinishedAt { get; set; }
    /// <summary>Outcome.</summary>
    public RunOutcome Outcome { get; set; }
    /// <summary>Why it failed, when it did.</summary>
    public string? Error { get; set; }
    /// <summary>Export counts (null when no export ran).</summary>
    public ExportReport? Export { get; set; }
    /// <summary>Import counts (null when no import ran).</summary>
    public ImportReport? Import { get; set; }
    /// <summary>Items held back, with reasons.</summary>
    public List<QuarantinedItem> Quarantine { get; set; } = [];
    /// <summary>What went through changed (text made to fit its column), with the shop id and field.</summary>
    public List<RunWarning> Warnings { get; set; } = [];
    /// <summary>Dry run: the planned actions in words.</summary>
    public List<string> Plan { get; set; } = [];
    /// <summary>Seconds per phase.</summary>
    public Dictionary<string, double> Timings { get; set; } = [];

    /// <summary>
    /// What the run did in one line, for log lines and run listings: what it created and changed on each side (goods,
    /// partners, groups, orders), what it held back, or why it failed; a dry run counts what it would do.
    /// </summary>
    public string Summarize()
    {
        var parts = new List<string>();
        if (Export is { } e)
        {
            var sent = new[] { ("products", e.Products), ("customers", e.Customers), ("categories", e.Categories), ("stock", e.Stock) }
                .Where(x => x.Item2.Created + x.Item2.Updated + x.Item2.Failed > 0)
                .Select(x => $"{x.Item1} {Join(Count(x.Item2.Created, "created"), Count(x.Item2.Updated, "updated"), Count(x.Item2.Failed, "failed"))}")
                .ToList();
            parts.Add("export: " + (sent.Count > 0 ? string.Join(", ", sent) : "nothing changed"));
        }

        if (Import is { } i)
        {
            var documents = i.Documents.Count is > 0 and <= 5 ? $" ({string.Join(", ", i.Documents)})" : "";
            var orders = Join(
                i.OrdersImported > 0 ? $"{Plural(i.OrdersImported, "order")} imported{documents}" : null,
                Count(i.OrdersAlreadyImported, "already imported"),
                Count(i.OrdersReversed, "reversed"),
                Count(i.OrdersQuarantined, "held back"));
            var created = Join(Plural(i.GoodsCreated, "good"), Plural(i.PartnersCreated, "partner"), Plural(i.GroupsCreated, "group"));
            parts.Add("import: " + (orders.Length > 0 ? orders : "no new orders") + (created.Length > 0 ? $"; created {created}" : ""));
        }

        var heldBack = Quarantine.Count - (Import?.OrdersQuarantined ?? 0);
        if (heldBack > 0)
        {
            parts.Add($"{Plural(heldBack, "item")} held back");
        }

        if (Error is not null)
        {
            parts.Add(Error);
        }

        var line = string.Join("; ", parts);
        return DryRun && line.Length > 0 ? "dry run (nothing written): " + line : line;

        static string? Count(int n, string what) => n > 0 ? $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} {what}" : null;
        static string? Plural(int n, string what) => n > 0 ? $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} {what}{(n == 1 ? "" : "s")}" : null;
        static string Join(params string?[] items) => string.Join(", ", items.Where(x => x is not null));
    }

    /// <summary>What the fast path saw (fast passes, and the reconciliation that follows one); null when it did not run.</summary>
    public FastPathReport? FastPath { get; set; }

    /// <summary>The shop asked for this much quiet before the next request (<c>Retry-After</c>, an exhausted rate limit).</summary>
    public TimeSpan? WaitBeforeNext { get; set; }
}

/// <summary>What a fast pass saw and did, or what the reconciliation found that the fast path had missed.</summary>
public sealed class FastPathReport
{
    /// <summary>
    /// False when the fast path has no marks to compare with yet (no full export has finished since it was turned on):
    /// it then does nothing, and the next full export arms it.
    /// </summary>
    public bool Armed { get; set; }

    /// <summary>New, late or removed operation rows were seen.</summary>
    public bool OperationsChanged { get; set; }

    /// <summary>Goods whose stock was read because operations in the watched objects moved them.</summary>
    public int GoodsMoved { get; set; }

    /// <summary>Goods and partners ID ranges whose checksum changed (and were read).</summary>
    public int RangesChanged { get; set; }

    /// <summary>Catalogue checksums were compared in this pass.</summary>
    public bool CatalogueChecked { get; set; }

    /// <summary>Something the fast path noticed that it cannot follow itself (e.g. operations removed: a deleted document, a restored backup).</summary>
    public string? Note { get; set; }

    /// <summary>
    /// Reconciliation: items it sent that the fast path could not have found from its marks (a document deleted below its
    /// window, an edit that kept its rows' IDs, a restored backup, a changed VAT rate or group).
    /// </summary>
    public int MissedItems { get; set; }

    /// <summary>Reconciliation: what it sent that the fast path missed, per entity (e.g. <c>stock: 3</c>).</summary>
    public List<string> Missed { get; set; } = [];
}
