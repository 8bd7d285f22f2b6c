using Microsoft.EntityFrameworkCore;
using Nara.Exchange.Data;

namespace Nara.Exchange.Features.Administration;

internal sealed record SubsystemView(string Id, string Code, string NameKo, string NameEn);

internal sealed record MemberView(string Id, string MemberClass, string Code, string NameKo, string NameEn, string? AgencyCode, IReadOnlyList<SubsystemView> Subsystems);

internal sealed record AccessRightView(Guid Id, string Client, DateTimeOffset GrantedAt, string GrantedBy);

internal sealed record ServiceView(
    string Id,
    string Subsystem,
    string Code,
    string NameKo,
    string NameEn,
    string Provider,
    string? ProviderUrl,
    int TimeoutMs,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<string> Purposes,
    Guid? DataAgreementId,
    bool ConsentRequired,
    bool Enabled,
    IReadOnlyList<AccessRightView> AccessRights);

/// <summary>What the exchange is configured with, for the management API and the administrators' page.</summary>
internal sealed class ExchangeCatalogue(ExchangeDbContext db)
{
    public async Task<IReadOnlyList<MemberView>> MembersAsync(CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Include(m => m.Subsystems).OrderBy(m => m.Id).ToListAsync(ct);
        return [.. members.Select(m => new MemberView(m.Id, m.MemberClass, m.Code, m.NameKo, m.NameEn, m.AgencyCode,
            [.. m.Subsystems.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new SubsystemView(s.Id, s.Code, s.NameKo, s.NameEn))]))];
    }

    public async Task<IReadOnlyList<ServiceView>> ServicesAsync(string? serviceId, CancellationToken ct)
    {
        var services = await db.Services.AsNoTracking().Where(s => serviceId == null || s.Id == serviceId).OrderBy(s => s.Id).ToListAsync(ct);
        var ids = services.Select(s => s.Id).ToList();
        var rights = await db.AccessRights.AsNoTracking().Where(r => ids.Contains(r.ServiceId)).ToListAsync(ct);
        return [.. services.Select(s => new ServiceView(s.Id, s.SubsystemId, s.Code, s.NameKo, s.NameEn, s.Provider, s.ProviderUrl, s.TimeoutMs,
            s.AttributeList, s.PurposeList, s.DataAgreementId, s.DataAgreementId is not null, s.Enabled,
            [.. rights.Where(r => r.ServiceId == s.Id).OrderBy(r => r.ClientId, StringComparer.Ordinal)
                .Select(r => new AccessRightView(r.Id, r.ClientId, r.GrantedAt, r.GrantedBy))]))];
    }
}
