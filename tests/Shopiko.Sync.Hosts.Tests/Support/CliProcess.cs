using System.Diagnostics;
using System.Text;

namespace Shopiko.Sync.Hosts.Tests.Support;

/// <summary>Runs the built <c>shopiko-sync.dll</c> as a real process, as a script or a scheduler would.</summary>
internal static class CliProcess
{
    private static readonly string s_program = Path.Combine(AppContext.BaseDirectory, "shopiko-sync.dll");

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(s_program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The machine's own settings must not leak into the test.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ShopikoSync", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"shopiko-sync {string.Join(' ', args)} did not end within 90 s.");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
