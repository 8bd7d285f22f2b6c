using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Nara.Testing;

/// <summary>
/// The whole Nara host on a real, throwaway database. By default it seeds a small synthetic population
/// (deterministic seed) and the demo personas, as a first start would. Use one per test class
/// (IClassFixture) and create what a test needs through the public surface.
/// </summary>
public class NaraFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new();

    public NaraFactory()
    {
        Database = TestDatabase.Create();
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.Zero));
        Residents = 1_500;
    }

    public TestDatabase Database { get; }

    /// <summary>Frozen at 2026-03-02 09:30 Korean time unless a test moves it.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Synthetic residents seeded at start (0 = registries left empty but for personas).</summary>
    public int Residents { get; set; }

    /// <summary>Overrides a configuration value (e.g. "Nara:Seed:OnStart") before the host starts.</summary>
    public NaraFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public Task InitializeAsync()
    {
        _ = Server; // start the host: migrations and seeding run here, not inside the first test
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Nara:Database:Provider", Database.Provider);
        builder.UseSetting("Nara:Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Nara:Database:DataDirectory", Database.Directory);
        builder.UseSetting("Nara:Seed:OnStart", "true");
        builder.UseSetting("Nara:Seed:Residents", Residents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Nara:Identity:DemoSignIn", "true");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
