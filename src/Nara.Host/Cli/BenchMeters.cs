using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Nara.Kernel.Data;

namespace Nara.Host.Cli;

/// <summary>
/// Listens, for the length of one bench phase, to the server's own latency histograms: ASP.NET Core's
/// <c>http.server.request.duration</c> (from the request's first byte to its last, inside the server) and the Kernel's
/// group-commit histograms per writer. Told apart from the client's figures, they show whether a tail is the server's
/// work, its database writer, or time spent outside the server (scheduling, the client).
/// </summary>
internal sealed class BenchMeters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _values = new(StringComparer.Ordinal);

    public BenchMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GroupCommitMetrics.MeterName
                || (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration"))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            Add(instrument, tags, instrument.Unit == "s" ? value * 1000 : value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, tags, value));
        _listener.Start();
    }

    /// <summary>Drops what was recorded so far (the warm-up).</summary>
    public void Reset() => _values.Clear();

    /// <summary>p50 / p99 / max and count per series, e.g. <c>notifications.accept store_time</c>.</summary>
    public IReadOnlyDictionary<string, object> Summary() => _values
        .OrderBy(kv => kv.Key, StringComparer.Ordinal)
        .ToDictionary(kv => kv.Key, kv =>
        {
            var sorted = kv.Value.ToArray();
            Array.Sort(sorted);
            return (object)new
            {
                count = sorted.Length,
                p50 = BenchLoad.Percentile(sorted, 50),
                p99 = BenchLoad.Percentile(sorted, 99),
                max = sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 1),
            };
        }, StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags, double value)
    {
        var series = instrument.Name.Replace("nara.group_commit.", "", StringComparison.Ordinal);
        foreach (var tag in tags)
        {
            if (tag.Key is "nara.group_commit.name" or "http.route")
            {
                series = $"{tag.Value} {series}";
            }
        }

        _values.GetOrAdd(series, _ => new ConcurrentQueue<double>()).Enqueue(value);
    }
}
