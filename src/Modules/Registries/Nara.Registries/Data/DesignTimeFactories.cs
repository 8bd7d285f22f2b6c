using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nara.Kernel.Data;

namespace Nara.Registries.Data;

// Used only by `dotnet ef migrations add`; no database is contacted.
internal sealed class RegistriesSqliteDesignFactory : IDesignTimeDbContextFactory<RegistriesSqliteDbContext>
{
    public RegistriesSqliteDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<RegistriesSqliteDbContext>();
        DataServiceCollectionExtensions.ConfigureProvider(builder, new DatabaseOptions { ConnectionString = "Data Source=design.db" }, RegistriesModule.ModuleName);
        return new RegistriesSqliteDbContext(builder.Options);
    }
}

internal sealed class RegistriesPostgresDesignFactory : IDesignTimeDbContextFactory<RegistriesPostgresDbContext>
{
    public RegistriesPostgresDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<RegistriesPostgresDbContext>();
        DataServiceCollectionExtensions.ConfigureProvider(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=nara_design" }, RegistriesModule.ModuleName);
        return new RegistriesPostgresDbContext(builder.Options);
    }
}
