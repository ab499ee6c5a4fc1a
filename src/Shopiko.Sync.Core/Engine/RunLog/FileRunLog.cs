using System.Text;
using System.Text.Json;

namespace Shopiko.Sync.Engine.RunLog;

/// <summary>
/// The run log as plain files: <c>{folder}/{server}/{yyyy-MM}.jsonl</c>, one JSON record per line. Files are opened for
/// each write in append mode with shared access, so the console and the service can log to the same folder, and a
/// month per file keeps reading the recent runs cheap without a rotation job.
/// </summary>
public sealed class FileRunLog : IRunLog
{
    private static readonly char[] s_unsafeNameChars = [.. Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|'])];
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Creates a run log rooted at <paramref name="folder"/> (created on the first write).</summary>
    public FileRunLog(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The absolute root folder.</summary>
    public string Folder { get; }

    /// <summary>The folder holding the files of <paramref name="server"/>.</summary>
    public string ServerFolder(string server) => Path.Combine(Folder, SafeName(server));

    /// <inheritdoc />
    public async Task WriteAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var folder = ServerFolder(record.Server);
        var path = Path.Combine(folder, record.StartedAt.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) + ".jsonl");
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, RunReportJson.Compact) + "\n");

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(folder);
            // One write call per line: concurrent appenders (another process) interleave whole lines, not fragments.
            await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunRecord>> ReadRecentAsync(string server, int count = 20, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var folder = ServerFolder(server);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var result = new List<RunRecord>();
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").OrderDescending(StringComparer.Ordinal))
        {
            var latest = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (Parse(line) is { } record)
                {
                    latest[record.Id] = record;
                }
            }

            result.AddRange(latest.Values.OrderByDescending(r => r.StartedAt).Take(count - result.Count));
            if (result.Count >= count)
            {
                break;
            }
        }

        return result;
    }

    private static RunRecord? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunRecord>(line, RunReportJson.Compact);
        }
        catch (JsonException)
        {
            // A line cut short by a power loss must not hide every other run of the month.
            return null;
        }
    }

    private static string SafeName(string server)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        var chars = server.Trim().ToLowerInvariant().Select(c => s_unsafeNameChars.Contains(c) || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim('.', ' ');
        return name.Length == 0 ? "_" : name;
    }
}
