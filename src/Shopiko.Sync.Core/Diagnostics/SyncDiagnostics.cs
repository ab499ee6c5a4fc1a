namespace Shopiko.Sync.Diagnostics;

/// <summary>
/// The names Shopiko.Sync reports under: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, both named <see cref="MeterName"/>, their instruments, spans and tags.
/// Names follow the OpenTelemetry semantic conventions (dotted lower case, units in UCUM, durations in seconds as
/// histograms). Listen with <c>AddMeter(SyncDiagnostics.MeterName)</c> and <c>AddSource(SyncDiagnostics.ActivitySourceName)</c>.
/// </summary>
public static class SyncDiagnostics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Shopiko.Sync";

    /// <summary>The activity source's name.</summary>
    public const string ActivitySourceName = "Shopiko.Sync";

    /// <summary>Instrument names (unit in brackets).</summary>
    public static class Instruments
    {
        /// <summary>Counter, <c>{run}</c>: runs finished. Tags: server, operation, outcome, error.type (failed runs).</summary>
        public const string Runs = "shopiko.sync.runs";

        /// <summary>Histogram, <c>s</c>: how long runs took. Tags: server, operation, outcome.</summary>
        public const string RunDuration = "shopiko.sync.run.duration";

        /// <summary>Counter, <c>{item}</c>: items sent to the shop. Tags: server, entity.</summary>
        public const string ItemsSent = "shopiko.sync.export.items.sent";

        /// <summary>Counter, <c>{item}</c>: items not sent because their content had not changed. Tags: server, entity.</summary>
        public const string ItemsUnchanged = "shopiko.sync.export.items.unchanged";

        /// <summary>Counter, <c>{item}</c>: items the shop refused (quarantined). Tags: server, entity.</summary>
        public const string ItemsFailed = "shopiko.sync.export.items.failed";

        /// <summary>
        /// Counter, <c>{order}</c>: shop orders handled. Tags: server, order outcome (<c>imported</c>,
        /// <c>already_imported</c>, <c>quarantined</c>, <c>corrected</c>, <c>reversed</c>).
        /// </summary>
        public const string Orders = "shopiko.sync.import.orders";

        /// <summary>Counter, <c>{request}</c>: requests to the shop (after retries). Tags: server, http.request.method, shop operation, http.response.status_code, error.type.</summary>
        public const string ShopRequests = "shopiko.sync.shop.requests";

        /// <summary>Histogram, <c>s</c>: how long requests to the shop took, retries included. Tags as <see cref="ShopRequests"/>.</summary>
        public const string ShopRequestDuration = "shopiko.sync.shop.request.duration";

        /// <summary>Counter, <c>{retry}</c>: attempts retried. Tags: server, http.request.method, shop operation, http.response.status_code or error.type of the attempt retried.</summary>
        public const string ShopRetries = "shopiko.sync.shop.retries";

        /// <summary>
        /// Observable gauge, <c>s</c>: per server, the time since its last successful (or partial) run; a server that has not
        /// succeeded since the process started watching reports the time since then. Tags: server.
        /// </summary>
        public const string TimeSinceLastSuccess = "shopiko.sync.server.time_since_last_success";

        /// <summary>Counter, <c>{pass}</c>: fast-path passes (stock and orders between full runs). Tags: server, outcome.</summary>
        public const string FastPathPasses = "shopiko.sync.fastpath.passes";

        /// <summary>Counter, <c>{pass}</c>: reconciliation passes (full comparison of both sides). Tags: server, outcome.</summary>
        public const string ReconciliationPasses = "shopiko.sync.reconciliation.passes";
    }

    /// <summary>Span (activity) names.</summary>
    public static class Spans
    {
        /// <summary>One run (import, export or sync) of one server. Tags: server, operation, dry run, outcome.</summary>
        public const string Run = "shopiko.sync.run";

        /// <summary>One phase of a run (<c>export.products</c>, <c>import.orders</c>…). Tags: phase.</summary>
        public const string Phase = "shopiko.sync.phase";

        /// <summary>One batch sent to the shop. Tags: shop operation, batch size.</summary>
        public const string ShopBatch = "shopiko.sync.shop.batch";

        /// <summary>One shop order becoming (or not) a warehouse document. Tags: order id, order number, document number, order outcome.</summary>
        public const string Order = "shopiko.sync.order";
    }

    /// <summary>Tag (attribute) names. Credentials never appear in a tag.</summary>
    public static class Tags
    {
        /// <summary>The configured server's name.</summary>
        public const string Server = "shopiko.sync.server";

        /// <summary><c>import</c>, <c>export</c> or <c>sync</c>.</summary>
        public const string Operation = "shopiko.sync.operation";

        /// <summary><c>succeeded</c>, <c>partial</c> or <c>failed</c>.</summary>
        public const string Outcome = "shopiko.sync.outcome";

        /// <summary>True for a dry run (which writes nothing and records no item or order counts).</summary>
        public const string DryRun = "shopiko.sync.dry_run";

        /// <summary><c>categories</c>, <c>products</c>, <c>customers</c>, <c>stock</c>.</summary>
        public const string Entity = "shopiko.sync.entity";

        /// <summary>A run's phase.</summary>
        public const string Phase = "shopiko.sync.phase";

        /// <summary>What became of an order (see <see cref="Instruments.Orders"/>).</summary>
        public const string OrderOutcome = "shopiko.sync.order.outcome";

        /// <summary>The shop's order id.</summary>
        public const string OrderId = "shopiko.sync.order.id";

        /// <summary>The shop's order number.</summary>
        public const string OrderNumber = "shopiko.sync.order.number";

        /// <summary>The warehouse document number the order became.</summary>
        public const string DocumentNumber = "shopiko.sync.document.number";

        /// <summary>The shop API operation: its path with ids replaced, e.g. <c>products/batch</c>, <c>orders/{id}/ack</c>.</summary>
        public const string ShopOperation = "shopiko.sync.shop.operation";

        /// <summary>Items in a batch.</summary>
        public const string BatchSize = "shopiko.sync.batch.size";

        /// <summary>The HTTP method (OpenTelemetry semantic convention).</summary>
        public const string HttpMethod = "http.request.method";

        /// <summary>The HTTP status code (OpenTelemetry semantic convention).</summary>
        public const string HttpStatusCode = "http.response.status_code";

        /// <summary>Why something failed (OpenTelemetry semantic convention), e.g. <c>configuration</c>, <c>authentication</c>, <c>shop_unavailable</c>.</summary>
        public const string ErrorType = "error.type";
    }

    /// <summary>Values of <see cref="Tags.OrderOutcome"/>.</summary>
    public static class OrderOutcomes
    {
        /// <summary>Written as a document.</summary>
        public const string Imported = "imported";

        /// <summary>Found imported before: acknowledged again only.</summary>
        public const string AlreadyImported = "already_imported";

        /// <summary>Held back with a reason.</summary>
        public const string Quarantined = "quarantined";

        /// <summary>An imported order changed in the shop and its document was corrected.</summary>
        public const string Corrected = "corrected";

        /// <summary>A cancelled order's document reversed (customer return or annulled sales order).</summary>
        public const string Reversed = "reversed";
    }
}
