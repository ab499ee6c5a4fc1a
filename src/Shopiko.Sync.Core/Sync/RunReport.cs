using System.Text.Json.Serialization;

namespace Shopiko.Sync.Sync;

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
}

/// <summary>An item held back.</summary>
/// <param name="Entity">order, product, customer …</param>
/// <param name="Id">Its id.</param>
/// <param name="Reason">Why.</param>
public sealed record QuarantinedItem(string Entity, string Id, string Reason);

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
    /// <summary>Dry run: the planned actions in words.</summary>
    public List<string> Plan { get; set; } = [];
    /// <summary>Seconds per phase.</summary>
    public Dictionary<string, double> Timings { get; set; } = [];

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
