using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Nara.Notifications.Channels;

/// <summary>
/// Keeps a few authenticated SMTP connections open between messages: connecting per message costs
/// more than sending. A connection that failed is dropped, never returned.
/// </summary>
internal sealed class SmtpConnections(IOptions<NotificationsOptions> options) : IAsyncDisposable
{
    private readonly ConcurrentBag<SmtpClient> _idle = [];

    /// <summary>An idle connection if there is one (it may have been closed by the server meanwhile), else a fresh one.</summary>
    public async Task<SmtpClient> RentAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var client))
        {
            if (client.IsConnected)
            {
                return client;
            }

            client.Dispose();
        }

        return await ConnectAsync(ct);
    }

    /// <summary>
    /// A new connection. Used after an idle one failed: relays close idle connections on their own
    /// timeout, and MailKit only notices at the next command.
    /// </summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var fresh = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await fresh.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await fresh.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }

            return fresh;
        }
        catch
        {
            fresh.Dispose();
            throw;
        }
    }

    public void Return(SmtpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.IsConnected && _idle.Count < 16)
        {
            _idle.Add(client);
        }
        else
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            try
            {
                await client.DisconnectAsync(true);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException or TimeoutException)
            {
                // Closing politely is a courtesy; the socket is closed by Dispose anyway.
            }

            client.Dispose();
        }
    }
}
