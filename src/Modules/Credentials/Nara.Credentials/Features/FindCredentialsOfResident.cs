using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Features;

/// <summary>
/// A credential officer lists the credentials their own agency issued to a resident, found by resident registration
/// number (a resident on the phone or at the counter gives it, e.g. to suspend everything after a loss). Another
/// agency's credentials never appear. It is a look-up of personal data, so the officer must say why, and every
/// search — also one that finds nobody — is published for the audit log before the answer is given. An unknown
/// number and a resident without this agency's credentials answer alike (an empty list), so the search does not tell
/// an officer without registry access who is registered.
/// </summary>
internal sealed partial class FindCredentialsOfResident(CredentialsDbContext db, IResidentDirectory residents, TimeProvider clock)
{
    /// <summary>The number as the registry keeps it (<c>YYMMDD-NNNNNNN</c>), from 13 digits with or without the hyphen; null otherwise.</summary>
    public static string? NormalizeResidentNumber(string? value) =>
        value?.Trim() is { } v && ResidentNumber().Match(v) is { Success: true } m ? $"{m.Groups[1].Value}-{m.Groups[2].Value}" : null;

    public async Task<IReadOnlyList<CredentialSummary>> ExecuteAsync(string residentNumber, string reason, CredentialActor official, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(official);
        var agency = official.Agency ?? throw new ArgumentException("An official acts for an agency.", nameof(official));
        var resident = await residents.FindByResidentNumberAsync(residentNumber, cancellationToken);
        // A resident holds a handful of credentials (indexed by resident); the agency is compared here, without case,
        // as FindCredential does, which SQL would do differently per provider.
        var rows = resident is null
            ? []
            : (await db.Issued.AsNoTracking().Where(c => c.ResidentId == resident.Id).ToListAsync(cancellationToken))
                .Where(c => string.Equals(c.Agency, agency, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(c => c.IssuedAt)
                .ToList();

        var now = clock.GetUtcNow();
        db.Publish(new CredentialsSearchedByResident(resident?.Id, agency, rows.Count, reason, official, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return [.. rows.Select(c => new CredentialSummary(c.Id, c.Type, CredentialTypes.All.FirstOrDefault(t => t.Id == c.Type), c.Agency,
            ChangeCredentialStatus.NameOf(c.Status), c.IssuedAt, c.ExpiresAt, c.StatusChangedAt))];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{6})-?(\d{7})$")]
    private static partial System.Text.RegularExpressions.Regex ResidentNumber();
}
