using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Testing;

namespace Nara.Kernel.Tests;

/// <summary>A host whose outbox is delivered only when a test drains it, with the test's own handlers registered.</summary>
public abstract class ManualOutboxFactory : NaraFactory
{
    protected ManualOutboxFactory()
    {
        Residents = 0;
        With("Nara:Outbox:DispatchInBackground", "false");
    }

    /// <summary>Any module's context: the outbox table is the same in every module.</summary>
    public static ModuleDbContext AnyModuleDb(IServiceScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var registration = scope.ServiceProvider.GetServices<ModuleDbContextRegistration>().First();
        return (ModuleDbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
    }

    protected abstract void AddHandlers(IServiceCollection services);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(AddHandlers);
    }
}
