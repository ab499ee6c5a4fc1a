using System.Text.Json.Serialization;

namespace Shopiko.Sync.Engine;

/// <summary>How one thing a run needs stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    /// <summary>Ready.</summary>
    [JsonStringEnumMemberName("ok")] Ok,

    /// <summary>A run goes on, but the merchant should look (e.g. no good has a price in the chosen column).</summary>
    [JsonStringEnumMemberName("warning")] Warning,

    /// <summary>A run would refuse or fail on it.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>One thing a run needs, as <see cref="ISyncEngine.CheckAsync"/> found it.</summary>
/// <param name="Name">What was checked, e.g. <c>import object</c>, <c>price column</c>, <c>first run</c>.</param>
/// <param name="Status">How it stands.</param>
/// <param name="Detail">What was found, or exactly what is wrong and what to do.</param>
/// <param name="Setting">The setting at fault or in question, e.g. <c>ShopikoSync:Servers:0:Import:Object</c>.</param>
public sealed record CheckItem(string Name, CheckStatus Status, string Detail, string? Setting = null);
