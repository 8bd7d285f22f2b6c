using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nara.Kernel.Data;

namespace Nara.Identity.Data;

// Used only by `dotnet ef migrations add`; no database is contacted.
internal sealed class IdentitySqliteDesignFactory : IDesignTimeDbContextFactory<IdentitySqliteDbContext>
{
    public IdentitySqliteDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<IdentitySqliteDbContext>();
        DataServiceCollectionExtensions.ConfigureProvider(builder, new DatabaseOptions { ConnectionString = "Data Source=design.db" }, IdentityModule.ModuleName);
        return new IdentitySqliteDbContext(builder.Options);
    }
}

internal sealed class IdentityPostgresDesignFactory : IDesignTimeDbContextFactory<IdentityPostgresDbContext>
{
    public IdentityPostgresDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<IdentityPostgresDbContext>();
        DataServiceCollectionExtensions.ConfigureProvider(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=nara_design" }, IdentityModule.ModuleName);
        return new IdentityPostgresDbContext(builder.Options);
    }
}
