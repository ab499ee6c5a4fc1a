using System.CommandLine;

namespace Shopiko.Sync.Console.CommandLine;

/// <summary>The options several commands share (one instance each, added to every command that takes it).</summary>
internal sealed class CliOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "A JSON settings file used instead of the appsettings.json next to the program.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log what the library does (to stderr).",
        Recursive = true,
    };

    public Option<string?> Server { get; } = new("--server")
    {
        Description = "The server to act on (default: the only configured one).",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write the result as JSON on stdout (logs stay on stderr).",
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Compute everything and report the plan; write nothing on either side.",
    };

    // --full is made per command (RunCommand): its meaning differs between import and export.
}
