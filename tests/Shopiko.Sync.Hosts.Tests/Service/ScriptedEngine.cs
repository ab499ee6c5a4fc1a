using System.Collections.Concurrent;
using System.Threading.Channels;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>
/// A stand-in engine for the scheduler tests: every pass is announced on <see cref="Calls"/>, and the test decides
/// what a pass does through <see cref="Behaviour"/>. It tracks concurrency per server to prove passes never overlap.
/// </summary>
internal sealed class ScriptedEngineFactory : ISyncEngineFactory
{
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.OrdinalIgnoreCase);

    public ScriptedEngineFactory(params string[] servers) => ServerNames = servers;

    public IReadOnlyList<string> ServerNames { get; }

    public Channel<(string Server, SyncOperation Operation)> Calls { get; } = Channel.CreateUnbounded<(string, SyncOperation)>();

    public ConcurrentBag<(string Server, SyncOperation Operation)> AllCalls { get; } = [];

    /// <summary>What a pass does; by default it succeeds at once.</summary>
    public Func<string, SyncOperation, CancellationToken, Task<RunReport>> Behaviour { get; set; } =
        (server, op, _) => Task.FromResult(Report(server, op, RunOutcome.Succeeded));

    /// <summary>The most passes of one server ever seen running at once.</summary>
    public int MaxConcurrent { get; private set; }

    public ISyncEngine Create(string? serverName = null) => new Engine(this, serverName ?? ServerNames[0]);

    public static RunReport Report(string server, SyncOperation operation, RunOutcome outcome) => new()
    {
        Server = server,
        Operation = operation.Name(),
        Outcome = outcome,
    };

    private async Task<RunReport> RunAsync(string server, SyncOperation operation, CancellationToken ct)
    {
        var now = _running.AddOrUpdate(server, 1, (_, n) => n + 1);
        MaxConcurrent = Math.Max(MaxConcurrent, now);
        AllCalls.Add((server, operation));
        await Calls.Writer.WriteAsync((server, operation), CancellationToken.None);
        try
        {
            return await Behaviour(server, operation, ct);
        }
        finally
        {
            _running.AddOrUpdate(server, 0, (_, n) => n - 1);
        }
    }

    private sealed class Engine(ScriptedEngineFactory factory, string server) : ISyncEngine
    {
        public string ServerName => server;

        public Task<RunReport> ExportAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default) =>
            factory.RunAsync(server, SyncOperation.Export, cancellationToken);

        public Task<RunReport> ImportAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default) =>
            factory.RunAsync(server, SyncOperation.Import, cancellationToken);

        public Task<RunReport> SyncAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default) =>
            factory.RunAsync(server, SyncOperation.Sync, cancellationToken);

        public Task<CheckReport> CheckAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new CheckReport { Server = server, Warehouse = "scripted", Shop = "scripted" });
    }
}
