using System.Text.Json.Nodes;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Issuing;

/// <summary>
/// What every issuance shares: a random status-list entry, the visible claims (iss, iat, exp, vct, cnf, status), the
/// ES256 signature with the current ring key, the claim-free record and the audited <c>CredentialIssued</c>, saved
/// in one transaction.
/// </summary>
internal sealed class CredentialMinter(IssuerKeyRing keys, StatusLists statusLists, CredentialsDbContext db, TimeProvider clock)
{
    private readonly SdJwtIssuer _issuer = new();

    /// <param name="agency">The issuing agency, whose credential officers may later change the credential's status.</param>
    public async Task<(Guid Id, IssuedSdJwt Credential)> IssueAsync(
        CredentialType type, string agency, long residentId, JsonObject holderJwk, string issuer, TimeSpan validity, JsonObject disclosable,
        CredentialActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (list, index) = await statusLists.AllocateAsync(cancellationToken);
        var visible = new JsonObject
        {
            ["iss"] = issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + validity).ToUnixTimeSeconds(),
            ["vct"] = type.Vct,
            ["cnf"] = new JsonObject { ["jwk"] = holderJwk.DeepClone() },
            ["status"] = new JsonObject
            {
                ["status_list"] = new JsonObject { ["idx"] = index, ["uri"] = issuer + StatusLists.PathOf(list) },
            },
        };
        var (key, kid) = keys.Signer;
        var issued = _issuer.Issue(new SdJwtIssueRequest("dc+sd-jwt", visible, disclosable, key, kid));
        var record = new IssuedCredential
        {
            Id = Guid.CreateVersion7(now),
            ResidentId = residentId,
            Type = type.Id,
            Agency = agency,
            StatusList = list,
            StatusIndex = index,
            IssuedAt = now,
            ExpiresAt = now + validity,
        };
        db.Issued.Add(record);
        db.Publish(new CredentialIssued(record.Id, residentId, record.Type, list, index, record.ExpiresAt, actor, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return (record.Id, issued);
    }
}
