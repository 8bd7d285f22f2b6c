using Nara.Kernel.Hosting;
using Nara.Kernel.Modules;

namespace Nara.Host.Composition;

/// <summary>Builds the web application: one place that says which services and middleware Nara runs.</summary>
internal static class NaraApp
{
    public static WebApplication Build(string[] args, IReadOnlyList<IModule> modules)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddNaraKernel(builder.Configuration, modules);
        builder.AddNaraTelemetry();
        builder.Services.AddNaraWeb(builder.Configuration, modules);
        builder.Services.AddOptions<SeedOptions>().Bind(builder.Configuration.GetSection("Nara:Seed"));
        builder.Services.AddHostedService<StartupTasks>();

        var app = builder.Build();
        app.UseNaraWeb(modules);
        return app;
    }
}
