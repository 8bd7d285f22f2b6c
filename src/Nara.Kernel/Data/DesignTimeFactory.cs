using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nara.Kernel.Data;

/// <summary>
/// What `dotnet ef migrations add` uses to build a module's provider-specific context; no database is
/// contacted. A module declares one subclass per provider (see scripts/add-migration.sh).
/// </summary>
public abstract class DesignTimeFactory<TContext>(string module, DatabaseProvider provider) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        var options = provider == DatabaseProvider.Postgres
            ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=nara_design" }
            : new DatabaseOptions { ConnectionString = "Data Source=design.db" };
        DataServiceCollectionExtensions.ConfigureProvider(builder, options, module);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}
