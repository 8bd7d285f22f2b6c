using Microsoft.Extensions.Options;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Host.Composition;

/// <summary>Seeding options under <c>Nara:Seed</c>; a first start loads a small Korea so the portal has data.</summary>
internal sealed class SeedOptions
{
    public bool OnStart { get; set; } = true;

    public int Residents { get; set; } = 10_000;

    public int Seed { get; set; } = 20_251;
}

/// <summary>
/// Runs before the server accepts requests (hosted services start first): applies migrations and, on an
/// empty database, seeds the demo data. Runs in tests too, since WebApplicationFactory stops Main at Build().
/// </summary>
internal sealed class StartupTasks(
    IServiceProvider services,
    DatabaseMigrator migrator,
    ModuleCatalog catalog,
    IOptions<SeedOptions> seed,
    IConfiguration configuration,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Nara:Database:MigrateOnStart", true))
        {
            await migrator.MigrateAsync(cancellationToken);
        }

        if (seed.Value.OnStart)
        {
            var request = new SeedRequest(seed.Value.Residents, seed.Value.Seed, OnlyIfEmpty: true);
            foreach (var module in catalog.Modules)
            {
                await module.SeedAsync(services, request, cancellationToken);
            }

            logger.LogInformation("Demo data ready");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
