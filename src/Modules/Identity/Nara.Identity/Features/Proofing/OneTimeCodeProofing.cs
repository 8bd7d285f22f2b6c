using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Notifications.Contracts;
using Nara.Registries.Contracts;

namespace Nara.Identity.Features.Proofing;

/// <summary>
/// A six-digit code sent to the contact on the resident record. The code request is published through
/// Identity's outbox in the same SaveChanges that stores the code's hash, so no code exists that was not
/// sent and no message goes out for a code that was not stored.
/// </summary>
internal sealed class OneTimeCodeProofing(
    IdentityDbContext db,
    IContactOnRecord contacts,
    IOptions<NaraIdentityOptions> options,
    TimeProvider clock) : IIdentityProofing
{
    public const string TemplateId = "identity.enrolment-code";

    public string Method => "one-time-code";

    public async Task<ProofingStart> StartAsync(ProofingSubject subject, ProofingPurpose purpose, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var residentId = subject.Resident.Id;
        var hourAgo = now.AddHours(-1);
        var recent = await db.ProofingChallenges.AsNoTracking()
            .Where(c => c.ResidentId == residentId && c.CreatedAt > hourAgo)
            .Select(c => new { c.CreatedAt, c.FailedAttempts })
            .ToListAsync(cancellationToken);
        var spent = recent.Where(c => c.FailedAttempts >= settings.MaxCodeAttempts).Select(c => c.CreatedAt + settings.LockoutAfterSpentCode).Where(t => t > now).ToList();
        if (spent.Count > 0)
        {
            return new ProofingStart(ProofingStartStatus.LockedOut, Guid.Empty, "", spent.Max());
        }

        if (recent.Count >= settings.MaxCodesPerHour)
        {
            return new ProofingStart(ProofingStartStatus.LockedOut, Guid.Empty, "", recent.Min(c => c.CreatedAt).AddHours(1));
        }

        var contact = await contacts.FindAsync(residentId, cancellationToken);
        var challenge = new ProofingChallenge
        {
            Id = Guid.NewGuid(),
            ResidentId = residentId,
            Purpose = purpose,
            Method = Method,
            CodeHash = "",
            CreatedAt = now,
            ExpiresAt = now + settings.CodeLifetime,
        };
        var code = CodeFor(subject.ResidentNumber, settings.DemoEnrolmentCode);
        challenge.CodeHash = Hash(challenge.Id, code);
        db.ProofingChallenges.Add(challenge);
        db.Publish(
            new NotificationRequested(
                TemplateId,
                new NotificationRecipient(ResidentId: residentId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Dictionary<string, string> { ["code"] = code, ["name"] = subject.Resident.NameKo },
                NotificationKinds.Security,
                $"enrolment:{challenge.Id:N}",
                contact.Channel,
                language),
            now);
        await db.SaveChangesAsync(cancellationToken);
        return new ProofingStart(ProofingStartStatus.Started, challenge.Id, contact.Description, null);
    }

    public async Task<ProofingCheck> VerifyAsync(Guid challengeId, string answer, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var challenge = await db.ProofingChallenges.FirstOrDefaultAsync(c => c.Id == challengeId, cancellationToken);
        if (challenge is null || challenge.CompletedAt is not null)
        {
            return new ProofingCheck(ProofingCheckStatus.Unknown, 0, default, 0);
        }

        if (challenge.FailedAttempts >= settings.MaxCodeAttempts)
        {
            return new ProofingCheck(ProofingCheckStatus.LockedOut, challenge.ResidentId, challenge.Purpose, 0);
        }

        if (now > challenge.ExpiresAt)
        {
            return new ProofingCheck(ProofingCheckStatus.Expired, challenge.ResidentId, challenge.Purpose, 0);
        }

        var given = Encoding.ASCII.GetBytes(Hash(challenge.Id, Normalise(answer)));
        if (CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(challenge.CodeHash)))
        {
            challenge.CompletedAt = now;
            return new ProofingCheck(ProofingCheckStatus.Proved, challenge.ResidentId, challenge.Purpose, 0);
        }

        challenge.FailedAttempts++;
        var left = settings.MaxCodeAttempts - challenge.FailedAttempts;
        db.Publish(new IdentityProofingFailed(challenge.Id, left > 0 ? "wrong-code" : "too-many-attempts"), now);
        await db.SaveChangesAsync(cancellationToken);
        return new ProofingCheck(left > 0 ? ProofingCheckStatus.WrongAnswer : ProofingCheckStatus.LockedOut, challenge.ResidentId, challenge.Purpose, left);
    }

    /// <summary>Demo personas get the documented fixed code when one is configured; everyone else a random one.</summary>
    private static string CodeFor(string residentNumber, string? demoCode) =>
        demoCode is { Length: > 0 } && DemoPersonas.All.Any(p => p.ResidentNumber == residentNumber)
            ? demoCode
            // A security secret: drawn from the OS CSPRNG, not from an injectable (seedable) random source.
            : RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static string Normalise(string? answer) =>
        new((answer ?? "").Where(char.IsAsciiDigit).Take(12).ToArray());

    /// <summary>Salted with the challenge id so equal codes never have equal hashes.</summary>
    private static string Hash(Guid challengeId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{challengeId:N}:{code}")));
}
