using System.Text.Json.Nodes;
using Nara.Credentials.Contracts;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Exchange.Contracts;

namespace Nara.Credentials.Features;

/// <summary>
/// An e-certificate (주민등록표 초본, 가족관계증명서, 소득금액증명, 건강보험 자격득실 확인서, 장애인증명서, 사업자등록증명,
/// 졸업증명서) for the signed-in citizen about themselves. The records come through the information mediator from the
/// agency that owns each registry, as the platform's issuer (<see cref="RegistryExchangeServices.CredentialsClient"/>,
/// purpose <see cref="RegistryExchangeServices.CertificatePurpose"/>, the citizen's account as the declared user): the
/// access right and the citizen's own request are the basis, and the read is in the access log the citizen sees at
/// /my/data/access. Then it is signed like the mobile ID (<see cref="CredentialMinter"/>).
/// </summary>
internal sealed class IssueCertificate(IExchangeClient exchange, CredentialMinter minter)
{
    internal enum Outcome
    {
        Issued,
        UnknownType,
        NotRegistered,
        NoRecord,
        Unavailable,
    }

    /// <param name="Content">The certificate's claims when the records were found; then <paramref name="Agency"/> is the registry's agency.</param>
    internal sealed record Read(Result Result, CredentialContent? Content, string? Agency);

    internal sealed record Result(Outcome Outcome, Guid? Id = null, CredentialType? Type = null, IssuedSdJwt? Credential = null, string? Detail = null);

    public static IEnumerable<CredentialType> Types => CredentialTypes.All.Where(t => CertificateContents.Services.ContainsKey(t.Id));

    /// <summary>The records through the mediator, then the signed certificate (<see cref="ReadAsync"/>, <see cref="MintAsync"/>).</summary>
    public async Task<Result> ExecuteAsync(
        long residentId, string typeId, JsonObject holderJwk, string issuer, TimeSpan validity, CredentialActor actor, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(residentId, typeId, actor, cancellationToken);
        return read.Content is not null ? await MintAsync(residentId, read, holderJwk, issuer, validity, actor, cancellationToken) : read.Result;
    }

    /// <summary>What a certificate's records are, read as the issuer; writes only the mediator's access log.</summary>
    /// <remarks>Separate from minting so that a caller holding a Credentials transaction (the web wallet) reads first:
    /// the mediator writes its access log on its own connection, which must not wait for that transaction.</remarks>
    public async Task<Read> ReadAsync(long residentId, string typeId, CredentialActor actor, CancellationToken cancellationToken)
    {
        if (CredentialTypes.ById(typeId) is not { } type || !CertificateContents.Services.TryGetValue(type.Id, out var service))
        {
            return new Read(new Result(Outcome.UnknownType), null, null);
        }

        var answer = await exchange.RequestAsync(
            new ExchangeCall(RegistryExchangeServices.CredentialsClient, service, residentId, [], RegistryExchangeServices.CertificatePurpose,
                Issue: "certificate:" + type.Id, UserId: actor.Id, ConsentRecordId: null),
            cancellationToken);
        if (!answer.Allowed)
        {
            return new Read(answer.Refusal == ExchangeRefusals.UnknownSubject
                ? new Result(Outcome.NotRegistered, Type: type)
                : new Result(Outcome.Unavailable, Type: type, Detail: answer.Refusal), null, null);
        }

        return CertificateContents.From(type, answer.Data) is { } content
            ? new Read(new Result(Outcome.Issued, Type: type), content, AgencyOf(service))
            : new Read(new Result(Outcome.NoRecord, Type: type), null, null);
    }

    /// <summary>Signs and records what <see cref="ReadAsync"/> found.</summary>
    public async Task<Result> MintAsync(
        long residentId, Read read, JsonObject holderJwk, string issuer, TimeSpan validity, CredentialActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read is not { Content: { } content, Agency: { } agency })
        {
            throw new ArgumentException("Only a read that found records can be minted.", nameof(read));
        }

        var (id, credential) = await minter.MintAsync(residentId, content, agency, holderJwk, issuer, validity, actor, cancellationToken);
        return new Result(Outcome.Issued, id, content.Type, credential);
    }

    /// <summary>The agency owning the registry (KR/GOV/<b>NTS</b>/…): its credential officers manage the certificate's status.</summary>
    private static string AgencyOf(string service) => service.Split('/')[2];
}
