using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MySqlConnector;

namespace Shopiko.Sync.Testing;

/// <summary>
/// A MariaDB server started from the installed binaries into a temporary data directory on a free port: one per test
/// process (<see cref="GetSharedAsync"/>), killed and deleted when the process exits. Each test takes a new, empty
/// database from <see cref="CreateDatabaseAsync"/>. Set <c>SHOPIKO_MARIADB_BIN</c> to the folder holding <c>mariadbd</c>
/// when it is not on the usual paths.
/// </summary>
public sealed class MariaDbServer
{
    private static readonly Lazy<Task<MariaDbServer>> Shared = new(() => StartAsync(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly (string Server, string InstallDb)? Binaries = FindBinaries();
    private static int _databaseCounter;

    private readonly Process _process;
    private readonly string _directory;

    private MariaDbServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        ServerConnectionString = new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1",
            Port = (uint)port,
            UserID = "root",
            Password = "",
            ConnectionTimeout = 10,
            CharacterSet = "utf8mb4",
        }.ConnectionString;
    }

    /// <summary>True when the MariaDB server binaries (mariadbd and mariadb-install-db) are installed.</summary>
    public static bool IsAvailable => Binaries is not null;

    /// <summary>Why MySQL tests are skipped when <see cref="IsAvailable"/> is false.</summary>
    public static string UnavailableReason =>
        "MariaDB server binaries (mariadbd, mariadb-install-db) were not found: install mariadb-server (sudo apt-get install -y mariadb-server) " +
        "or set SHOPIKO_MARIADB_BIN to the folder holding mariadbd.";

    /// <summary>The TCP port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>A MySqlConnector connection string to the server as root, without a database.</summary>
    public string ServerConnectionString { get; }

    /// <summary>The server of this test process, started on first use.</summary>
    public static Task<MariaDbServer> GetSharedAsync(CancellationToken ct = default) => Shared.Value.WaitAsync(ct);

    /// <summary>Creates a new, empty database (utf8mb4) and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? namePrefix = null, CancellationToken ct = default)
    {
        var prefix = new string((namePrefix ?? "t").ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_').Take(40).ToArray());
        var name = $"{(prefix.Length == 0 ? "t" : prefix)}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}";
        name = name[..Math.Min(64, name.Length)];
        await using (var connection = new MySqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", connection);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return new MySqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<MariaDbServer> StartAsync(CancellationToken ct)
    {
        var (serverPath, installDbPath) = Binaries ?? throw new InvalidOperationException(UnavailableReason);
        // A short path: the Unix socket path must stay under ~100 characters.
        var directory = Path.Combine(Path.GetTempPath(), "smdb-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        var asRoot = IsRoot();
        var user = asRoot ? " --user=root" : "";

        var install = await RunAsync(installDbPath,
            $"--no-defaults --datadir=\"{data}\" --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve{user}", ct).ConfigureAwait(false);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"mariadb-install-db failed ({install.ExitCode}):\n{install.Output}");
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var errorLog = Path.Combine(directory, "error.log");
            // Grants are skipped: a throw-away server on loopback, and root needs no password. Durability is traded
            // for speed (no fsync per commit); the data directory is deleted when the test process ends.
            var arguments =
                $"--no-defaults --datadir=\"{data}\" --port={port} --bind-address=127.0.0.1 --socket=\"{Path.Combine(directory, "s")}\" " +
                $"--pid-file=\"{Path.Combine(directory, "pid")}\" --log-error=\"{errorLog}\" --skip-grant-tables --skip-name-resolve " +
                "--innodb-buffer-pool-size=64M --innodb-log-file-size=32M --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 " +
                $"--character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci --max-connections=300 --skip-log-bin{user}";
            var start = Watchdog(serverPath, arguments, directory);
            var process = Process.Start(start) ?? throw new InvalidOperationException("mariadbd did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new MariaDbServer(process, directory, port);
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
            }

            if (await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), ct).ConfigureAwait(false))
            {
                return server;
            }

            server.Kill();
            var log = File.Exists(errorLog) ? await File.ReadAllTextAsync(errorLog, ct).ConfigureAwait(false) : "(no error log)";
            // The free port may have been taken between probing and binding: try another one once.
            if (attempt >= 2 || !log.Contains("Address already in use", StringComparison.Ordinal))
            {
                server.Stop();
                throw new InvalidOperationException($"mariadbd did not accept connections on port {port}:\n{Tail(log)}");
            }
        }
    }

    /// <summary>
    /// On Unix the server runs under a small shell watchdog that kills it and deletes the data directory as soon as
    /// the test process is gone, however it ended (a test host killed by the runner runs no exit handlers). When the
    /// server itself dies first, the watchdog leaves the directory so its error log can be read.
    /// </summary>
    private static ProcessStartInfo Watchdog(string serverPath, string arguments, string directory)
    {
        var info = new ProcessStartInfo { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            info.FileName = serverPath;
            info.Arguments = arguments;
            return info;
        }

        var parent = Environment.ProcessId;
        info.FileName = "/bin/sh";
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(
            $"\"{serverPath}\" {arguments} & s=$!; " +
            $"while kill -0 {parent} 2>/dev/null && kill -0 $s 2>/dev/null; do sleep 0.5; done; " +
            $"if kill -0 {parent} 2>/dev/null; then exit 1; fi; " +
            $"kill -9 $s 2>/dev/null; wait $s 2>/dev/null; rm -rf \"{directory}\"");
        return info;
    }

    private async Task<bool> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        var probe = new MySqlConnectionStringBuilder(ServerConnectionString) { ConnectionTimeout = 2, Pooling = false }.ConnectionString;
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                await using var connection = new MySqlConnection(probe);
                await connection.OpenAsync(ct).ConfigureAwait(false);
                return true;
            }
            catch (MySqlException)
            {
                // Not listening yet: polling a starting server is the only signal it gives.
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
        }

        return false;
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Stop()
    {
        Kill();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static (string, string)? FindBinaries()
    {
        var dirs = new List<string>();
        if (Environment.GetEnvironmentVariable("SHOPIKO_MARIADB_BIN") is { Length: > 0 } env)
        {
            dirs.Add(env);
        }

        dirs.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        dirs.AddRange(["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin", "/usr/local/mysql/bin", "/opt/homebrew/bin"]);
        string? Find(params string[] names) => dirs.SelectMany(d => names.Select(n => Path.Combine(d, n))).FirstOrDefault(File.Exists);
        var server = Find("mariadbd", "mysqld");
        var installDb = Find("mariadb-install-db", "mysql_install_db");
        return server is null || installDb is null ? null : (server, installDb);
    }

    private static bool IsRoot() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? Environment.UserName == "root"
        : false;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, CancellationToken ct)
    {
        var output = new StringBuilder();
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true },
        };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        lock (output)
        {
            return (process.ExitCode, Tail(output.ToString()));
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
