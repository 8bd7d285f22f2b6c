using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Events;

namespace Nara.Kernel.Data;

/// <summary>
/// Base of every module's DbContext: carries the module's outbox and inbox so that an integration event
/// is stored in the same transaction as the change that raised it.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Lower-case module name; every table of the module starts with it.</summary>
    public abstract string TablePrefix { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Queues an integration event; it is written by the next SaveChanges, with the change.</summary>
    public void Publish<TEvent>(TEvent integrationEvent, DateTimeOffset occurredAt)
        where TEvent : IIntegrationEvent
        => OutboxMessages.Add(OutboxMessage.Create(integrationEvent, occurredAt));

    /// <summary>
    /// Records that a handler has processed a message. Returns false when it already had, so an
    /// at-least-once delivery becomes an exactly-once effect when the handler saves in the same transaction.
    /// </summary>
    public async Task<bool> MarkProcessedAsync(Guid messageId, string handler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = await InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Handler == handler, cancellationToken);
        if (seen)
        {
            return false;
        }

        InboxMessages.Add(new InboxMessage { MessageId = messageId, Handler = handler, ProcessedAt = now });
        return true;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>().HaveMaxLength(28);
        }

        base.ConfigureConventions(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable($"{TablePrefix}_outbox");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(300);
            b.HasIndex(m => new { m.DispatchedAt, m.NextAttemptAt });
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable($"{TablePrefix}_inbox");
            b.HasKey(m => new { m.MessageId, m.Handler });
            b.Property(m => m.Handler).HasMaxLength(200);
        });
        base.OnModelCreating(modelBuilder);
    }
}
