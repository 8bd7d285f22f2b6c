using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Nara.Audit.Features;

/// <summary>Counts entries appended since the last head; wakes the signer when enough have arrived.</summary>
internal sealed class TreeHeadSignal(IOptions<AuditOptions> options)
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _unsigned;

    public void Appended(int count)
    {
        if (Interlocked.Add(ref _unsigned, count) >= options.Value.HeadEveryEntries)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    public void Signed() => Interlocked.Exchange(ref _unsigned, 0);

    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _wake.Reader.ReadAsync(cancellationToken);

    /// <summary>
    /// One signer at a time in this process: a signer that read the tree size before another signed a larger
    /// head must not then store its older, smaller head after it.
    /// </summary>
    public SemaphoreSlim SigningLock { get; } = new(1, 1);
}
