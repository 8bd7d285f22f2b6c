using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Nara.Notifications.Tests;

/// <summary>A real SMTP server in the test process (SmtpServer package) that keeps what it receives, by Nara message id.</summary>
public sealed class SmtpCatcher : IAsyncDisposable
{
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private CancellationTokenSource? _stop;
    private readonly TaskCompletionSource _releaseHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrivals;

    public SmtpCatcher(int? port = null) => Port = port ?? FreePort();

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>How many times each Nara message id arrived.</summary>
    public ConcurrentDictionary<string, int> Counts { get; } = new();

    /// <summary>Slows each message down, so a test can stop a host while it is sending.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answers every message with 554 "transaction failed", as a relay that rejects the content.</summary>
    public bool RefuseMessages { get; set; }

    /// <summary>
    /// From this many messages on, each one is kept and counted but its "250 OK" is withheld until
    /// <see cref="ReleaseHeld"/>: the relay has the message and the sender does not know it yet, the
    /// window a crash between "sent" and "recorded" falls into.
    /// </summary>
    public int? HoldAfter { get; set; }

    /// <summary>Nara message ids of the messages received while replies were withheld.</summary>
    public ConcurrentQueue<string> Held { get; } = new();

    /// <summary>Answers the withheld messages and stops withholding.</summary>
    public void ReleaseHeld() => _releaseHeld.TrySetResult();

    public static async Task<SmtpCatcher> StartAsync(int? port = null)
    {
        var catcher = new SmtpCatcher(port);
        await catcher.StartAsync();
        return catcher;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    /// <summary>
    /// The server binds on a background task; a fixed delay was not always enough on a loaded CI machine,
    /// and a test that sent before the bind saw a temporary failure instead of a delivery.
    /// </summary>
    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (_running!.IsCompleted)
            {
                await _running; // surfaces a bind failure (port taken) as the test's error
                throw new InvalidOperationException($"The SMTP catcher on port {Port} stopped before it listened.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        ReleaseHeld();
        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }

        _stop.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Messages.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP catcher has {Messages.Count} of {count} messages.");
            }

            await Task.Delay(20);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpCatcher catcher) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (catcher.RefuseMessages)
            {
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "Message refused by the test relay");
            }

            if (catcher.Delay > TimeSpan.Zero)
            {
                await Task.Delay(catcher.Delay, cancellationToken);
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            catcher.Messages.Enqueue(message);
            var id = message.Headers["X-Nara-Message-Id"] ?? message.MessageId ?? "";
            catcher.Counts.AddOrUpdate(id, 1, (_, n) => n + 1);
            if (catcher.HoldAfter is { } after && Interlocked.Increment(ref catcher._arrivals) > after && !catcher._releaseHeld.Task.IsCompleted)
            {
                catcher.Held.Enqueue(id);
                await catcher._releaseHeld.Task.WaitAsync(cancellationToken);
            }

            return SmtpResponse.Ok;
        }
    }
}
