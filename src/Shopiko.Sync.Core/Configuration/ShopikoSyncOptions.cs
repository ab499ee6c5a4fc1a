namespace Shopiko.Sync.Configuration;

/// <summary>
/// The root of the configuration section <c>ShopikoSync</c>: a list of servers, each one the equivalent of a
/// Microinvest Utility Center "WarehousePro Import Export Shopiko" server.
/// </summary>
public sealed class ShopikoSyncOptions
{
    /// <summary>The configuration section name the hosts and integrators bind.</summary>
    public const string SectionName = "ShopikoSync";

    /// <summary>The configured servers. Names must be unique (case-insensitive).</summary>
    public List<ServerOptions> Servers { get; set; } = [];
}

/// <summary>One synchronisation server: one warehouse database linked to one shop.</summary>
public sealed class ServerOptions
{
    /// <summary>Име на сървъра (server name), e.g. <c>Shopiko</c>.</summary>
    public string Name { get; set; } = "Shopiko";

    /// <summary>Автостарт (autostart): the service host starts this server when it starts.</summary>
    public bool AutoStart { get; set; }

    /// <summary>Скриване (hide): the server is not listed by default.</summary>
    public bool Hidden { get; set; }

    /// <summary>The Warehouse Pro database.</summary>
    public WarehouseConnectionOptions Warehouse { get; set; } = new();

    /// <summary>The Shopiko shop (API Идентификатор / Ключ).</summary>
    public ShopConnectionOptions Shop { get; set; } = new();

    /// <summary>Импорт: operations made in the shop into Warehouse Pro.</summary>
    public ImportOptions Import { get; set; } = new();

    /// <summary>Експорт: goods, partners and quantities from Warehouse Pro to the shop.</summary>
    public ExportOptions Export { get; set; } = new();

    /// <summary>Linking records that already exist on both sides (lifts the original's "one side must be empty" rule).</summary>
    public MatchingOptions Matching { get; set; } = new();

    /// <summary>Where these settings were read from (<c>ShopikoSync:Servers:0</c>); null when built in code.</summary>
    internal string? SettingsPath { get; set; }

    /// <summary>Values that could not be read when the settings were bound (<see cref="ShopikoSyncConfiguration"/>).</summary>
    internal List<SettingProblem> BindingProblems { get; } = [];
}

/// <summary>Which database engine holds the Warehouse Pro database.</summary>
public enum WarehouseProvider
{
    /// <summary>MySQL or MariaDB (MySqlConnector).</summary>
    MySql,

    /// <summary>Microsoft SQL Server (Microsoft.Data.SqlClient).</summary>
    SqlServer,

    /// <summary>Microsoft Access .mdb through OLE DB (Windows only).</summary>
    Access,

    /// <summary>SQLite (Warehouse Open layout); the embedded default for the demo and tests.</summary>
    Sqlite,
}

/// <summary>The Warehouse Pro database connection.</summary>
public sealed class WarehouseConnectionOptions
{
    /// <summary>The database engine.</summary>
    public WarehouseProvider Provider { get; set; } = WarehouseProvider.Sqlite;

    /// <summary>The provider's connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Command timeout for database statements.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>The shop's synchronisation API endpoint and credentials.</summary>
public sealed class ShopConnectionOptions
{
    /// <summary>Base URL, e.g. <c>https://myshop.example/api/microinvest/v1/</c>. HTTPS unless the host is loopback.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>API Идентификатор (API ID), a decimal string.</summary>
    public string ApiId { get; set; } = "";

    /// <summary>Ключ (key). Opaque; never logged, never sent.</summary>
    public string Key { get; set; } = "";

    /// <summary>Items per page when listing (1–500).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Items per batch upsert (1–500).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one request including all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How many times a transient failure is retried.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>Returns a copy with the key masked, safe to print.</summary>
    public override string ToString() => $"{BaseUrl} (API ID {ApiId}, key {(string.IsNullOrEmpty(Key) ? "not set" : "****")})";
}

/// <summary>When a job runs after its server starts (the Utility Center "Импорт"/"Експорт" choices).</summary>
public enum StartMode
{
    /// <summary>При стартиране на сървъра: right after the server starts (the default).</summary>
    OnServerStart,

    /// <summary>Отложен старт: after <see cref="JobOptions.Delay"/>.</summary>
    Delayed,

    /// <summary>Не стартирай: never.</summary>
    Disabled,
}

/// <summary>Settings shared by import and export jobs.</summary>
public abstract class JobOptions
{
    /// <summary>When the job first runs.</summary>
    public StartMode Start { get; set; } = StartMode.OnServerStart;

