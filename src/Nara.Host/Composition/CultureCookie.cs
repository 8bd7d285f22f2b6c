using Microsoft.AspNetCore.Localization;

namespace Nara.Host.Composition;

/// <summary>
/// A language chosen with ?culture=xx is remembered in the culture cookie, so the switcher is a plain link
/// and works without JavaScript.
/// </summary>
internal sealed class CultureCookie(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<IRequestCultureFeature>();
        if (context.Request.Query.ContainsKey("culture") && feature?.Provider is QueryStringRequestCultureProvider)
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(feature.RequestCulture),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }

        return next(context);
    }
}
