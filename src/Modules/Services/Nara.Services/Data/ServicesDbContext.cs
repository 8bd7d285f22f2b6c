using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Data;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Data;

/// <summary>Applications, cases and their history. The catalogue itself is data files, not tables.</summary>
internal class ServicesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string TablePrefix => "services";

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();

    public DbSet<StoredDocument> Documents => Set<StoredDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ServicesDbContext).Assembly);
    }
}

internal sealed class ServicesSqliteDbContext(DbContextOptions<ServicesSqliteDbContext> options) : ServicesDbContext(options);

internal sealed class ServicesPostgresDbContext(DbContextOptions<ServicesPostgresDbContext> options) : ServicesDbContext(options);
