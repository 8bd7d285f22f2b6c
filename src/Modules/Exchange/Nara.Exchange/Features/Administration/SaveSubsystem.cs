using Nara.Exchange.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Domain;
using Nara.Exchange.Features.Mediation;

namespace Nara.Exchange.Features.Administration;

internal sealed record SubsystemInput(string? Code, string? NameKo, string? NameEn);

/// <summary>Adds or renames a subsystem of a member: an information system that offers services or calls them.</summary>
internal sealed class SaveSubsystem(ExchangeDbContext db, ExchangeDirectory directory, TimeProvider clock)
{
    public async Task<AdminResult> ExecuteAsync(ExchangeAdministrator admin, string memberId, SubsystemInput input, CancellationToken ct)
    {
        var member = await db.Members.FindAsync([memberId], ct);
        if (member is null)
        {
            return AdminResult.Missing("No such member.");
        }

        if (!admin.MayManage(member.AgencyCode))
        {
            return AdminResult.Denied;
        }

        if (input.Code is null || !Identifiers.Code().IsMatch(input.Code))
        {
            return AdminResult.Invalid("code", "The subsystem code must be 1 to 50 letters, digits, dots, dashes or underscores.");
        }

        if ((Identifiers.Name(input.NameKo, "nameKo") ?? Identifiers.Name(input.NameEn, "nameEn")) is { } nameError)
        {
            return AdminResult.Invalid(nameError.StartsWith("nameKo", StringComparison.Ordinal) ? "nameKo" : "nameEn", nameError);
        }

        var id = $"{member.Id}/{input.Code}";
        var now = clock.GetUtcNow();
        var subsystem = await db.Subsystems.FindAsync([id], ct);
        if (subsystem is null)
        {
            subsystem = new Subsystem { Id = id, MemberId = member.Id, Code = input.Code, NameKo = "", NameEn = "", CreatedAt = now };
            db.Subsystems.Add(subsystem);
        }

        subsystem.NameKo = input.NameKo!.Trim();
        subsystem.NameEn = input.NameEn!.Trim();
        db.Publish(new ExchangeConfigurationChanged("subsystem", id, "saved", admin.AccountId, admin.Agency, now), now);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return AdminResult.Done(id);
    }
}
