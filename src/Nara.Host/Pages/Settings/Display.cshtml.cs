using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Host.Composition;

namespace Nara.Host.Pages.Settings;

/// <summary>
/// Text size and screen mode without JavaScript: the header's small forms (and this page) POST here, a
/// cookie remembers the choice, and the reader goes back where they were (post/redirect/get).
/// </summary>
[AllowAnonymous]
internal sealed class DisplayModel : PageModel
{
    public string TextSize { get; private set; } = "md";

    public string Mode { get; private set; } = "light";

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl)
    {
        TextSize = DisplayPreferences.TextSize(Request);
        Mode = DisplayPreferences.Mode(Request);
        ReturnUrl = SafeReturnUrl(returnUrl);
    }

    public IActionResult OnPost(string? textsize, string? mode, string? returnUrl)
    {
        var size = DisplayPreferences.Known(textsize, DisplayPreferences.TextSizes);
        var screen = DisplayPreferences.Known(mode, DisplayPreferences.Modes);
        if ((textsize is not null && size is null) || (mode is not null && screen is null))
        {
            return BadRequest();
        }

        var options = new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = Request.IsHttps };
        if (size is not null)
        {
            Response.Cookies.Append(DisplayPreferences.TextSizeCookie, size, options);
        }

        if (screen is not null)
        {
            Response.Cookies.Append(DisplayPreferences.ModeCookie, screen, options);
        }

        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>Only paths on this site: never an open redirect.</summary>
    private string SafeReturnUrl(string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
