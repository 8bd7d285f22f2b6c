using System.Text.Json.Nodes;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Issuing;

/// <summary>What a credential of one type says: its disclosable claims, and which array claims are disclosed element by element.</summary>
internal sealed record CredentialContent(CredentialType Type, JsonObject Disclosable, IReadOnlySet<string>? DisclosableArrayElements = null);

/// <summary>
/// Signs and records a credential of any type the same way: <c>typ dc+sd-jwt</c>, the type's <c>vct</c>, holder
/// binding through <c>cnf.jwk</c>, an entry drawn in the status list, every personal claim disclosable. The issuer keeps
/// only the <c>credentials_issued</c> row (never the claims) and publishes <see cref="CredentialIssued"/> in the same
/// transaction.
/// </summary>
internal sealed class CredentialMinter(IssuerKeyRing keys, StatusLists statusLists, CredentialsDbContext db, TimeProvider clock)
{
    private readonly SdJwtIssuer _issuer = new();

    public async Task<(Guid Id, IssuedSdJwt Credential)> MintAsync(
        long residentId, CredentialContent content, JsonObject holderJwk, string issuer, TimeSpan validity, CredentialActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (list, index) = await statusLists.AllocateAsync(cancellationToken);
        var visible = new JsonObject
        {
            ["iss"] = issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + validity).ToUnixTimeSeconds(),
            ["vct"] = content.Type.Vct,
            ["cnf"] = new JsonObject { ["jwk"] = holderJwk.DeepClone() },
            ["status"] = new JsonObject
            {
                ["status_list"] = new JsonObject { ["idx"] = index, ["uri"] = issuer + StatusLists.PathOf(list) },
            },
        };

        var issued = _issuer.Issue(new SdJwtIssueRequest("dc+sd-jwt", visible, content.Disclosable, keys.SigningKey, keys.KeyId, content.DisclosableArrayElements));
        var record = new IssuedCredential
        {
            Id = Guid.CreateVersion7(now),
            ResidentId = residentId,
            Type = content.Type.Id,
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
