using Microsoft.Extensions.Options;
using Nara.Exchange.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Domain;
using Nara.Exchange.Features.Mediation;

namespace Nara.Exchange.Features.Administration;

internal sealed record MemberInput(string? MemberClass, string? Code, string? NameKo, string? NameEn, string? AgencyCode);

/// <summary>Registers a member (an agency, or an approved private organisation) or renames one. Platform administrators only.</summary>
internal sealed class SaveMember(ExchangeDbContext db, ExchangeDirectory directory, IOptions<ExchangeOptions> options, TimeProvider clock)
{
    public async Task<AdminResult> ExecuteAsync(ExchangeAdministrator admin, MemberInput input, CancellationToken ct)
    {
        if (!admin.Platform)
        {
            return AdminResult.Denied;
        }

        if (input.MemberClass is null || !MemberClasses.All.Contains(input.MemberClass))
        {
            return AdminResult.Invalid("memberClass", $"The member class must be one of {string.Join(", ", MemberClasses.All)}.");
        }

        if (input.Code is null || !Identifiers.Code().IsMatch(input.Code))
        {
            return AdminResult.Invalid("code", "The member code must be 1 to 50 letters, digits, dots, dashes or underscores.");
        }

        if ((Identifiers.Name(input.NameKo, "nameKo") ?? Identifiers.Name(input.NameEn, "nameEn")) is { } nameError)
        {
            return AdminResult.Invalid(nameError.StartsWith("nameKo", StringComparison.Ordinal) ? "nameKo" : "nameEn", nameError);
        }

        if (input.AgencyCode is { Length: > 0 } agency && !Identifiers.Agency().IsMatch(agency))
        {
            return AdminResult.Invalid("agencyCode", "The agency code must be 2 to 20 letters or digits.");
        }

        var id = $"{options.Value.Instance}/{input.MemberClass}/{input.Code}";
        var now = clock.GetUtcNow();
        var member = await db.Members.FindAsync([id], ct);
        if (member is null)
        {
            member = new Member
            {
                Id = id, Instance = options.Value.Instance, MemberClass = input.MemberClass, Code = input.Code,
                NameKo = input.NameKo!, NameEn = input.NameEn!, CreatedAt = now,
            };
            db.Members.Add(member);
        }

        member.NameKo = input.NameKo!.Trim();
        member.NameEn = input.NameEn!.Trim();
        member.AgencyCode = input.AgencyCode is { Length: > 0 } code ? code.ToUpperInvariant() : null;
        db.Publish(new ExchangeConfigurationChanged("member", id, "saved", admin.AccountId, admin.Agency, now), now);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return AdminResult.Done(id);
    }
}
