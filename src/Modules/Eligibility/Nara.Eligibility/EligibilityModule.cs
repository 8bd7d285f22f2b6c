using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Eligibility.Api;
using Nara.Eligibility.Contracts;
using Nara.Eligibility.Data;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;
using Nara.Eligibility.Rules;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
using Nara.Kernel.Modules;
using Nara.Registries.Contracts;
using Nara.Services.Contracts;

namespace Nara.Eligibility;

/// <summary>
/// Rules as code: the Nara demo benefit rules, an OpenFisca-compatible Web API, and "Benefits for
/// you" for signed-in citizens, evaluated on registry data.
/// </summary>
public sealed class EligibilityModule : IModule
{
    public const string ModuleName = "Eligibility";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // The law as code: built once (parameters read from embedded data), immutable, shared.
        services.AddSingleton(_ => NaraRules.Create());

        // Citizens: "Benefits for you", evaluated on the household's registry data.
        services.AddScoped<FindBenefits>();
        services.AddScoped<IBenefitFinder>(sp => sp.GetRequiredService<FindBenefits>());
        services.AddScoped<SetProactiveMatching>();

        // Whole-population proactive matching: nightly and on registry changes (incremental), and `nara eligibility run`.
        services.AddModuleDbContext<EligibilityDbContext, EligibilitySqliteDbContext, EligibilityPostgresDbContext>(ModuleName);
        services.AddScoped<RunMatching>();
        services.AddScoped<RunHistory>();
        services.AddScoped<WhatIf>();
        services.AddIntegrationEventHandler<RegistryRecordChanged, QueueRegistryChange>();
        services.AddIntegrationEventHandler<ApplicationDecided, RecordBenefitGrant>();
        services.AddSingleton<MatchingScheduler>();
        if (configuration.GetValue("Nara:Eligibility:Schedule", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<MatchingScheduler>());
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        OpenFiscaEndpoints.Map(endpoints);
        WhatIfEndpoints.Map(endpoints);
    }
}
