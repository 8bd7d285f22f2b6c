using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Credentials.Contracts;
using Nara.Kernel.Events;

namespace Nara.Audit.Features;

/// <summary>
/// Credentials offered to a wallet, issued, revoked, suspended or reinstated, against the resident: the type and status-list entry only,
/// never a claim; web-wallet entries added and removed (type only); officers' searches by resident (with their reason). Verifications are never recorded (they do not
/// reach the issuer).
/// </summary>
internal sealed class RecordCredentialChange(IAuditLog log) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<CredentialIssued>,
    IIntegrationEventHandler<CredentialStatusChanged>,
    IIntegrationEventHandler<CredentialOfferCreated>,
    IIntegrationEventHandler<WalletCredentialAdded>,
    IIntegrationEventHandler<WalletCredentialRemoved>,
    IIntegrationEventHandler<CredentialIssuerKeyRotated>,
    IIntegrationEventHandler<CredentialStatusListPublished>,
    IIntegrationEventHandler<CredentialsSearchedByResident>
{
    public Task HandleAsync(IntegrationEventEnvelope<CredentialOfferCreated> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, "credentials.offer", e.ResidentId, e.OfferId, new Dictionary<string, string>
        {
            ["type"] = e.ConfigurationId,
            ["txCode"] = e.TxCodeRequired ? "required" : "none",
            ["expiresAt"] = e.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        }, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<CredentialIssued> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, "credentials.issue", e.ResidentId, e.CredentialId, new Dictionary<string, string>
        {
            ["type"] = e.Type,
            ["statusList"] = e.StatusList.ToString(CultureInfo.InvariantCulture),
            ["statusIndex"] = e.StatusIndex.ToString(CultureInfo.InvariantCulture),
            ["expiresAt"] = e.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        }, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<CredentialStatusChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, $"credentials.{e.Status}", e.ResidentId, e.CredentialId,
            new Dictionary<string, string> { ["type"] = e.Type, ["reason"] = e.Reason.Length <= 200 ? e.Reason : e.Reason[..200] }, cancellationToken);
    }

    /// <summary>The citizen's web wallet took in a credential and a holder key the portal keeps for it.</summary>
    public Task HandleAsync(IntegrationEventEnvelope<WalletCredentialAdded> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, "credentials.wallet.add", e.ResidentId, e.EntryId, new Dictionary<string, string> { ["type"] = e.Type }, cancellationToken);
    }

    /// <summary>A credential and its holder key were deleted from the citizen's web wallet.</summary>
    public Task HandleAsync(IntegrationEventEnvelope<WalletCredentialRemoved> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return AppendAsync(envelope, e.Actor, "credentials.wallet.remove", e.ResidentId, e.EntryId, new Dictionary<string, string> { ["type"] = e.Type }, cancellationToken);
    }

    /// <summary>The issuer key rotated: recorded against the key, not a resident.</summary>
    public Task HandleAsync(IntegrationEventEnvelope<CredentialIssuerKeyRotated> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return log.AppendAsync(new AuditEntry(envelope.OccurredAt, Actor(e.Actor), "credentials.issuer-key.rotate", new AuditSubject("credential-issuer-key", e.KeyId), null,
            AuditOutcomes.Success, e.KeyId, "Credentials", new Dictionary<string, string> { ["previousKeyId"] = e.PreviousKeyId }, envelope.MessageId), cancellationToken);
    }

    /// <summary>A new version of a status list went out: recorded against the list, by the issuer (no one fetching it is named).</summary>
    public Task HandleAsync(IntegrationEventEnvelope<CredentialStatusListPublished> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var list = e.List.ToString(CultureInfo.InvariantCulture);
        return log.AppendAsync(new AuditEntry(envelope.OccurredAt, AuditActor.System("credentials-issuer"), "credentials.status-list.publish",
            new AuditSubject("credential-status-list", list), null, AuditOutcomes.Success, $"{list}/{e.Sequence.ToString(CultureInfo.InvariantCulture)}", "Credentials",
            new Dictionary<string, string>
            {
                ["sequence"] = e.Sequence.ToString(CultureInfo.InvariantCulture),
                ["digest"] = e.Digest,
                ["revoked"] = e.Revoked.ToString(CultureInfo.InvariantCulture),
                ["suspended"] = e.Suspended.ToString(CultureInfo.InvariantCulture),
            }, envelope.MessageId), cancellationToken);
    }

    /// <summary>
    /// A credential officer listed a resident's credentials: recorded against the resident (the citizen may ask who looked
    /// and why) with the reason as the purpose; a search that found no resident is recorded against "unknown".
    /// </summary>
    public Task HandleAsync(IntegrationEventEnvelope<CredentialsSearchedByResident> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        return log.AppendAsync(new AuditEntry(envelope.OccurredAt, Actor(e.Actor), "credentials.search",
            new AuditSubject("resident", e.ResidentId?.ToString(CultureInfo.InvariantCulture) ?? "unknown"), e.Reason.Length <= 200 ? e.Reason : e.Reason[..200],
            AuditOutcomes.Success, null, "Credentials",
            new Dictionary<string, string> { ["agency"] = e.Agency, ["found"] = e.Found.ToString(CultureInfo.InvariantCulture) }, envelope.MessageId), cancellationToken);
    }

    private Task<AuditReceipt> AppendAsync<T>(IntegrationEventEnvelope<T> envelope, CredentialActor actor, string action, long residentId, Guid credentialId, Dictionary<string, string> detail, CancellationToken ct)
        where T : IIntegrationEvent =>
        log.AppendAsync(new AuditEntry(envelope.OccurredAt, Actor(actor), action, new AuditSubject("resident", residentId.ToString(CultureInfo.InvariantCulture)), null,
            AuditOutcomes.Success, credentialId.ToString("D"), "Credentials", detail, envelope.MessageId), ct);

    private static AuditActor Actor(CredentialActor a) => a.Kind switch
    {
        "citizen" => AuditActor.Citizen(a.Id),
        "official" => AuditActor.Official(a.Id, a.Agency ?? "", a.Role ?? "official"),
        _ => AuditActor.System(a.Id),
    };
}
