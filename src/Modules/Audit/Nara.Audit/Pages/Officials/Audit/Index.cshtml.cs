using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Audit.Domain;
using Nara.Audit.Features;
using Nara.Kernel.Localization;
using Nara.Kernel.Paging;
using Nara.Kernel.Security;

namespace Nara.Audit.Pages.Officials.Audit;

/// <summary>The auditors' search over the log: a GET form, so results can be bookmarked and work without JavaScript.</summary>
[Authorize(Policy = NaraPolicies.Auditor)]
internal sealed class IndexModel(SearchAuditLog search) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SubjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SubjectId { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Page<AuditRecord>? Results { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!TryDate(From, out var from) || !TryDate(To, out var to))
        {
            Error = Bilingual.L("날짜는 YYYY-MM-DD 형식으로 입력하세요.", "Enter dates as YYYY-MM-DD.");
            return;
        }

        if (PageRequest.Validate(PageNumber, PageSize, out var page) is not null)
        {
            Error = Bilingual.L("페이지 번호가 올바르지 않습니다.", "The page number is not valid.");
            return;
        }

        // Dates are Korean calendar days: "to" includes the whole day.
        var query = new AuditSearch(Actor, SubjectType, SubjectId, ActionName, from, to?.AddDays(1));
        Results = await search.SearchAsync(query, page, cancellationToken);
    }

    public string PageLink(int number) => Url.Page("/Officials/Audit/Index", new
    {
        actor = Actor, subjectType = SubjectType, subjectId = SubjectId, action = ActionName, from = From, to = To, page = number,
    })!;

    public static string KoreanTime(AuditRecord record) =>
        record.Time.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static bool TryDate(string? raw, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));
        return true;
    }
}
