using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Identity.Contracts;
using Nara.Kernel.Events;

namespace Nara.Audit.Features;

/// <summary>Registering and removing OpenID clients, and rotating the provider's keys.</summary>
internal sealed class RecordOidcChange(IAuditLog log) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<OidcClientRegistered>,
    IIntegrationEventHandler<OidcClientRemoved>,
    IIntegrationEventHandler<OidcKeysRotated>
{
    public Task HandleAsync(IntegrationEventEnvelope<OidcClientRegistered> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var detail = new Dictionary<string, string> { ["type"] = e.ClientType, ["sector"] = e.Sector, ["scopes"] = Cap(e.Scopes) };
        if (e.Agency is not null)
        {
            detail["agency"] = e.Agency;
        }

        return AppendAsync(envelope, "identity.oidc-client.register", new AuditSubject("oidc-client", e.ClientId), detail, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<OidcClientRemoved> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return AppendAsync(envelope, "identity.oidc-client.remove", new AuditSubject("oidc-client", envelope.Event.ClientId), [], cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<OidcKeysRotated> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var detail = new Dictionary<string, string>
        {
            ["encryption_kid"] = e.EncryptionKeyId,
            ["retired_keys_expire"] = e.RetiredKeysExpireAt.ToString("O", CultureInfo.InvariantCulture),
        };
        return AppendAsync(envelope, "identity.oidc-keys.rotate", new AuditSubject("oidc-key", e.SigningKeyId), detail, cancellationToken);
    }

    // Administrators act through the CLI or the API; who exactly is in the host's request log until the
    // administration page passes the official's identity along.
    private Task<AuditReceipt> AppendAsync<T>(IntegrationEventEnvelope<T> envelope, string action, AuditSubject subject, Dictionary<string, string> detail, CancellationToken cancellationToken)
        where T : IIntegrationEvent =>
        log.AppendAsync(
            new AuditEntry(envelope.OccurredAt, AuditActor.System("identity"), action, subject, null, AuditOutcomes.Success, null, "Identity", detail, envelope.MessageId),
            cancellationToken);

    private static string Cap(string scopes) => scopes.Length <= 200 ? scopes : scopes[..197] + "...";
}
