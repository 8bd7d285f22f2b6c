using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;
using Nara.Services.Api;
using Nara.Services.Contracts;
using Nara.Services.Data;
using Nara.Services.Features;

namespace Nara.Services;

/// <summary>
/// The Gov24-style catalogue, one-stop applications prefilled from registries, bundles across
/// agencies, case work with approval lines, and the GovStack Registration API.
/// </summary>
public sealed class ServicesModule : IModule
{
    public const string ModuleName = "Services";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ServicesDbContext, ServicesSqliteDbContext, ServicesPostgresDbContext>(ModuleName);

        // Catalogue: loaded once from the embedded data files; a bad file fails the start.
        services.AddSingleton<ServiceCatalogue>();
        services.AddSingleton<IServiceCatalogue>(sp => sp.GetRequiredService<ServiceCatalogue>());
        services.AddSingleton<SearchServices>();
        services.AddSingleton<FindServices>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        CatalogueEndpoints.Map(endpoints);
        GovStackCatalogueEndpoints.Map(endpoints);
    }

    public Task SeedAsync(IServiceProvider services, SeedRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
