using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Events;

namespace Nara.Credentials.Issuing;

/// <summary>What a credential of one type says: its disclosable claims, and which array claims are disclosed element by element.</summary>
internal sealed record CredentialContent(CredentialType Type, JsonObject Disclosable, IReadOnlySet<string>? DisclosableArrayElements = null);

/// <summary>
/// What every issuance shares: a random status-list entry, the visible claims (iss, iat, exp, vct, cnf, status), the
/// ES256 signature with the current ring key, the claim-free record and the audited <c>CredentialIssued</c>, saved
/// in one transaction and committed before the caller is answered (with concurrent issuances through <see cref="IssuanceWriter"/>, or in the
/// caller's transaction); a status index another host took meanwhile is drawn again.
/// </summary>
internal sealed class CredentialMinter(IssuerKeyRing keys, StatusLists statusLists, CredentialsDbContext db, IssuanceWriter writer, TimeProvider clock)
{
    private readonly SdJwtIssuer _issuer = new();

    /// <summary>Issues <paramref name="content"/>; see <see cref="IssueAsync"/>.</summary>
    public Task<(Guid Id, IssuedSdJwt Credential)> MintAsync(
        long residentId, CredentialContent content, string agency, JsonObject holderJwk, string issuer, TimeSpan validity, CredentialActor actor,
        CancellationToken cancellationToken) =>
        IssueAsync(content.Type, agency, residentId, holderJwk, issuer, validity, content.Disclosable, actor, cancellationToken, content.DisclosableArrayElements);

    /// <param name="agency">The issuing agency, whose credential officers may later change the credential's status.</param>
    public async Task<(Guid Id, IssuedSdJwt Credential)> IssueAsync(
        CredentialType type, string agency, long residentId, JsonObject holderJwk, string issuer, TimeSpan validity, JsonObject disclosable,
        CredentialActor actor, CancellationToken cancellationToken, IReadOnlySet<string>? disclosableArrayElements = null)
    {
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
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
            var issued = _issuer.Issue(new SdJwtIssueRequest("dc+sd-jwt", visible, (JsonObject)disclosable.DeepClone(), key, kid, disclosableArrayElements));
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
            var message = OutboxMessage.Create(new CredentialIssued(record.Id, residentId, record.Type, list, index, record.ExpiresAt, actor, now), now);
            try
            {
                if (db.Database.CurrentTransaction is null)
                {
                    // On its own: committed together with the concurrent issuances (group commit), answered after the commit.
                    await writer.WriteAsync(record, message);
                    return (record.Id, issued);
                }

                // Part of the caller's transaction (the web wallet keeps the credential with it): saved there, committed by the caller.
                db.Issued.Add(record);
                db.OutboxMessages.Add(message);
                await db.SaveChangesAsync(cancellationToken);
                return (record.Id, issued);
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                // Another host sharing the database took the same random index (this host's own draws never collide:
                // StatusIndexes marks them): the unique index refused it; read the taken indices again, draw, sign again.
                statusLists.Collided();
                if (db.Entry(record).State != EntityState.Detached)
                {
                    db.Entry(record).State = EntityState.Detached;
                    db.Entry(message).State = EntityState.Detached;
                }
            }
        }
    }
}
