using Nara.Kernel.Hosting;
using Nara.Kernel.Modules;

namespace Nara.Host.Composition;

/// <summary>Builds the web application: one place that says which services and middleware Nara runs.</summary>
internal static class NaraApp
{
    public static WebApplication Build(string[] args, IReadOnlyList<IModule> modules)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Registered first so it finishes (migrations, seed) before any module's background job starts:
        // hosted services start one after another in registration order.
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddNaraKernel(builder.Configuration, modules);
        builder.AddNaraTelemetry();
        builder.Services.AddNaraWeb(builder.Configuration, modules);
        builder.Services.AddOptions<SeedOptions>().Bind(builder.Configuration.GetSection("Nara:Seed"));

        var app = builder.Build();
        app.UseNaraWeb(modules);
        return app;
    }
}
