using System.Security.Cryptography;
using System.Text;

namespace Nara.Exchange.Features.Mediation;

/// <summary>
/// One request to the mediator, however it arrived (over <c>/r1/…</c> or in-process). Header values are as the
/// client sent them; <see cref="Mediate"/> checks them.
/// </summary>
/// <param name="AuthenticatedClient">The client id the token or API key proved; null when nobody was authenticated.</param>
/// <param name="AuthenticatedAgency">The agency of that client.</param>
/// <param name="Scopes">The authenticated client's scopes.</param>
/// <param name="ClientHeader"><c>X-Road-Client</c>.</param>
/// <param name="ServiceId">The service part of the path, <c>INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE</c>.</param>
/// <param name="ProviderPath">What follows the service id in the path (with a leading slash) and the query, forwarded to HTTP providers.</param>
/// <param name="Subject">The data subject's resident registration number (<c>X-Nara-Subject</c>), or their resident id for in-process calls.</param>
/// <param name="InProcess">A call from a module of the platform (Services' prefill), acting for the signed-in data subject.</param>
/// <param name="UserRole">The acting official's role (<c>X-Nara-UserRole</c>), as the client declared it: what the data subject is shown.</param>
/// <param name="Attributes">Attributes asked for (<c>X-Nara-Attributes</c>, comma-separated); empty for all the service offers.</param>
internal sealed record MediationRequest(
    string? AuthenticatedClient,
    string? AuthenticatedAgency,
    IReadOnlyCollection<string> Scopes,
    string? ClientHeader,
    string ServiceId,
    string Method,
    string ProviderPath,
    string? MessageId,
    string? UserId,
    string? Issue,
    string? Purpose,
    string? ConsentRecordId,
    string? Subject,
    long? SubjectResidentId,
    IReadOnlyList<string> Attributes,
    byte[] Body,
    string? ContentType,
    bool InProcess = false,
    string? OnBehalfOf = null,
    string? UserRole = null)
{
    /// <summary>
    /// SHA-256 over the request as the client sent it (method, service, path, the mediator headers and the body),
    /// base64: returned as <c>X-Road-Request-Hash</c> and signed with the response, binding answer to question.
    /// </summary>
    public string Hash()
    {
        var canonical = string.Join('\n',
            Method, ServiceId, ProviderPath, ClientHeader, MessageId, UserId, Issue, Purpose, ConsentRecordId, Subject,
            SubjectResidentId?.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(',', Attributes),
            Convert.ToBase64String(SHA256.HashData(Body)));

        // The role joined later: appended only when declared, so the hash of a request without one is unchanged.
        if (UserRole is not null)
        {
            canonical += "\n" + UserRole;
        }

        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
