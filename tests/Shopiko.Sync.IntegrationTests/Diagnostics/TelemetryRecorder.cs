using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Shopiko.Sync.Diagnostics;

namespace Shopiko.Sync.IntegrationTests.Diagnostics;

/// <summary>
/// Listens to the Shopiko.Sync meter and activity source as an exporter would, keeping only what one server recorded
/// (tests run in parallel and the source is process-wide).
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly string _server;
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentQueue<(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ConcurrentQueue<Activity> _spans = new();

    public TelemetryRecorder(string server)
    {
        _server = server;
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SyncDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Keep(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Keep(i, v, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == SyncDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _spans.Enqueue(a),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    /// <summary>The sum of an instrument's measurements with the given tags (besides the server).</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) =>
        Measurements(instrument).Where(m => tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => m.Value);

    public IReadOnlyList<(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags)> Measurements(string instrument)
    {
        _meters.RecordObservableInstruments();
        return _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(SyncDiagnostics.Tags.Server), _server)).ToList();
    }

    /// <summary>The spans of this server's runs: every span whose trace began with one of its run spans.</summary>
    public IReadOnlyList<Activity> Spans()
    {
        var traces = _spans.Where(a => a.OperationName == SyncDiagnostics.Spans.Run && (string?)a.GetTagItem(SyncDiagnostics.Tags.Server) == _server)
            .Select(a => a.TraceId).ToHashSet();
        return _spans.Where(a => traces.Contains(a.TraceId)).ToList();
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Keep<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }
}
