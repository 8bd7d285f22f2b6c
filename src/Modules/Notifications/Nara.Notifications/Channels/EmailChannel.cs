using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Nara.Notifications.Contracts;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Channels;

/// <summary>
/// Email over SMTP (MailKit): a plain-text part and an accessible HTML part. The Message-ID is derived
/// from Nara's message id, so a relay (or a test) can recognise a message sent twice after a crash.
/// </summary>
internal sealed class EmailChannel(SmtpConnections connections, IOptions<NotificationsOptions> options) : IDeliveryChannel
{
    public string Name => NotificationChannels.Email;

    public static string MessageIdFor(Guid id) => $"{id:N}@nara.go.kr";

    public async Task<DeliveryOutcome> DeliverAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        var mime = new MimeMessage { MessageId = MessageIdFor(message.Id), Subject = message.Subject ?? "" };
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Headers.Add("X-Nara-Message-Id", message.Id.ToString("D"));
        mime.Headers.Add(HeaderId.ContentLanguage, message.Language);
        mime.Body = new BodyBuilder
        {
            TextBody = message.Body,
            HtmlBody = EmailHtml.Build(message.Subject ?? "", message.Body, message.Language),
        }.ToMessageBody();

        SmtpClient? client = null;
        try
        {
            client = await connections.RentAsync(ct);
            try
            {
                await client.SendAsync(mime, ct);
            }
            catch (Exception ex) when (IsBrokenConnection(ex) && !ct.IsCancellationRequested)
            {
                // The pooled connection may have been closed by the server while idle: one fresh try.
                client.Dispose();
                client = null;
                client = await connections.ConnectAsync(ct);
                await client.SendAsync(mime, ct);
            }

            connections.Return(client);
            return DeliveryOutcome.Delivered;
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            Return(client);
            return DeliveryOutcome.Permanent($"The mail server refused the address ({(int)ex.StatusCode}).");
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            Return(client);
            return DeliveryOutcome.Technical($"The mail server refused the message ({(int)ex.StatusCode}).");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or SocketException or IOException or TimeoutException or ServiceNotConnectedException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            client?.Dispose();
            return DeliveryOutcome.Temporary($"The mail server could not be reached: {ex.GetType().Name}.");
        }
    }

    private static bool IsBrokenConnection(Exception ex) =>
        ex is SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException;

    private void Return(SmtpClient? client)
    {
        if (client is not null)
        {
            connections.Return(client);
        }
    }
}
