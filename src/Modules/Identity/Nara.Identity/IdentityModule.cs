using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Data;
using Nara.Identity.Features;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Identity;

/// <summary>
/// Accounts of citizens and officials with their roles per agency, and the agency clients that call
/// Nara's APIs. Passkeys and the OpenID Connect provider arrive with the Identity issue.
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
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public Task SeedAsync(IServiceProvider services, SeedRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
