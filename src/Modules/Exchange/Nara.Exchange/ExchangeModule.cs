using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Exchange.Api;
using Nara.Exchange.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Features;
using Nara.Exchange.Features.Administration;
using Nara.Exchange.Features.Mediation;
using Nara.Exchange.Providers;
using Nara.Exchange.Signing;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;
using Nara.Registries.Contracts;

namespace Nara.Exchange;

/// <summary>
/// The information mediator between members (X-Road-style REST at /r1/…): access rights per service, consent
/// checked through Consent before any provider is called, signed answers bound to the request hash, and an access
/// log every data subject sees at /my/data/access (with Audit's inclusion proof).
/// </summary>
public sealed class ExchangeModule : IModule
{
    public const string ModuleName = "Exchange";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ExchangeDbContext, ExchangeSqliteDbContext, ExchangePostgresDbContext>(ModuleName);
        services.AddOptions<ExchangeOptions>().Bind(configuration.GetSection(ExchangeOptions.Section));
        services.AddSingleton<ExchangeSigningKey>();
        services.AddSingleton<ResponseSigner>();
        services.AddSingleton<ExchangeDirectory>();
        services.AddSingleton<AlertSubscribers>();
        services.AddSingleton<AccessLogWriter>();
        services.AddHttpClient(HttpProvider.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);

        // The mediator.
        services.AddScoped<IExchangeProvider, ResidentRegistrationProvider>();
        services.AddScoped<IExchangeProvider, HouseholdProvider>();
        services.AddScoped<IExchangeProvider, HttpProvider>();
        foreach (var kind in CertificateRecordsProvider.AllKinds)
        {
            services.AddScoped<IExchangeProvider>(sp => new CertificateRecordsProvider(kind, sp.GetRequiredService<ICertificateRecords>()));
        }

        services.AddScoped<AccessLog>();
        services.AddScoped<Mediate>();
        services.AddScoped<IExchangeClient, ExchangeClient>();

        // Administration.
        services.AddScoped<ExchangeCatalogue>();
        services.AddScoped<SaveMember>();
        services.AddScoped<SaveSubsystem>();
        services.AddScoped<SaveService>();
        services.AddScoped<GrantAccess>();
        services.AddScoped<RevokeAccess>();
        services.AddScoped<SeedExchangeDemo>();

        // The data subject.
        services.AddScoped<MyDataAccess>();
        services.AddScoped<SetAccessAlerts>();
        ManagementEndpoints.AddPolicies(services.AddAuthorizationBuilder());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        MediatorEndpoint.Map(endpoints);
        ManagementEndpoints.Map(endpoints);
    }

    public async Task SeedAsync(IServiceProvider services, SeedRequest request, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedExchangeDemo>().ExecuteAsync(cancellationToken);
    }
}
