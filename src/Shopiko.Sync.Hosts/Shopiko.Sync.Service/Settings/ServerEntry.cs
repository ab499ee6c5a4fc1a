using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Service.Settings;

/// <summary>A problem with one setting of one server.</summary>
/// <param name="Setting">The setting as configuration spells it, e.g. <c>ShopikoSync:Servers[1]:Import:Interval</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record SettingProblem(string Setting, string Message);

/// <summary>One configured server as the service reads it: its settings when they bind, and every problem found.</summary>
/// <param name="Index">Its place in <c>ShopikoSync:Servers</c>.</param>
/// <param name="Name">Its name (as written, even when the rest does not bind).</param>
/// <param name="Options">Its settings; defaults where a value did not bind.</param>
/// <param name="Problems">Why it cannot run; empty when it can.</param>
public sealed record ServerEntry(int Index, string Name, ServerOptions Options, IReadOnlyList<SettingProblem> Problems)
{
    /// <summary>True when the server can run.</summary>
    public bool IsValid => Problems.Count == 0;
}
