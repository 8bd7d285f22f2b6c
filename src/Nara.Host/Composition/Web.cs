using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Nara.Kernel.Localization;
using Nara.Kernel.Modules;
using Nara.Kernel.Security;
using Scalar.AspNetCore;

namespace Nara.Host.Composition;

internal static class Web
{
    public static IServiceCollection AddNaraWeb(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IModule> modules)
    {
        var mvc = services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Officials", NaraPolicies.Official);
        });
        // Page links are written in lower case (/officials/registries), whatever the folder names.
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        foreach (var module in modules.Where(m => m.HasPages))
        {
            mvc.AddApplicationPart(module.Assembly);
        }

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Bilingual.Korean);
            o.SupportedCultures = o.SupportedUICultures = [Bilingual.Korean, Bilingual.English];
            o.FallBackToParentCultures = o.FallBackToParentUICultures = true;
            o.ApplyCurrentCultureToResponseHeaders = true;
            // Query string first (links like ?culture=en), then the cookie the switcher sets, then the browser.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddAuthentication(NaraSchemes.Cookie)
            .AddCookie(NaraSchemes.Cookie, o =>
            {
                o.Cookie.Name = "nara.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/error/403";
                o.ExpireTimeSpan = TimeSpan.FromHours(1);
                o.SlidingExpiration = true;
                // Machine clients of /api get 401/403, not a redirect to a sign-in page they cannot use.
                o.Events.OnRedirectToLogin = c => AnswerApiOrRedirect(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => AnswerApiOrRedirect(c, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(NaraPolicies.Official, p => p.RequireClaim(NaraClaims.ActorKind, ActorKinds.Official))
            .AddPolicy(NaraPolicies.Citizen, p => p.RequireClaim(NaraClaims.ActorKind, ActorKinds.Citizen))
            .AddPolicy(NaraPolicies.RegistryViewer, p => p
                .RequireClaim(NaraClaims.ActorKind, ActorKinds.Official)
                .RequireClaim(NaraClaims.Role, NaraRoles.RegistryViewer))
            .AddPolicy(NaraPolicies.Auditor, p => p
                .RequireClaim(NaraClaims.ActorKind, ActorKinds.Official)
                .RequireClaim(NaraClaims.Role, NaraRoles.Auditor))
            .AddPolicy(NaraPolicies.AgencyClient, p => p
                .AddAuthenticationSchemes(NaraSchemes.Agency)
                .RequireClaim(NaraClaims.ActorKind, ActorKinds.AgencyClient));
        // Korean and other scripts are written as characters, not as &#x..; escapes.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // The same for JSON answers: Korean names arrive readable; <, >, & and quotes stay escaped.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddOpenApi();
        services.AddAntiforgery(o => o.Cookie.Name = "nara.af");
        return services;
    }

    public static WebApplication UseNaraWeb(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        app.UseExceptionHandler();
        // Before the status-code pages, so a re-executed error page keeps the reader's language.
        app.UseRequestLocalization();
        app.UseWhen(IsApi, a => a.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), a => a.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseMiddleware<CultureCookie>();
        app.UseRouting();
        // Modules add limiters (Identity: sign-in and enrolment posts per address); without any it lets all through.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Nara API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();

        // Every module endpoint and page that declares neither [Authorize] nor [AllowAnonymous] requires a
        // signed-in person: forgetting the attribute closes the door instead of opening it. (Not a fallback
        // policy: that would also send unknown addresses to the sign-in page instead of answering 404.)
        var moduleEndpoints = app.MapGroup("");
        foreach (var module in modules)
        {
            module.MapEndpoints(moduleEndpoints);
        }

        ((IEndpointConventionBuilder)moduleEndpoints).Finally(SignedInByDefault);
        ((IEndpointConventionBuilder)app.MapRazorPages()).Finally(SignedInByDefault);
        return app;
    }

    private static void SignedInByDefault(EndpointBuilder endpoint)
    {
        var declared = endpoint.Metadata.Any(m => m is IAllowAnonymous or IAuthorizeData or AuthorizationPolicy);
        if (!declared)
        {
            endpoint.Metadata.Add(new AuthorizeAttribute());
        }
    }

    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // A policy with several schemes challenges each: if another one (an agency API key) has already
        // answered, setting a status now would throw and abort the response.
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/govstack"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Machine clients get problem details; people get a page in their language.</summary>
    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        || context.Request.Path.StartsWithSegments("/govstack")
        || context.Request.Path.StartsWithSegments("/r1")
        || context.Request.Path.StartsWithSegments("/connect")
        || context.Request.Path.StartsWithSegments("/openapi");
}
