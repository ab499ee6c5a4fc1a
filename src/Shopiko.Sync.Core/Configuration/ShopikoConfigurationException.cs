namespace Shopiko.Sync.Configuration;

/// <summary>A setting is missing or invalid. The message names the setting (e.g. <c>ShopikoSync:Servers:0:Shop:BaseUrl</c>).</summary>
public class ShopikoConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShopikoConfigurationException(string message, string? setting = null, Exception? innerException = null)
        : base(message, innerException) => Setting = setting;

    /// <summary>The setting at fault.</summary>
    public string? Setting { get; }

    /// <summary>Every problem found when a whole server was validated (empty for a single setting).</summary>
    public IReadOnlyList<SettingProblem> Problems { get; init; } = [];
}
