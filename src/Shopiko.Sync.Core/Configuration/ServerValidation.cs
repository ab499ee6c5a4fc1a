namespace Shopiko.Sync.Configuration;

/// <summary>
/// The verdict on one configured server's settings: kept in the server list with its reasons, so a host can show
/// "this server does not run because …" instead of dropping it.
/// </summary>
/// <param name="Index">Position in <see cref="ShopikoSyncOptions.Servers"/>.</param>
/// <param name="Name">The server's name as configured (may be empty when that is the problem).</param>
/// <param name="SettingsPath">Where its settings live, e.g. <c>ShopikoSync:Servers:0</c>.</param>
/// <param name="Problems">Every problem found, errors and warnings, in settings order.</param>
public sealed record ServerValidation(int Index, string Name, string SettingsPath, IReadOnlyList<SettingProblem> Problems)
{
    /// <summary>True when no problem stops the server (warnings allowed).</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The problems that stop the server.</summary>
    public IReadOnlyList<SettingProblem> Errors => [.. Problems.Where(p => p.Severity == SettingSeverity.Error)];

    /// <summary>The problems that do not stop it.</summary>
    public IReadOnlyList<SettingProblem> Warnings => [.. Problems.Where(p => p.Severity == SettingSeverity.Warning)];

    /// <summary>The errors as one line (empty when valid), for a log line or a one-line CLI failure.</summary>
    public string Summary => string.Join(" ", Errors.Select(e => e.Message));

    /// <summary>An exception carrying every error; <see cref="ShopikoConfigurationException.Setting"/> is the first one's path.</summary>
    public ShopikoConfigurationException ToException() =>
        new($"Server '{Name}' is not configured correctly: {Summary}", Errors.FirstOrDefault()?.Setting ?? SettingsPath)
        {
            Problems = Errors,
        };
}
