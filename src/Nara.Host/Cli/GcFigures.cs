namespace Nara.Host.Cli;

/// <summary>
/// The garbage collector's share of a bench phase: collections per generation and the time the process was
/// paused, so a latency tail can be told apart from GC pauses.
/// </summary>
internal sealed record GcFigures(int Gen0, int Gen1, int Gen2, double PauseMs, double AllocatedMiB)
{
    public static GcFigures Now() => new(
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalMilliseconds,
        GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0));

    public static GcFigures operator -(GcFigures after, GcFigures before) => new(
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2,
        Math.Round(after.PauseMs - before.PauseMs, 1),
        Math.Round(after.AllocatedMiB - before.AllocatedMiB, 1));
}
