namespace Shopiko.Sync.Engine;

/// <summary>
/// One Utility Center server's behaviour: export warehouse → shop, import shop → warehouse, exactly once.
/// </summary>
public interface ISyncEngine
{
    /// <summary>The server's name.</summary>
    string ServerName { get; }

    /// <summary>Export goods, partners (as configured) and stock to the shop.</summary>
    Task<RunReport> ExportAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Import shop nomenclature (as configured) and pending orders into the warehouse.</summary>
    Task<RunReport> ImportAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Import, then export.</summary>
    Task<RunReport> SyncAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reaches both sides and reports what it found (schema version, add-on state, credentials).</summary>
    Task<CheckReport> CheckAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// True when <see cref="FastExportAsync"/> and <see cref="PollOrdersAsync"/> are real fast passes (the library's
    /// engine); a host runs its fast schedules only then. Other implementations keep the default (false).
    /// </summary>
    bool SupportsFastPasses => false;

    /// <summary>
    /// A fast pass: sends the stock of the goods that new operation rows moved in the stock objects and, when
    /// <see cref="FastExportOptions.CheckCatalogue"/>, the products and customers of the ID ranges whose checksum changed,
    /// without reading the catalogue. Does nothing until a full export has armed it. The default runs a full export.
    /// </summary>
    Task<RunReport> FastExportAsync(FastExportOptions? options = null, CancellationToken cancellationToken = default) =>
        ExportAsync(null, cancellationToken);

    /// <summary>
    /// Asks the shop, in one small request, whether orders wait, and imports them when they do (orders only: the
    /// nomenclature comes with <see cref="ImportAsync"/>). The report's <see cref="RunReport.WaitBeforeNext"/> says when
    /// the shop wants the next request at the earliest. The default runs a full import.
    /// </summary>
    Task<RunReport> PollOrdersAsync(CancellationToken cancellationToken = default) => ImportAsync(null, cancellationToken);
}

/// <summary>Creates the engine of a configured server.</summary>
public interface ISyncEngineFactory
{
    /// <summary>The configured server names, in configuration order.</summary>
    IReadOnlyList<string> ServerNames { get; }

    /// <summary>The engine of <paramref name="serverName"/> (null: the only server).</summary>
    /// <exception cref="ArgumentException">No such server, or several servers and no name.</exception>
    ISyncEngine Create(string? serverName = null);
}

/// <summary>How one run behaves.</summary>
public sealed record SyncRunOptions
{
    /// <summary>Compute everything, write nothing on either side, report the plan.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Ignore the remembered hashes and send everything; on import, list every shop product and customer instead of only
    /// those changed since the last complete pass.
    /// </summary>
    public bool Full { get; init; }

    /// <summary>Progress of long work, for progress bars.</summary>
    public IProgress<SyncProgress>? Progress { get; init; }
}

/// <summary>How one fast pass behaves.</summary>
public sealed record FastExportOptions
{
    /// <summary>Also compare the goods and partners checksums (each check reads every row of both on the server).</summary>
    public bool CheckCatalogue { get; init; } = true;
}

/// <summary>Progress of a phase.</summary>
/// <param name="Phase">e.g. "export products".</param>
/// <param name="Done">Items done.</param>
/// <param name="Total">Items in all, when known.</param>
public sealed record SyncProgress(string Phase, long Done, long? Total);

/// <summary>The outcome of <see cref="ISyncEngine.CheckAsync"/>.</summary>
public sealed record CheckReport
{
    /// <summary>The server.</summary>
    public required string Server { get; init; }
    /// <summary>True when both sides were reached and are usable, and nothing a run needs failed its check.</summary>
    public bool Ok => WarehouseError is null && ShopError is null && Checks.All(c => c.Status != CheckStatus.Failed);
    /// <summary>Warehouse provider and schema version, when reached.</summary>
    public string? Warehouse { get; init; }
    /// <summary>Why the warehouse is not usable.</summary>
    public string? WarehouseError { get; init; }
    /// <summary>Shop name, currency and add-on state, when reached.</summary>
    public string? Shop { get; init; }
    /// <summary>Why the shop is not usable.</summary>
    public string? ShopError { get; init; }
    /// <summary>
    /// What a run needs, checked once both sides were reached: the import object, the stock objects, the price column,
    /// the shipping good, the currencies, the first-run guard. A run refuses what fails here.
    /// </summary>
    public IReadOnlyList<CheckItem> Checks { get; init; } = [];
}
