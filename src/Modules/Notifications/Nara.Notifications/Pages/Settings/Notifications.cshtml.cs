using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Localization;
using Nara.Kernel.Security;
using Nara.Notifications.Contracts;
using Nara.Notifications.Domain;
using Nara.Notifications.Features;
using Nara.Notifications.Features.Preferences;
using Nara.Notifications.Features.Push;
using Nara.Notifications.Push;

namespace Nara.Notifications.Pages.Settings;

/// <summary>
/// A citizen's notification settings: channels per kind, quiet hours and language in one plain form, and
/// the devices registered for push (registering needs JavaScript; the rest does not).
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class NotificationsModel(LoadPreferences load, SavePreferences save, RemovePushDevice remove, VapidKeys vapid) : PageModel
{
    public PreferenceChoices Choices { get; private set; } = null!;

    public IReadOnlyList<PushDevice> Devices { get; private set; } = [];

    public string PublicKey => vapid.PublicKey;

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (CitizenAccount.Of(User) is not { } account)
        {
            return Forbid();
        }

        Message = done switch
        {
            "saved" => Bilingual.L("알림 설정을 저장했습니다.", "Your notification settings are saved."),
            "device-added" => Bilingual.L("이 기기를 푸시 알림 받을 기기로 등록했습니다.", "This device now receives push messages."),
            "device-removed" => Bilingual.L("기기를 삭제했습니다. 그 기기로는 더 이상 푸시 알림을 보내지 않습니다.", "The device is removed; no more push messages go to it."),
            _ => null,
        };
        await LoadAsync(account, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CitizenAccount.Of(User) is not { } account)
        {
            return Forbid();
        }

        var form = Request.Form;
        var channels = PreferenceChoices.Kinds.ToDictionary(k => k, k => (IReadOnlyList<string>)[.. form[$"channels.{k}"].Where(v => v is not null).Select(v => v!).Distinct()]);
        TimeOnly? start = null, end = null;
        if (form["quiet"] == "on")
        {
            if (!TryTime(form["quietStart"], out var s) || !TryTime(form["quietEnd"], out var e))
            {
                return await RefuseAsync(account, Bilingual.L("방해 금지 시간은 00:00 형식(24시간)으로 입력하세요.", "Enter quiet hours as 24-hour times, e.g. 22:00."), ct);
            }

            (start, end) = (s, e);
        }

        var choices = new PreferenceChoices(channels, start, end, form["language"].ToString());
        if (await save.SaveAsync(account, choices, ct) is { } error)
        {
            return await RefuseAsync(account, error, ct, choices);
        }

        return LocalRedirect("/settings/notifications?done=saved");
    }

    public async Task<IActionResult> OnPostRemoveDeviceAsync(Guid deviceId, CancellationToken ct)
    {
        if (CitizenAccount.Of(User) is not { } account)
        {
            return Forbid();
        }

        return await remove.RemoveAsync(account, deviceId, ct) ? LocalRedirect("/settings/notifications?done=device-removed") : NotFound();
    }

    public static string TimeValue(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static IReadOnlyList<string> Channels => NotificationChannels.All;

    private async Task<IActionResult> RefuseAsync(Guid account, string error, CancellationToken ct, PreferenceChoices? posted = null)
    {
        Error = error;
        await LoadAsync(account, ct);
        Choices = posted ?? Choices;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid account, CancellationToken ct)
    {
        Choices = await load.LoadAsync(account, ct);
        Devices = await load.DevicesAsync(account, ct);
    }

    private static bool TryTime(string? raw, out TimeOnly time) =>
        TimeOnly.TryParseExact(raw?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
