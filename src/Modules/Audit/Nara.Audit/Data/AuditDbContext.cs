using Microsoft.EntityFrameworkCore;
using Nara.Audit.Domain;
using Nara.Kernel.Data;

namespace Nara.Audit.Data;

internal class AuditDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string EntriesTable = "audit_entries";
    public const string NodesTable = "audit_nodes";
    public const string HeadsTable = "audit_tree_heads";
    public const string KeysTable = "audit_signing_keys";

    public override string TablePrefix => "audit";

    public DbSet<AuditRecord> Entries => Set<AuditRecord>();

    public DbSet<AuditNode> Nodes => Set<AuditNode>();

    public DbSet<TreeHead> TreeHeads => Set<TreeHead>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AuditRecord>(b =>
        {
            b.ToTable(EntriesTable);
            b.HasKey(x => x.Index);
            b.Property(x => x.Index).ValueGeneratedNever();
            b.Ignore(x => x.Time);
            b.Property(x => x.ActorKind).HasMaxLength(20);
            b.Property(x => x.ActorId).HasMaxLength(200);
            b.Property(x => x.ActorAgency).HasMaxLength(200);
            b.Property(x => x.ActorRole).HasMaxLength(200);
            b.Property(x => x.Action).HasMaxLength(200);
            b.Property(x => x.SubjectType).HasMaxLength(200);
            b.Property(x => x.SubjectId).HasMaxLength(200);
            b.Property(x => x.Purpose).HasMaxLength(200);
            b.Property(x => x.Outcome).HasMaxLength(200);
            b.Property(x => x.CorrelationId).HasMaxLength(200);
            b.Property(x => x.Module).HasMaxLength(200);
            b.Property(x => x.Detail).HasMaxLength(4000);
            b.Property(x => x.MessageId).HasMaxLength(36);
            b.Property(x => x.LeafHash).HasMaxLength(32);
            b.HasIndex(x => x.MessageId).IsUnique();
            // The officials' search: by subject (the citizen's "who used my data"), actor, action, time.
            b.HasIndex(x => new { x.SubjectType, x.SubjectId, x.TimeMicros });
            b.HasIndex(x => new { x.ActorId, x.TimeMicros });
            b.HasIndex(x => new { x.Action, x.TimeMicros });
            b.HasIndex(x => x.TimeMicros);
        });
        modelBuilder.Entity<AuditNode>(b =>
        {
            b.ToTable(NodesTable);
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Hash).HasMaxLength(32);
        });
        modelBuilder.Entity<TreeHead>(b =>
        {
            b.ToTable(HeadsTable);
            b.HasKey(x => x.TreeSize);
            b.Property(x => x.TreeSize).ValueGeneratedNever();
            b.Property(x => x.RootHash).HasMaxLength(32);
            b.Property(x => x.Signature).HasMaxLength(132);
            b.Property(x => x.KeyId).HasMaxLength(64);
        });
        modelBuilder.Entity<SigningKeyRecord>(b =>
        {
            b.ToTable(KeysTable);
            b.HasKey(x => x.KeyId);
            b.Property(x => x.KeyId).HasMaxLength(64);
            b.Property(x => x.PublicKey).HasMaxLength(200);
            b.Property(x => x.PreviousKeyId).HasMaxLength(64);
            b.Property(x => x.Endorsement).HasMaxLength(132);
            // A key is replaced at most once: the history is a chain, never a fork.
            b.HasIndex(x => x.PreviousKeyId).IsUnique();
        });
    }
}

internal sealed class AuditSqliteDbContext(DbContextOptions<AuditSqliteDbContext> options) : AuditDbContext(options);

internal sealed class AuditPostgresDbContext(DbContextOptions<AuditPostgresDbContext> options) : AuditDbContext(options);
