using System.Diagnostics;
using System.Globalization;

namespace Shopiko.Sync.Benchmarks.Measurement;

/// <summary>
/// Peak resident memory and CPU time of one process. On Linux the peak (VmHWM) is reset before each scenario by
/// writing <c>5</c> to <c>/proc/PID/clear_refs</c>, so every scenario reports its own peak; elsewhere the reset is not
/// possible and the peak is the process's peak so far (<see cref="ResetsPeak"/> is false).
/// </summary>
internal sealed class ProcessMeter(int processId)
{
    private TimeSpan _cpuAtStart;

    /// <summary>The benchmark process itself.</summary>
    public static ProcessMeter Self { get; } = new(Environment.ProcessId);

    public int ProcessId => processId;

    /// <summary>Whether the last <see cref="Start"/> could reset the peak.</summary>
    public bool ResetsPeak { get; private set; }

    /// <summary>Resets the peak to the current RSS (when the OS allows) and remembers the CPU time.</summary>
    public void Start()
    {
        ResetsPeak = TryResetPeak();
        _cpuAtStart = CpuTime();
    }

    /// <summary>Peak RSS in MiB since <see cref="Start"/> (or since the process started, when it could not be reset).</summary>
    public double PeakRssMb()
    {
        if (OperatingSystem.IsLinux() && StatusKb("VmHWM:") is { } kb)
        {
            return kb / 1024.0;
        }

        using var process = Process.GetProcessById(processId);
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>CPU seconds (user + system) used since <see cref="Start"/>.</summary>
    public double CpuSeconds() => (CpuTime() - _cpuAtStart).TotalSeconds;

    private TimeSpan CpuTime()
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return TimeSpan.Zero; // the process is gone
        }
    }

    private bool TryResetPeak()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private long? StatusKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
