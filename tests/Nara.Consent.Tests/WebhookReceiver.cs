using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Nara.Consent.Tests;

/// <summary>A real HTTP listener on loopback that records what webhooks POST to it and answers <see cref="Status"/>.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/consent/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>The status code answered to the next requests.</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.NoContent;

    public ConcurrentQueue<(string Body, string? Signature, string? Event)> Received { get; } = new();

    /// <summary>The <c>X-ConsentBB-Signature-Previous</c> header of each request, in the same order (null when absent).</summary>
    public ConcurrentQueue<string?> PreviousSignatures { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                PreviousSignatures.Enqueue(context.Request.Headers["X-ConsentBB-Signature-Previous"]);
                Received.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers["X-ConsentBB-Signature"], context.Request.Headers["X-ConsentBB-Event"]));
            }

            context.Response.StatusCode = (int)Status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
