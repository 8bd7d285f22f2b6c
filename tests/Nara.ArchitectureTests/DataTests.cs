using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Testing;

namespace Nara.ArchitectureTests;

public sealed class DataTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private IEnumerable<ModuleDbContextRegistration> Registrations => factory.Services.GetServices<ModuleDbContextRegistration>();

    public static TheoryData<string> Providers => new() { "Sqlite", "Postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_model_change_has_a_migration_for_each_provider(string provider)
    {
        foreach (var registration in Registrations)
        {
            using var context = CreateProviderContext(registration, provider);
            Assert.False(
                context.Database.HasPendingModelChanges(),
                $"{registration.Module} has model changes without a {provider} migration: run scripts/add-migration.sh {registration.Module} <Name>");
            Assert.NotEmpty(context.Database.GetMigrations());
        }
    }

    [Fact]
    public void Every_table_carries_its_module_prefix()
    {
        foreach (var registration in Registrations)
        {
            using var scope = factory.Services.CreateScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            foreach (var entity in db.Model.GetEntityTypes())
            {
                var table = entity.GetTableName();
                Assert.True(table?.StartsWith(db.TablePrefix + "_", StringComparison.Ordinal) == true, $"{entity.Name} maps to {table}, not {db.TablePrefix}_*");
            }

            Assert.Equal(registration.Module.ToLowerInvariant(), db.TablePrefix);
        }
    }

    [Fact]
    public void Each_module_keeps_its_own_migration_history_table()
    {
        foreach (var registration in Registrations)
        {
            using var scope = factory.Services.CreateScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
            Assert.Contains(registration.Module.ToLowerInvariant() + "_migrations", history.GetCreateScript(), StringComparison.Ordinal);
        }
    }

    /// <summary>Builds the provider-specific subclass (…SqliteDbContext / …PostgresDbContext) without a server.</summary>
    private static DbContext CreateProviderContext(ModuleDbContextRegistration registration, string provider)
    {
        var type = registration.ContextType.Assembly.GetTypes()
            .Single(t => t.IsSubclassOf(registration.ContextType) && t.Name.EndsWith(provider + "DbContext", StringComparison.Ordinal));
        var builderType = typeof(DbContextOptionsBuilder<>).MakeGenericType(type);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(builderType)!;
        var options = provider == "Postgres"
            ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=unused" }
            : new DatabaseOptions { ConnectionString = "Data Source=unused.db" };
        DataServiceCollectionExtensions.ConfigureProvider(builder, options, registration.Module);
        return (DbContext)Activator.CreateInstance(type, builder.Options)!;
    }
}
