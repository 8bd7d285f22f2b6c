using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;
using Nara.Registries.Api.GovStack;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Features;
using Nara.Registries.Features.Records;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries;

/// <summary>
/// Base registries: residents, households, family relations, places, welfare records, licences,
/// businesses. The authoritative source other modules read through Nara.Registries.Contracts.
/// </summary>
public sealed class RegistriesModule : IModule
{
    public const string ModuleName = "Registries";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<RegistriesDbContext, RegistriesSqliteDbContext, RegistriesPostgresDbContext>(ModuleName);
        services.AddScoped<IResidentDirectory, ResidentDirectory>();
        services.AddScoped<IResidentContacts, ResidentContacts>();
        services.AddScoped<IHouseholdDirectory, HouseholdDirectory>();
        services.AddScoped<IBenefitFacts, BenefitFacts>();
        services.AddScoped<ICertificateRecords, CertificateRecordsReader>();
        services.AddScoped<IPopulationFacts, PopulationFacts>();
        services.AddScoped<SeedRegistries>();

        // Officials' registry browser
        services.AddScoped<ListRegistries>();
        services.AddScoped<SearchResidents>();
        services.AddScoped<ReadResidentRecord>();
        services.AddScoped<ReadHousehold>();
        services.AddScoped<BrowseDivisions>();

        // GovStack Digital Registries API
        services.AddSingleton<RegistryCatalogue>();
        services.AddScoped<RecordWriter>();
        services.AddScoped<ReadLog>();
        services.AddScoped<ListRecords>();
        services.AddScoped<ReadRecord>();
        services.AddScoped<RecordExists>();
        services.AddScoped<CreateRecord>();
        services.AddScoped<UpdateRecord>();
        services.AddScoped<UpdateEntries>();
        services.AddScoped<UpdateOrCreateRecord>();
        services.AddScoped<DeleteRecord>();
        services.AddScoped<MyPersonalDataUsage>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => GovStackEndpoints.Map(endpoints);

    public async Task SeedAsync(IServiceProvider services, SeedRequest request, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedRegistries>().RunAsync(request, cancellationToken);
    }
}
