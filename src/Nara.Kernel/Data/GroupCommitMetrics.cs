using System.Diagnostics.Metrics;

namespace Nara.Kernel.Data;

/// <summary>
/// How group commits behave under load (OpenTelemetry exports the <c>Nara.*</c> meters): how long the oldest item of a
/// batch waited for the writer, how long the store took, how many items it carried. A latency tail that is not in
/// these is not the database's.
/// </summary>
public static class GroupCommitMetrics
{
    public const string MeterName = "Nara.Kernel.GroupCommit";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>(
        "nara.group_commit.queue_wait", "ms", "Time the oldest item of a batch waited before its store began");

    public static readonly Histogram<double> StoreTime = Meter.CreateHistogram<double>(
        "nara.group_commit.store_time", "ms", "Time one batch took to store and commit");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "nara.group_commit.batch_size", "{item}", "Items stored in one batch");
}
