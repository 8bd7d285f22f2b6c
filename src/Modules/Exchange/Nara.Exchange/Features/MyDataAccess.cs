using Microsoft.EntityFrameworkCore;
using Nara.Audit.Contracts;
using Nara.Exchange.Contracts;
using Nara.Exchange.Data;

namespace Nara.Exchange.Features;

/// <summary>One access to the subject's data as they see it; <see cref="AuditIndex"/> is null until Audit has recorded it.</summary>
internal sealed record DataAccessView(
    Guid Id,
    DateTimeOffset Time,
    string Recipient,
    string RecipientNameKo,
    string RecipientNameEn,
    string Service,
    string ServiceNameKo,
    string ServiceNameEn,
    string? Official,
    string? OfficialRole,
    bool AtOwnRequest,
    string? Issue,
    string? Purpose,
    Guid? ConsentRecordId,
    IReadOnlyList<string> Attributes,
    string Outcome,
    string? Refusal,
    long? AuditIndex);

/// <summary>
/// "Who used my data": every exchange whose subject is this resident, newest first, with the receiving agency,
/// the official's role, id and case the client declared, the purpose, and where Audit holds the tamper-evident copy.
/// </summary>
internal sealed class MyDataAccess(ExchangeDbContext db, IAuditEvidence evidence)
{
    public const int PageSize = 50;

    public async Task<(IReadOnlyList<DataAccessView> Items, bool More)> ListAsync(long residentId, int page, CancellationToken ct)
    {
        var rows = await db.Records.AsNoTracking().Where(r => r.SubjectResidentId == residentId)
            .OrderByDescending(r => r.Time).ThenByDescending(r => r.Id)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        var more = rows.Count > PageSize;
        rows = [.. rows.Take(PageSize)];
        var agencies = rows.Select(r => r.ClientAgency).OfType<string>().Distinct().ToList();
        var clients = rows.Select(r => r.Client).OfType<string>().Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => m.AgencyCode != null && agencies.Contains(m.AgencyCode) && m.Code == m.AgencyCode)
            .Select(m => new { m.AgencyCode, m.NameKo, m.NameEn }).ToListAsync(ct);
        var subsystems = await db.Subsystems.AsNoTracking().Where(s => clients.Contains(s.Id))
            .Join(db.Members, s => s.MemberId, m => m.Id, (s, m) => new { s.Id, m.NameKo, m.NameEn }).ToListAsync(ct);
        var serviceIds = rows.Select(r => r.Service).Distinct().ToList();
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.NameKo, s.NameEn }).ToListAsync(ct);
        var receipts = await evidence.FindBySourceMessagesAsync([.. rows.Select(r => r.Id)], ct);

        return ([.. rows.Select(r =>
        {
            // The agency that received the data: the one the portal acted for, else the calling member's.
            var agency = members.FirstOrDefault(m => m.AgencyCode == r.ClientAgency);
            var member = subsystems.FirstOrDefault(s => s.Id == r.Client);
            var service = services.FirstOrDefault(s => s.Id == r.Service);
            return new DataAccessView(
                r.Id, r.Time, r.ClientAgency ?? r.Client ?? "?",
                agency?.NameKo ?? member?.NameKo ?? r.Client ?? "?", agency?.NameEn ?? member?.NameEn ?? r.Client ?? "?",
                r.Service, service?.NameKo ?? r.Service, service?.NameEn ?? r.Service,
                r.UserId, r.UserRole, OwnRequest(r.Client), r.Issue, r.Purpose, r.ConsentRecordId, r.Attributes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                r.Outcome, r.Refusal, receipts.TryGetValue(r.Id, out var receipt) ? receipt.Index : null);
        })], more);
    }

    // The platform's own subsystems read registries only for the signed-in subject's own application or certificate.
    private static bool OwnRequest(string? client) =>
        client is RegistryExchangeServices.PortalClient or RegistryExchangeServices.CredentialsClient;

    /// <summary>The Audit inclusion proof of one of the subject's own exchanges; null when it is not theirs or not yet provable.</summary>
    public async Task<(DataAccessView? Access, InclusionEvidence? Proof)> ProveAsync(long residentId, Guid exchangeId, CancellationToken ct)
    {
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == exchangeId && r.SubjectResidentId == residentId, ct);
        if (record is null)
        {
            return (null, null);
        }

        var receipts = await evidence.FindBySourceMessagesAsync([exchangeId], ct);
        var view = new DataAccessView(record.Id, record.Time, record.ClientAgency ?? record.Client ?? "?", record.ClientAgency ?? "", record.ClientAgency ?? "",
            record.Service, record.Service, record.Service, record.UserId, record.UserRole, OwnRequest(record.Client), record.Issue, record.Purpose, record.ConsentRecordId,
            record.Attributes.Split(' ', StringSplitOptions.RemoveEmptyEntries), record.Outcome, record.Refusal,
            receipts.TryGetValue(exchangeId, out var r) ? r.Index : null);
        return (view, view.AuditIndex is { } index ? await evidence.ProveAgainstLatestHeadAsync(index, ct) : null);
    }
}
