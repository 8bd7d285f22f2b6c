namespace Nara.Host.Cli;

/// <summary>
/// Memory of one measured phase: the kernel's peak RSS (VmHWM, reset at the start through /proc/self/clear_refs so
/// an earlier phase such as seeding does not count) and the largest managed heap seen, sampled every 10 ms.
/// </summary>
internal sealed class RunMemory : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private long peakManaged;

    private RunMemory()
    {
        ResetPeakRss();
        sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var managed = GC.GetTotalMemory(forceFullCollection: false);
                if (managed > Interlocked.Read(ref peakManaged))
                {
                    Interlocked.Exchange(ref peakManaged, managed);
                }

                try
                {
                    await Task.Delay(10, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public static RunMemory Start() => new();

    /// <returns>(peak RSS MiB since the start, largest managed heap MiB seen).</returns>
    public (long PeakRssMiB, long PeakManagedMiB) Stop()
    {
        stop.Cancel();
        sampler.Wait();
        return (PeakRssMiB(), Interlocked.Read(ref peakManaged) / (1024 * 1024));
    }

    public void Dispose() => stop.Dispose();

    /// <summary>VmHWM from /proc/self/status (Linux), else the process's peak working set.</summary>
    public static long PeakRssMiB()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
                }
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }

    /// <summary>"5" resets the peak RSS to the current RSS (Linux 4.0+); elsewhere nothing happens and the peak covers the process.</summary>
    private static void ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers the whole process so far.
        }
    }
}
