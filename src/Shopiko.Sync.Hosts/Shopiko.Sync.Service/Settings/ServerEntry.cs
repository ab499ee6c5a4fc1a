using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Service.Settings;

/// <summary>One configured server as the service reads it: its settings, and every problem the library found.</summary>
/// <param name="Index">Its place in <c>ShopikoSync:Servers</c>.</param>
/// <param name="Name">Its name (as written, even when the rest does not bind).</param>
/// <param name="Setting">Where it lives in configuration, e.g. <c>ShopikoSync:Servers:0</c>.</param>
/// <param name="Options">Its settings; defaults where a value did not bind.</param>
/// <param name="Problems">Why it cannot run; empty when it can.</param>
/// <param name="Warnings">What looks wrong without stopping it (a misspelt setting).</param>
public sealed record ServerEntry(
    int Index, string Name, string Setting, ServerOptions Options, IReadOnlyList<SettingProblem> Problems, IReadOnlyList<SettingProblem> Warnings)
{
    /// <summary>True when the server can run.</summary>
    public bool IsValid => Problems.Count == 0;
}
