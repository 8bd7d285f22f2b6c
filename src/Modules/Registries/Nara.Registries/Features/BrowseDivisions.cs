using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Paging;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features;

internal sealed record HouseholdRow(long Id, string AddressKo, string AddressEn, int MemberCount);

/// <param name="Path">From the 시도 down to the division itself, for breadcrumbs.</param>
internal sealed record DivisionView(AdminDivision? Division, IReadOnlyList<AdminDivision> Path, IReadOnlyList<AdminDivision> Children, Page<HouseholdRow>? Households);

/// <summary>The 시도 → 시군구 → 읍면동 tree; a 읍면동 lists its households.</summary>
internal sealed class BrowseDivisions(RegistriesDbContext db)
{
    /// <summary>Null when the code is unknown. No code: the 시도 list.</summary>
    public async Task<DivisionView?> RunAsync(string? code, PageRequest page, CancellationToken ct)
    {
        var divisions = db.Divisions.AsNoTracking();
        if (string.IsNullOrEmpty(code))
        {
            return new DivisionView(null, [], await divisions.Where(d => d.Level == DivisionLevel.Sido).OrderBy(d => d.Code).ToListAsync(ct), null);
        }

        var division = await divisions.FirstOrDefaultAsync(d => d.Code == code, ct);
        if (division is null)
        {
            return null;
        }

        var path = new List<AdminDivision> { division };
        while (path[0].ParentCode is { } parent && await divisions.FirstOrDefaultAsync(d => d.Code == parent, ct) is { } up)
        {
            path.Insert(0, up);
        }

        var children = await divisions.Where(d => d.ParentCode == code).OrderBy(d => d.Code).ToListAsync(ct);
        Page<HouseholdRow>? households = null;
        if (division.Level == DivisionLevel.Eupmyeondong)
        {
            var rows = from h in db.Households.AsNoTracking()
                       join a in db.Addresses.AsNoTracking() on h.AddressId equals a.Id
                       where a.DivisionCode == code
                       orderby h.Id
                       select new HouseholdRow(h.Id, a.RoadAddressKo, a.RoadAddressEn, h.MemberCount);
            var total = await rows.LongCountAsync(ct);
            var items = await rows.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
            households = new Page<HouseholdRow>(items, page.Page, page.PageSize, total);
        }

        return new DivisionView(division, path, children, households);
    }

    /// <summary>Every 시도 with its 시군구, for the area filter of the resident search.</summary>
    public async Task<IReadOnlyList<(AdminDivision Sido, IReadOnlyList<AdminDivision> Sigungu)>> AreasAsync(CancellationToken ct)
    {
        var all = await db.Divisions.AsNoTracking().Where(d => d.Level != DivisionLevel.Eupmyeondong).OrderBy(d => d.Code).ToListAsync(ct);
        return all.Where(d => d.Level == DivisionLevel.Sido)
            .Select(s => (s, (IReadOnlyList<AdminDivision>)all.Where(d => d.ParentCode == s.Code).ToList()))
            .ToList();
    }
}
