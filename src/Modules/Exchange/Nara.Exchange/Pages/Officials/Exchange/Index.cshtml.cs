using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Exchange.Features.Administration;
using Nara.Kernel.Localization;
using Nara.Kernel.Security;

namespace Nara.Exchange.Pages.Officials.Exchange;

/// <summary>
/// The exchange's administration: members and subsystems, services with their access rights; administrators
/// grant and revoke access rights and switch services on and off (their own agency's, or all for the platform).
/// </summary>
[Authorize(Policy = NaraPolicies.Official)]
internal sealed class IndexModel(ExchangeCatalogue catalogue, GrantAccess grant, RevokeAccess revoke, SaveService save, IOptions<ExchangeOptions> options) : PageModel
{
    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public IReadOnlyList<ServiceView> Services { get; private set; } = [];

    public ExchangeAdministrator? Admin { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostGrantAsync(string service, string client, CancellationToken ct) =>
        RunAsync(a => grant.ExecuteAsync(a, service, client, ct), "granted", ct);

    public Task<IActionResult> OnPostRevokeAsync(string service, Guid right, CancellationToken ct) =>
        RunAsync(a => revoke.ExecuteAsync(a, service, right, ct), "revoked", ct);

    public async Task<IActionResult> OnPostToggleAsync(string service, bool enabled, CancellationToken ct)
    {
        var matches = await catalogue.ServicesAsync(service, ct);
        var found = matches.Count > 0 ? matches[0] : null;
        if (found is null)
        {
            Error = Bilingual.L("그런 서비스가 없습니다.", "There is no such service.");
            await LoadAsync(ct);
            return Page();
        }

        return await RunAsync(a => save.ExecuteAsync(a, found.Subsystem, new ServiceInput(found.Code, found.NameKo, found.NameEn, found.Provider,
            found.ProviderUrl, found.TimeoutMs, found.Attributes, found.Purposes, found.DataAgreementId, enabled), ct), enabled ? "enabled" : "disabled", ct);
    }

    private async Task<IActionResult> RunAsync(Func<ExchangeAdministrator, Task<AdminResult>> action, string done, CancellationToken ct)
    {
        var admin = ExchangeAdministrator.From(User, options);
        var result = admin is null ? AdminResult.Denied : await action(admin);
        if (result.Status == AdminStatus.Done)
        {
            return RedirectToPage(new { done });
        }

        Error = result.Status switch
        {
            AdminStatus.Forbidden => Bilingual.L("관리자만, 그리고 자기 기관의 서비스만 바꿀 수 있습니다.", "Only administrators may change this, and only for their own agency's services."),
            AdminStatus.Conflict => Bilingual.L("이미 이용 권한이 있습니다.", "The client already holds this access right."),
            AdminStatus.NotFound => Bilingual.L("대상을 찾을 수 없습니다. 목록을 새로 고치세요.", "Not found. Reload the list."),
            _ => Bilingual.L("입력을 확인하세요: ", "Check your input: ") + result.Message,
        };
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Admin = ExchangeAdministrator.From(User, options);
        Members = await catalogue.MembersAsync(ct);
        Services = await catalogue.ServicesAsync(null, ct);
    }

    public string Owner(ServiceView s) => Members.FirstOrDefault(m => s.Subsystem.StartsWith(m.Id + "/", StringComparison.Ordinal))?.AgencyCode ?? "";
}
