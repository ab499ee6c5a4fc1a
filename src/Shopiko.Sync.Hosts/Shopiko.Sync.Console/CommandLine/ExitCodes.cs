namespace Shopiko.Sync.Console.CommandLine;

/// <summary>The process exit codes scripts rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Everything went through.</summary>
    public const int Ok = 0;

    /// <summary>Failed (configuration, connection, authentication, refusal), with a one-line reason on stderr.</summary>
    public const int Failed = 1;

    /// <summary>Finished, with items quarantined or failed (the report lists them).</summary>
    public const int Partial = 3;
}
