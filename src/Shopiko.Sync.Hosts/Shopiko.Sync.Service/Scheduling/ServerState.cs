using System.Text.Json.Serialization;

namespace Shopiko.Sync.Service.Scheduling;

/// <summary>Where a server stands (the Utility Center Старт/Стоп).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServerState>))]
public enum ServerState
{
    /// <summary>Not scheduling; manual runs are still possible.</summary>
    [JsonStringEnumMemberName("stopped")] Stopped,
    /// <summary>Its import and export follow their start modes and intervals.</summary>
    [JsonStringEnumMemberName("running")] Running,
    /// <summary>Draining the running pass.</summary>
    [JsonStringEnumMemberName("stopping")] Stopping,
}

/// <summary>What a manual run request got.</summary>
public enum RunRequestOutcome
{
    /// <summary>The run started in the background.</summary>
    Started,
    /// <summary>Another pass of the same server is running; runs never overlap.</summary>
    Busy,
    /// <summary>The service is shutting down.</summary>
    ShuttingDown,
    /// <summary>The server's settings are invalid.</summary>
    Invalid,
}
