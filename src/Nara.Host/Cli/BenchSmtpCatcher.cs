using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nara.Host.Cli;

/// <summary>
/// The smallest SMTP server that MailKit will talk to, for `nara bench notifications`: it accepts every
/// message, keeps nothing but a count per Nara message id, and answers as fast as it can, so the figure is
/// Nara's and not the catcher's. Written here because the host should not ship a test SMTP package.
/// </summary>
internal sealed class BenchSmtpCatcher : IAsyncDisposable
{
    private const string IdHeader = "X-Nara-Message-Id:";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private Task? _accepting;
    private int _received;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages received, duplicates included.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Distinct Nara message ids received.</summary>
    public int Distinct => _counts.Count;

    public void Start()
    {
        _listener.Start(512);
        _accepting = AcceptAsync(_stop.Token);
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client, ct), ct);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1, false, 16 * 1024, leaveOpen: true);
            await ReplyAsync(stream, "220 nara-bench ESMTP", ct);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await ReplyAsync(stream, "250 nara-bench", ct);
                        break;
                    case "DATA":
                        await ReplyAsync(stream, "354 End data with <CR><LF>.<CR><LF>", ct);
                        await ReadDataAsync(reader, ct);
                        await ReplyAsync(stream, "250 OK", ct);
                        break;
                    case "QUIT":
                        await ReplyAsync(stream, "221 Bye", ct);
                        return;
                    default:
                        await ReplyAsync(stream, "250 OK", ct);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the bench is over.
        }
    }

    private async Task ReadDataAsync(StreamReader reader, CancellationToken ct)
    {
        string? id = null;
        while (await reader.ReadLineAsync(ct) is { } line && line != ".")
        {
            if (id is null && line.StartsWith(IdHeader, StringComparison.OrdinalIgnoreCase))
            {
                id = line[IdHeader.Length..].Trim();
            }
        }

        _counts.AddOrUpdate(id ?? "", 1, (_, n) => n + 1);
        Interlocked.Increment(ref _received);
    }

    private static Task ReplyAsync(NetworkStream stream, string line, CancellationToken ct) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), ct).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        _listener.Dispose();
        _stop.Dispose();
    }
}
