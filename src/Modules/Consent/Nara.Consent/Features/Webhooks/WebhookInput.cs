using System.Net;
using Microsoft.Extensions.Hosting;

namespace Nara.Consent.Features.Webhooks;

/// <summary>
/// The body of POST and PUT config/webhook/: where to deliver, which events, and whether it is paused. The Consent
/// BB names <c>skipSslVerification</c> too; Nara always verifies the receiver's certificate, so only false is accepted.
/// </summary>
internal sealed record WebhookInput(string? PayloadUrl, string? ContentType, IReadOnlyList<string>? SubscribedEvents, bool? Disabled, bool? SkipSslVerification = null);

/// <summary>
/// Checks a webhook body. Deliveries carry individuals' consent events, so only https is accepted; plain http
/// only to a loopback address when the host runs in Development or Testing (a receiver on the same machine).
/// </summary>
internal sealed class WebhookInputRules(IHostEnvironment environment)
{
    public Dictionary<string, string[]> Validate(WebhookInput? input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input is null)
        {
            errors["body"] = ["A JSON body with payloadUrl and subscribedEvents is required."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(input.PayloadUrl) || input.PayloadUrl.Length > 500
            || !Uri.TryCreate(input.PayloadUrl.Trim(), UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.UserInfo) || url.Fragment.Length > 0)
        {
            errors["payloadUrl"] = ["An absolute https URL of at most 500 characters, without credentials or fragment."];
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && IsLoopback(url) && LoopbackAllowed))
        {
            errors["payloadUrl"] = ["Must be https (plain http is only accepted to a loopback address in development)."];
        }

        if (input.ContentType is not null && input.ContentType != WebhookEvents.JsonContentType)
        {
            errors["contentType"] = [$"Only {WebhookEvents.JsonContentType} is served."];
        }

        if (input.SkipSslVerification == true)
        {
            errors["skipSslVerification"] = ["Nara always verifies the receiver's TLS certificate; skipSslVerification must be false or absent."];
        }

        if (input.SubscribedEvents is not { Count: > 0 } events)
        {
            errors["subscribedEvents"] = ["Name at least one event type (see config/webhooks/event-types/)."];
        }
        else if (events.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown)
        {
            errors["subscribedEvents"] = [$"Unknown event type '{unknown}'; known: {string.Join(", ", WebhookEvents.All)}."];
        }

        return errors;
    }

    private bool LoopbackAllowed => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
}
