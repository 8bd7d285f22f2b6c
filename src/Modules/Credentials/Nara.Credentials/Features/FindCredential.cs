using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;

namespace Nara.Credentials.Features;

/// <summary>What an official sees of a credential: its type, issuing agency, status and dates, never a claim (the issuer keeps none).</summary>
internal sealed record CredentialSummary(
    Guid Id, string Type, CredentialType? TypeInfo, string Agency, string Status, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? StatusChangedAt);

/// <summary>Finds a credential by id for a credential officer; only their own agency's credentials are shown.</summary>
internal sealed class FindCredential(CredentialsDbContext db)
{
    public enum Outcome
    {
        Found,
        NotFound,
        OtherAgency,
    }

    public async Task<(Outcome Outcome, CredentialSummary? Credential)> ExecuteAsync(Guid id, string agency, CancellationToken cancellationToken)
    {
        var c = await db.Issued.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (c is null)
        {
            return (Outcome.NotFound, null);
        }

        if (!string.Equals(c.Agency, agency, StringComparison.OrdinalIgnoreCase))
        {
            return (Outcome.OtherAgency, null);
        }

        return (Outcome.Found, new CredentialSummary(c.Id, c.Type, CredentialTypes.All.FirstOrDefault(t => t.Id == c.Type), c.Agency,
            ChangeCredentialStatus.NameOf(c.Status), c.IssuedAt, c.ExpiresAt, c.StatusChangedAt));
    }
}
