using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Identity.Features.Proofing;
using Nara.Kernel.Security;
using Nara.Registries.Contracts;

namespace Nara.Identity.Features.Enrolment;

internal sealed record EnrolmentCompletion(ProofingCheckStatus Status, int AttemptsLeft = 0, ClaimsPrincipal? Ticket = null, bool Disabled = false);

/// <summary>
/// Checks the proof and gives the person their account (a new citizen account, or the one they had: an
/// official invited by their agency, or a citizen who lost their passkeys). What they get is an enrolment
/// ticket that only lets them register a passkey for the next few minutes, not a signed-in session.
/// </summary>
internal sealed class CompleteEnrolment(IdentityDbContext db, IIdentityProofing proofing, IResidentDirectory residents, TimeProvider clock)
{
    public async Task<EnrolmentCompletion> ExecuteAsync(Guid challengeId, string? code, CancellationToken cancellationToken)
    {
        var check = await proofing.VerifyAsync(challengeId, code ?? "", cancellationToken);
        if (check.Status != ProofingCheckStatus.Proved)
        {
            return new EnrolmentCompletion(check.Status, check.AttemptsLeft);
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.Include(a => a.Passkeys).FirstOrDefaultAsync(a => a.ResidentId == check.ResidentId, cancellationToken);
        if (account?.DisabledAt is not null)
        {
            return new EnrolmentCompletion(ProofingCheckStatus.LockedOut, Disabled: true);
        }

        var recovery = account is { Passkeys.Count: > 0 };
        if (account is null)
        {
            var resident = await residents.FindByIdAsync(check.ResidentId, cancellationToken);
            account = new Account
            {
                Id = Guid.CreateVersion7(now),
                Kind = AccountKind.Citizen,
                ResidentId = check.ResidentId,
                DisplayName = resident?.NameKo ?? "",
                CreatedAt = now,
            };
            db.Accounts.Add(account);
        }

        account.UserHandle ??= RandomNumberGenerator.GetBytes(32);
        var kind = account.IsOfficial ? ActorKinds.Official : ActorKinds.Citizen;
        db.Publish(new AccountEnrolled(account.Id, kind, account.AgencyCode, proofing.Method, recovery), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same resident enrolled twice at once: one account per resident, the other attempt loses.
            return new EnrolmentCompletion(ProofingCheckStatus.Unknown);
        }

        return new EnrolmentCompletion(ProofingCheckStatus.Proved, Ticket: EnrolmentTicket.For(account, recovery));
    }
}

/// <summary>The short-lived principal of the enrolment cookie: who may register a passkey now.</summary>
internal static class EnrolmentTicket
{
    public const string Scheme = "Nara.Enrolment";
    public const string RecoveryClaim = "nara:recovery";

    public static ClaimsPrincipal For(Account account, bool recovery)
    {
        var identity = new ClaimsIdentity(Scheme, ClaimTypes.Name, NaraClaims.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.DisplayName));
        identity.AddClaim(new Claim(RecoveryClaim, recovery ? "true" : "false"));
        return new ClaimsPrincipal(identity);
    }
}
