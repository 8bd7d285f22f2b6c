using Microsoft.EntityFrameworkCore;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Identity.Features.Proofing;
using Nara.Registries.Contracts;

namespace Nara.Identity.Features.Enrolment;

internal enum EnrolmentStartStatus
{
    Started,
    Invalid,
    NotMatched,
    Disabled,
    LockedOut,
}

internal sealed record EnrolmentStart(EnrolmentStartStatus Status, Guid ChallengeId = default, string Destination = "", DateTimeOffset? RetryAfter = null);

/// <summary>
/// A person names themselves (resident registration number and name) and is sent a proof, e.g. a code.
/// The answer is the same whether the number is unknown or the name does not match, so the form cannot
/// be used to test whose number is whose.
/// </summary>
internal sealed class StartEnrolment(IdentityDbContext db, IResidentDirectory residents, IIdentityProofing proofing)
{
    public async Task<EnrolmentStart> ExecuteAsync(string? residentNumber, string? name, string language, CancellationToken cancellationToken)
    {
        var number = ResidentNumberInput.Normalise(residentNumber);
        var givenName = NameKey(name);
        if (number is null || givenName.Length is 0 or > 60)
        {
            return new EnrolmentStart(EnrolmentStartStatus.Invalid);
        }

        var resident = await residents.FindByResidentNumberAsync(number, cancellationToken);
        if (resident is null || (NameKey(resident.NameKo) != givenName && NameKey(resident.NameEn) != givenName))
        {
            return new EnrolmentStart(EnrolmentStartStatus.NotMatched);
        }

        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.ResidentId == resident.Id)
            .Select(a => new { a.DisabledAt, HasPasskeys = a.Passkeys.Count > 0 })
            .FirstOrDefaultAsync(cancellationToken);
        if (account?.DisabledAt is not null)
        {
            return new EnrolmentStart(EnrolmentStartStatus.Disabled);
        }

        var purpose = account is { HasPasskeys: true } ? ProofingPurpose.Recovery : ProofingPurpose.Enrolment;
        var start = await proofing.StartAsync(new ProofingSubject(resident, number), purpose, language, cancellationToken);
        return start.Status == ProofingStartStatus.Started
            ? new EnrolmentStart(EnrolmentStartStatus.Started, start.ChallengeId, start.Destination)
            : new EnrolmentStart(EnrolmentStartStatus.LockedOut, RetryAfter: start.RetryAfter);
    }

    /// <summary>Names compare without spaces and case: "Kim Seo-yeon" = "kim seo-yeon", "김 서연" = "김서연".</summary>
    private static string NameKey(string? name) =>
        new string((name ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}

internal static class ResidentNumberInput
{
    /// <summary>"9305142101236", "930514-2101236" or with spaces → "930514-2101236"; anything else → null.</summary>
    public static string? Normalise(string? input)
    {
        if (input is null || input.Length > 20)
        {
            return null;
        }

        var digits = new string(input.Where(char.IsAsciiDigit).ToArray());
        var others = input.Count(c => !char.IsAsciiDigit(c) && c != '-' && !char.IsWhiteSpace(c));
        return digits.Length == 13 && others == 0 ? $"{digits[..6]}-{digits[6..]}" : null;
    }
}
