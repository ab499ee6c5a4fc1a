namespace Shopiko.Sync.Service.Control;

/// <summary>
/// The Нов / Редакция form: the Utility Center groups 1.0. Общи and 3.0. Правила за обмен, plus the two connections.
/// Intervals and delays are minutes as typed; the fast intervals seconds. <see cref="Key"/> only travels from the browser, when typed anew.
/// </summary>
public sealed record ServerForm
{
    /// <summary>Име на сървъра.</summary>
    public string Name { get; init; } = "";

    /// <summary>Автостарт.</summary>
    public bool AutoStart { get; init; }

    /// <summary>Скриване.</summary>
    public bool Hidden { get; init; }

    /// <summary>The warehouse database engine (<c>Sqlite</c>, <c>MySql</c>/<c>MariaDB</c>, <c>SqlServer</c>, <c>Access</c>).</summary>
    public string Provider { get; init; } = "Sqlite";

    /// <summary>The warehouse connection string.</summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>The shop's synchronisation address.</summary>
    public string BaseUrl { get; init; } = "";

    /// <summary>API Идентификатор.</summary>
    public string ApiId { get; init; } = "";

    /// <summary>Ключ, typed anew; empty keeps the stored key. Never sent to the browser.</summary>
    public string? Key { get; init; }

    /// <summary>Whether a key is stored (sent to the browser instead of the key).</summary>
    public bool KeySet { get; init; }

    /// <summary>a. Импорт.</summary>
    public JobForm Import { get; init; } = new();

    /// <summary>b. Експорт.</summary>
    public JobForm Export { get; init; } = new() { Interval = "15" };

    /// <summary>c. Обект.</summary>
    public string Object { get; init; } = "";

    /// <summary>d. Експорт партньори от Склад Про.</summary>
    public bool ExportPartners { get; init; }

    /// <summary>e. Експорт стоки от Склад Про.</summary>
    public bool ExportGoods { get; init; }

    /// <summary>f. Синхронизация на номенклатура с Shopiko.</summary>
    public bool SyncNomenclature { get; init; } = true;
}

/// <summary>A schedule in the form.</summary>
public sealed record JobForm
{
    /// <summary><c>OnServerStart</c> (При стартиране на сървъра), <c>Delayed</c> (Отложен старт) or <c>Disabled</c> (Не стартирай).</summary>
    public string Start { get; init; } = "OnServerStart";

    /// <summary>Delay of a delayed start, in minutes.</summary>
    public string Delay { get; init; } = "0";

    /// <summary>Repeat interval in minutes (0: once).</summary>
    public string Interval { get; init; } = "5";

    /// <summary>
    /// The fast schedule beside the full pass, in seconds (0: off): проверка за поръчки (<c>Import:OrderPollInterval</c>)
    /// or бърз експорт (<c>Export:FastInterval</c>).
    /// </summary>
    public string FastInterval { get; init; } = "2";
}
