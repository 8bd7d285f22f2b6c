using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Paging;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features;

/// <summary>One row of a search result; the resident number is already masked.</summary>
internal sealed record ResidentRow(long Id, string NameKo, string NameEn, string MaskedNumber, DateOnly BirthDate, string AddressKo, string AddressEn);

/// <param name="Text">A name (Korean or romanised, prefix match) or a resident number (exact).</param>
/// <param name="DivisionCode">A 시도, 시군구 or 읍면동 code; residents registered anywhere inside it.</param>
internal sealed record ResidentQuery(string? Text, string? DivisionCode, PageRequest Page);

/// <summary>Searches the resident registry for the officials' browser, 20 a page, ordered by name.</summary>
internal sealed class SearchResidents(RegistriesDbContext db)
{
    public async Task<Page<ResidentRow>> RunAsync(ResidentQuery query, CancellationToken ct)
    {
        var residents = db.Residents.AsNoTracking();
        var text = query.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            residents = ResidentNumbers.Normalise(text) is { } number
                ? residents.Where(r => r.ResidentNumber == number)
                : residents.Where(r => r.NameKo.StartsWith(text) || r.NameEn.StartsWith(text));
        }

        var rows = from r in residents
                   join a in db.Addresses.AsNoTracking() on r.AddressId equals a.Id
                   select new { r, a };
        if (await PrefixOfAsync(query.DivisionCode, ct) is { } prefix)
        {
            rows = rows.Where(x => x.a.DivisionCode.StartsWith(prefix));
        }

        var total = await rows.LongCountAsync(ct);
        var page = await rows.OrderBy(x => x.r.NameKo).ThenBy(x => x.r.Id)
            .Skip(query.Page.Skip).Take(query.Page.PageSize)
            .Select(x => new { x.r.Id, x.r.NameKo, x.r.NameEn, x.r.ResidentNumber, x.r.BirthDate, x.a.RoadAddressKo, x.a.RoadAddressEn })
            .ToListAsync(ct);
        var items = page.Select(x => new ResidentRow(x.Id, x.NameKo, x.NameEn, ResidentNumbers.Mask(x.ResidentNumber), x.BirthDate, x.RoadAddressKo, x.RoadAddressEn)).ToList();
        return new Page<ResidentRow>(items, query.Page.Page, query.Page.PageSize, total);
    }

    /// <summary>The code prefix shared by everything inside a division (10-digit 행정표준코드), or null for "anywhere".</summary>
    private async Task<string?> PrefixOfAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var division = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
        return division?.Level switch
        {
            DivisionLevel.Sido => code[..2],
            DivisionLevel.Sigungu => code[..5],
            DivisionLevel.Eupmyeondong => code,
            _ => "\u0000", // unknown code: matches nothing rather than everything
        };
    }
}