    /// <summary>Delay before the first run when <see cref="Start"/> is <see cref="StartMode.Delayed"/>.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Repeat interval; <see cref="TimeSpan.Zero"/> runs once.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Which Warehouse Pro document an imported order becomes.</summary>
public enum ImportDocumentType
{
    /// <summary>Sale (OperType 2): stock goes out.</summary>
    Sale,

    /// <summary>Sales order / Поръчка (OperType 19): no stock change.</summary>
    SalesOrder,
}

/// <summary>Импорт settings.</summary>
public sealed class ImportOptions : JobOptions
{
    /// <summary>Обект: the warehouse object (ID or name, e.g. <c>Централен Склад</c>) the documents are written to.</summary>
    public string Object { get; set; } = "";

    /// <summary>Синхронизация на номенклатура с Shopiko: shop-made goods and customers come into the warehouse.</summary>
    public bool SyncNomenclature { get; set; } = true;

    /// <summary>Document type written for an order.</summary>
    public ImportDocumentType DocumentType { get; set; } = ImportDocumentType.Sale;

    /// <summary>The Warehouse Pro user written as operator of imported documents.</summary>
    public int OperatorId { get; set; } = 1;

    /// <summary>Code of the service good used for shipping lines (created once when missing).</summary>
    public string ShippingGoodCode { get; set; } = "SHOPIKO-SHIPPING";

    /// <summary>
    /// How often the service asks the shop whether orders wait (one small request; the full import, with the
    /// nomenclature, runs every <see cref="JobOptions.Interval"/>). <see cref="TimeSpan.Zero"/> turns the poll off.
    /// The poll waits longer when the shop asks it to (<c>Retry-After</c>, an exhausted rate limit). Only the service
    /// host reads it, so the service checks it; it is here so the servers file keeps one shape for every host.
    /// </summary>
    public TimeSpan OrderPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Price columns of <c>goods</c>.</summary>
public enum PriceColumn
{
    /// <summary>Wholesale.</summary>
    PriceOut1 = 1,
    /// <summary>Retail (the default).</summary>
    PriceOut2 = 2,
    /// <summary>Price group 1.</summary>
    PriceOut3 = 3,
    /// <summary>Price group 2.</summary>
    PriceOut4 = 4,
    /// <summary>Price group 3.</summary>
    PriceOut5 = 5,
    /// <summary>Price group 4.</summary>
    PriceOut6 = 6,
    /// <summary>Price group 5.</summary>
    PriceOut7 = 7,
    /// <summary>Price group 6.</summary>
    PriceOut8 = 8,
    /// <summary>Price group 7.</summary>
    PriceOut9 = 9,
    /// <summary>Price group 8.</summary>
    PriceOut10 = 10,
}

/// <summary>Експорт settings.</summary>
public sealed class ExportOptions : JobOptions
{
    /// <summary>Creates export settings with the export default interval.</summary>
    public ExportOptions() => Interval = TimeSpan.FromMinutes(15);

    /// <summary>Експорт партньори от Склад Про.</summary>
    public bool Partners { get; set; }

    /// <summary>Експорт стоки от Склад Про.</summary>
    public bool Goods { get; set; }

    /// <summary>Which price column is the shop price.</summary>
    public PriceColumn PriceColumn { get; set; } = PriceColumn.PriceOut2;

    /// <summary>Objects (IDs or names) whose stock is exported; empty means the import Object.</summary>
    public List<string> StockObjects { get; set; } = [];

    /// <summary>
    /// How often the service's fast path looks for stock movements (new operation rows) and sends the stock of only the
    /// goods they moved. <see cref="TimeSpan.Zero"/> turns it off; the full export (<see cref="JobOptions.Interval"/>)
    /// stays the reconciliation that catches what the fast path cannot see (a deleted document, a restored backup).
    /// Only the service host reads it, and checks it.
    /// </summary>
    public TimeSpan FastInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often a fast pass also compares the database's per-range checksums of goods and partners, sending the
    /// products and customers of the ranges that changed (each check reads every goods and partners row on the server).
    /// Only the service host reads it, and checks it.
    /// </summary>
    public TimeSpan CatalogueCheckInterval { get; set; } = TimeSpan.FromSeconds(6);
}

/// <summary>Linking existing records on both sides on the first run.</summary>
public sealed class MatchingOptions
{
    /// <summary>Link existing goods by code/barcode and partners by EIK/VAT/e-mail instead of refusing.</summary>
    public bool Enabled { get; set; }
}
