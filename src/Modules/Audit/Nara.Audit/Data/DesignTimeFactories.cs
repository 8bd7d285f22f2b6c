using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nara.Kernel.Data;

namespace Nara.Audit.Data;

// Used only by `dotnet ef migrations add`; no database is contacted.
internal sealed class AuditSqliteDesignFactory : IDesignTimeDbContextFactory<AuditSqliteDbContext>
{
    public AuditSqliteDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AuditSqliteDbContext>();
        DataServiceCollectionExtensions.ConfigureProvider(builder, new DatabaseOptions { ConnectionString = "Data Source=design.db" }, AuditModule.ModuleName);
        return new AuditSqliteDbContext(builder.Options);
    }
}

internal sealed class AuditPostgresDesignFactory : IDesignTimeDbContextFactory<AuditPostgresDbContext>
{
    public AuditPostgresDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AuditPostgresDbContext>();
        DataServiceCollectionExtensions.ConfigureProvider(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=nara_design" }, AuditModule.ModuleName);
        return new AuditPostgresDbContext(builder.Options);
    }
}
