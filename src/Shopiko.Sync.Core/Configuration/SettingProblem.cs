namespace Shopiko.Sync.Configuration;

/// <summary>How much a <see cref="SettingProblem"/> matters.</summary>
public enum SettingSeverity
{
    /// <summary>The server cannot run until the setting is corrected.</summary>
    Error,

    /// <summary>The server runs, but something in its settings is ignored (e.g. a misspelt setting name).</summary>
    Warning,
}

/// <summary>One problem with one setting of a server.</summary>
/// <param name="Setting">The setting's configuration path, e.g. <c>ShopikoSync:Servers:0:Import:Interval</c>.</param>
/// <param name="Message">The full sentence for the user; it starts with the setting path and never contains a key or password.</param>
/// <param name="Severity">Whether the server can still run.</param>
public sealed record SettingProblem(string Setting, string Message, SettingSeverity Severity = SettingSeverity.Error)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
