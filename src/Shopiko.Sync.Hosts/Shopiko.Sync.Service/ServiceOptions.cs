namespace Shopiko.Sync.Service;

/// <summary>The service host's own settings (section <c>ShopikoSync:Service</c>).</summary>
public sealed class ServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ShopikoSync:Service";

    /// <summary>
    /// Where the control surface listens. Loopback by default; an address reachable from other machines is refused
    /// unless <see cref="Token"/> is set.
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>When set, every API request must carry <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string Token { get; set; } = "";

    /// <summary>How long a stop waits for the running pass to reach an item boundary and end.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
