namespace Shopiko.Sync.Engine.RunLog;

/// <summary>Where the run log lives (configuration section <c>ShopikoSync:RunLog</c>).</summary>
public sealed class RunLogOptions
{
    /// <summary>The configuration section the hosts bind.</summary>
    public const string SectionName = "ShopikoSync:RunLog";

    /// <summary>
    /// The folder holding one sub-folder per server with one JSON-lines file per month. A relative path is resolved by
    /// the host: the console against the current directory, the service against its content root.
    /// </summary>
    public string Folder { get; set; } = Path.Combine(".shopiko-sync", "runs");
}
