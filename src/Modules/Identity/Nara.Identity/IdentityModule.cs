using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nara.Identity.Api;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Features;
using Nara.Identity.Features.AgencyClients;
using Nara.Identity.Features.Oidc;
using Nara.Identity.Features.Enrolment;
using Nara.Identity.Features.Officials;
using Nara.Identity.Features.Passkeys;
using Nara.Identity.Features.Proofing;
using Nara.Identity.Features.Sessions;
using Nara.Identity.Features.Seeding;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;
using Nara.Kernel.Security;

namespace Nara.Identity;

/// <summary>
/// Accounts of citizens and officials with their roles per agency, passkey sign-in, enrolment through a
/// pluggable identity-proofing step, the agency clients that call Nara's APIs, and the OpenID Connect
/// provider (OpenIddict) for relying parties and agency systems.
/// </summary>
public sealed class IdentityModule : IModule
{
    public const string ModuleName = "Identity";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(ModuleName);
        services.Configure<NaraIdentityOptions>(configuration.GetSection(NaraIdentityOptions.Section));
        services.AddScoped<SignInWithDemoAccount>();
        services.AddHttpContextAccessor();
        // Cookies, anti-forgery tokens and the encrypted OIDC keys all depend on one key ring kept on disk.
        services.AddNaraDataProtection(configuration);

        // Sign-in: passkeys, with identity proofing (a one-time code to the contact on record) for enrolment and recovery.
        services.AddScoped<IContactOnRecord, MobileOnResidentRecord>();
        services.AddScoped<IIdentityProofing, OneTimeCodeProofing>();
        services.AddScoped<StartEnrolment>();
        services.AddScoped<CompleteEnrolment>();
        services.AddScoped<PasskeyRelyingParty>();
        services.AddScoped<Ceremonies>();
        services.AddScoped<RegisterPasskey>();
        services.AddScoped<SignInWithPasskey>();
        services.AddScoped<ListPasskeys>();
        services.AddScoped<RenamePasskey>();
        services.AddScoped<RemovePasskey>();
        services.AddScoped<StartSession>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SessionLimits>();
        services.AddSignInRateLimits(configuration);

        // Officials of an agency, managed by its administrators; pages of an agency are for its officials only.
        services.AddScoped<ListAgencyOfficials>();
        services.AddScoped<InviteOfficial>();
        services.AddScoped<ChangeOfficial>();
        services.AddSingleton<IAuthorizationHandler, AgencyScopeHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(NaraPolicies.SameAgency, p => p.AddRequirements(new AgencyScopeRequirement(null)))
            .AddPolicy(NaraPolicies.AgencyAdministrator, p => p.AddRequirements(new AgencyScopeRequirement(NaraRoles.Administrator)));

        // The host adds cookie authentication and the AgencyClient policy; agency systems sign in here.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AgencyApiKeyHandler>(NaraSchemes.AgencyApiKey, null)
            .AddPolicyScheme(NaraSchemes.Agency, "Agency systems", o => o.ForwardDefaultSelector = AgencyApiKeyHandler.SchemeFor)
            // Proving identity gives this ticket, good for registering a passkey in the next 10 minutes and nothing else.
            .AddCookie(EnrolmentTicket.Scheme, o =>
            {
                o.Cookie.Name = "nara.enrol";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
                o.SlidingExpiration = false;
                o.LoginPath = "/enrol";
                o.AccessDeniedPath = "/error/403";
            });
        services.AddScoped<RegisterAgencyClient>();
        services.AddScoped<ListAgencyClients>();
        services.AddScoped<RevokeAgencyClient>();
        services.AddSingleton<AgencyKeyCache>();
        services.AddScoped<IAgencyClientAdministration, AgencyClientAdministration>();
        services.AddScoped<ICitizenAccounts, CitizenAccountLookup>();

        services.AddOidcProvider(configuration);
        OidcClientsApi.AddPolicy(services.AddAuthorizationBuilder(), configuration["Nara:Identity:PlatformAgency"] ?? "MOIS");
        services.AddScoped<AuthorizeRelyingParty>();
        services.AddScoped<SeedDemoOidcClients>();

        services.AddScoped<SeedDemoAgencyClients>();
        services.AddScoped<SeedOfficialAccounts>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        OidcEndpoints.Map(endpoints);
        OidcClientsApi.Map(endpoints);
        PasskeyEndpoints.Map(endpoints);
    }

    public async Task SeedAsync(IServiceProvider services, SeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedDemoAgencyClients>().ExecuteAsync(request.OnlyIfEmpty, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SeedOfficialAccounts>().ExecuteAsync(request.OnlyIfEmpty, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SeedDemoOidcClients>().ExecuteAsync(request.OnlyIfEmpty, cancellationToken);
    }
}
