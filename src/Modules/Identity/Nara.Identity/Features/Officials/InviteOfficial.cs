using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Identity.Features.Enrolment;
using Nara.Registries.Contracts;

namespace Nara.Identity.Features.Officials;

internal enum InviteResult
{
    Invited,
    Invalid,
    NotFound,
    OtherAgency,
}

/// <summary>
/// An agency administrator makes a resident an official of their agency with some roles. The official then
/// enrols like anyone (proves identity, registers a passkey); a citizen account they had becomes the
/// official account, so a resident still has one account.
/// </summary>
internal sealed class InviteOfficial(IdentityDbContext db, IResidentDirectory residents, TimeProvider clock)
{
    public async Task<InviteResult> ExecuteAsync(Guid administratorId, string agency, string? residentNumber, IEnumerable<string>? roles, CancellationToken cancellationToken)
    {
        var number = ResidentNumberInput.Normalise(residentNumber);
        var roleText = OfficialRoles.Normalise(roles);
        if (number is null || roleText.Length == 0)
        {
            return InviteResult.Invalid;
        }

        var resident = await residents.FindByResidentNumberAsync(number, cancellationToken);
        if (resident is null)
        {
            return InviteResult.NotFound;
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.ResidentId == resident.Id, cancellationToken);
        if (account is { Kind: AccountKind.Official } && account.AgencyCode != agency && account.DisabledAt is null)
        {
            return InviteResult.OtherAgency;
        }

        if (account is null)
        {
            account = new Account { Id = Guid.CreateVersion7(now), ResidentId = resident.Id, DisplayName = resident.NameKo, CreatedAt = now };
            db.Accounts.Add(account);
        }

        account.Kind = AccountKind.Official;
        account.AgencyCode = agency;
        account.Roles = roleText;
        account.DisabledAt = null;
        account.UserHandle ??= RandomNumberGenerator.GetBytes(32);
        db.Publish(new OfficialAccountChanged(account.Id, agency, "invited", roleText, administratorId), now);
        await db.SaveChangesAsync(cancellationToken);
        return InviteResult.Invited;
    }
}
