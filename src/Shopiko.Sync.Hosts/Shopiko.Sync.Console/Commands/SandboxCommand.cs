using System.CommandLine;
using Shopiko.Sync.Console.CommandLine;
using Shopiko.Sync.Console.Output;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.Commands;

/// <summary><c>sandbox</c>: the sandbox shop standalone, for trying a real configuration against it.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The loopback port (0: any free port).", DefaultValueFactory = _ => 5089 };
        var state = new Option<string?>("--state") { Description = "A JSON file that keeps the shop's data between runs." };
        var apiId = new Option<string?>("--api-id") { Description = "A fixed API ID (default: generated)." };
        var key = new Option<string?>("--key") { Description = "A fixed key (default: generated)." };
        var currency = new Option<string>("--currency") { Description = "The shop currency.", DefaultValueFactory = _ => "EUR" };
        var command = new Command("sandbox", "Run the sandbox shop on loopback until Ctrl+C, printing its base URL, API ID and key.")
        {
            port,
            state,
            apiId,
            key,
            currency,
        };
        command.SetAction(async (result, ct) =>
        {
            SandboxShop shop;
            try
            {
                shop = await SandboxShop.StartAsync(new SandboxShopOptions
                {
                    Port = result.GetValue(port),
                    StatePath = result.GetValue(state) is { } path ? Path.GetFullPath(path) : null,
                    ApiId = result.GetValue(apiId),
                    Key = result.GetValue(key),
                    Currency = result.GetValue(currency)!,
                }, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                Terminal.Error("sandbox failed: " + RecordedRun.OneLine(ex.Message));
                return ExitCodes.Failed;
            }

            await using (shop.ConfigureAwait(false))
            {
                // Plain lines on purpose: scripts and tests read them.
                System.Console.Out.WriteLine("Sandbox shop running. Press Ctrl+C to stop.");
                System.Console.Out.WriteLine("BaseUrl: " + shop.BaseUrl);
                System.Console.Out.WriteLine("ApiId:   " + shop.ApiId);
                System.Console.Out.WriteLine("Key:     " + shop.Key);
                System.Console.Out.WriteLine();
                System.Console.Out.WriteLine("Point a server at it, e.g.:");
                System.Console.Out.WriteLine($"  export ShopikoSync__Servers__0__Shop__BaseUrl={shop.BaseUrl}");
                System.Console.Out.WriteLine($"  export ShopikoSync__Servers__0__Shop__ApiId={shop.ApiId}");
                System.Console.Out.WriteLine($"  export ShopikoSync__Servers__0__Shop__Key={shop.Key}");
                System.Console.Out.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: System.CommandLine cancels the token; the shop is disposed below.
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
