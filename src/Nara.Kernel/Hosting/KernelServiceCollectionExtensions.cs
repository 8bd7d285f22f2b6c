using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
using Nara.Kernel.Http;
using Nara.Kernel.Modules;

namespace Nara.Kernel.Hosting;

public static class KernelServiceCollectionExtensions
{
    /// <summary>Everything a module may rely on: clock, data layer, outbox, problem details, health.</summary>
    public static IServiceCollection AddNaraKernel(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IModule> modules)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new ModuleCatalog(modules));
        services.AddNaraData(configuration);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddProblemDetails();
        services.AddExceptionHandler<NaraExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        foreach (var module in modules)
        {
            module.AddServices(services, configuration);
        }

        return services;
    }
}
