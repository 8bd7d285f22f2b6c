using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Features;
using Nara.Identity.Api;
using Nara.Identity.Features.AgencyClients;
using Nara.Identity.Features.Oidc;
using Nara.Identity.Features.Seeding;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;
using Nara.Kernel.Security;

namespace Nara.Identity;

/// <summary>
/// Accounts of citizens and officials with their roles per agency, the agency clients that call Nara's APIs,
/// and the OpenID Connect provider (OpenIddict) for relying parties and agency systems.
/// </summary>
public sealed class IdentityModule : IModule
{
    public const string ModuleName = "Identity";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(ModuleName);
        services.AddScoped<SignInWithDemoAccount>();

        // The host adds cookie authentication and the AgencyClient policy; agency systems sign in here.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AgencyApiKeyHandler>(NaraSchemes.AgencyApiKey, null)
            .AddPolicyScheme(NaraSchemes.Agency, "Agency systems", o => o.ForwardDefaultSelector = AgencyApiKeyHandler.SchemeFor);
        services.AddScoped<RegisterAgencyClient>();
        services.AddScoped<ListAgencyClients>();
        services.AddScoped<RevokeAgencyClient>();
        services.AddScoped<IAgencyClientAdministration, AgencyClientAdministration>();

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
