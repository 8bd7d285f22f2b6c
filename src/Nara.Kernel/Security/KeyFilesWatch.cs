namespace Nara.Kernel.Security;

/// <summary>
/// Tells a key ring that its files changed on disk — another host sharing the key directory rotated — while costing
/// almost nothing on the signing path: <see cref="Due"/> is one monotonic clock read until the interval has passed,
/// and only then are the files stat-ed. The ring reloads under its own lock and calls <see cref="Seen"/>.
/// </summary>
public sealed class KeyFilesWatch
{
    private readonly string[] _paths;
    private readonly long _intervalMs;
    private long _nextCheck;
    private string _seen;

    public KeyFilesWatch(TimeSpan interval, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = paths;
        _intervalMs = (long)Math.Max(0, interval.TotalMilliseconds);
        _seen = Stamp();
        _nextCheck = Environment.TickCount64 + _intervalMs;
    }

    /// <summary>True for exactly one caller once the interval has passed since the last check.</summary>
    public bool Due()
    {
        var next = Volatile.Read(ref _nextCheck);
        var now = Environment.TickCount64;
        return now >= next && Interlocked.CompareExchange(ref _nextCheck, now + _intervalMs, next) == next;
    }

    /// <summary>Whether any file's modification time or length differs from what was last <see cref="Seen"/>.</summary>
    public bool Changed() => Stamp() != Volatile.Read(ref _seen);

    /// <summary>Records the files as they are now (after a reload, or after this host wrote them itself).</summary>
    public void Seen() => Volatile.Write(ref _seen, Stamp());

    private string Stamp() => string.Join('|', _paths.Select(p =>
    {
        var file = new FileInfo(p);
        return file.Exists ? $"{file.LastWriteTimeUtc.Ticks}:{file.Length}" : "-";
    }));
}
