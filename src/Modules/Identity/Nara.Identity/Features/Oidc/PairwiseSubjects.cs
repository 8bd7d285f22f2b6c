using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// The <c>sub</c> a client sees. Public-sector clients share the account id; each private sector gets
/// HMAC-SHA256(sector secret, account id), so two private services cannot tell they serve the same person, and
/// even Nara's own id does not leak to them. The sector secret is made on first use and stored protected.
/// </summary>
internal sealed class PairwiseSubjects(IdentityDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private const string Purpose = "Nara.Identity.OidcSectors";

    public async Task<string> SubjectForAsync(Guid accountId, OidcClientSettings client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var publicSubject = accountId.ToString("D");
        if (client.Sector != OidcSectors.Private)
        {
            return publicSubject;
        }

        var secret = await SecretAsync(client.SectorIdentifier, cancellationToken);
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(publicSubject));
        return Base64Url(mac);
    }

    private async Task<byte[]> SecretAsync(string sectorId, CancellationToken cancellationToken)
    {
        var protector = dataProtection.CreateProtector(Purpose);
        var sector = await db.OidcSectors.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sectorId, cancellationToken);
        if (sector is null)
        {
            sector = new OidcSector
            {
                Id = sectorId,
                ProtectedSecret = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                CreatedAt = clock.GetUtcNow(),
            };
            db.OidcSectors.Add(sector);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request created the sector at the same moment: use theirs, so the subject is stable.
                db.Entry(sector).State = EntityState.Detached;
                sector = await db.OidcSectors.AsNoTracking().FirstAsync(s => s.Id == sectorId, cancellationToken);
            }
        }

        return Convert.FromBase64String(protector.Unprotect(sector.ProtectedSecret));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
