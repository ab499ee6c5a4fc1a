namespace Shopiko.Sync.Sandbox;

/// <summary>How a <see cref="SandboxShop"/> starts.</summary>
public sealed class SandboxShopOptions
{
    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>A JSON file holding the shop's state (and credentials) across restarts; null keeps it in memory only.</summary>
    public string? StatePath { get; set; }

    /// <summary>The shop currency.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Whether shop prices include VAT.</summary>
    public bool PricesIncludeVat { get; set; } = true;

    /// <summary>The API ID; null reuses the one in <see cref="StatePath"/> or makes a new one.</summary>
    public string? ApiId { get; set; }

    /// <summary>The key; null reuses the one in <see cref="StatePath"/> or makes a new one.</summary>
    public string? Key { get; set; }

    /// <summary>The shop's clock (timestamps, the 300-second signature window); default the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
