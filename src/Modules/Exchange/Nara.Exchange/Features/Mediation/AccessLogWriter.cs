using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nara.Exchange.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Domain;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
using Nara.Notifications.Contracts;

namespace Nara.Exchange.Features.Mediation;

/// <summary>One access-log row, the event Audit records it from, and the subject's alert when they asked for one.</summary>
internal sealed record AccessLogItem(ExchangeRecord Record, DataExchanged Event, NotificationRequested? Alert);

/// <summary>
/// Writes the access log with group commit: concurrent exchanges share one transaction, and each waits until
/// its row and its outbox event are durable before the answer leaves (no data without evidence). The event's
/// outbox message id is the exchange id, so the Audit entry made from it can be found again.
/// </summary>
internal sealed class AccessLogWriter : IAsyncDisposable
{
    private readonly GroupCommit<AccessLogItem, bool> _commit;

    public AccessLogWriter(IServiceScopeFactory scopes, ILogger<AccessLogWriter> logger)
    {
        _commit = new GroupCommit<AccessLogItem, bool>(
            async items =>
            {
                await StoreAsync(scopes, items);
                return [.. items.Select(_ => true)];
            },
            async item =>
            {
                await StoreAsync(scopes, [item]);
                return true;
            },
            logger,
            name: "exchange.access-log");
    }

    public Task WriteAsync(AccessLogItem item) => _commit.EnqueueAsync(item, CancellationToken.None);

    public ValueTask DisposeAsync() => _commit.DisposeAsync();

    /// <summary>
    /// Multi-row INSERTs of the log rows and their outbox messages in one transaction (EF's change tracking had
    /// been most of the commit's cost); the commit wakes the outbox dispatcher as SaveChanges would.
    /// </summary>
    private static async Task StoreAsync(IServiceScopeFactory scopes, IReadOnlyList<AccessLogItem> items)
    {
        var records = new List<ExchangeRecord>(items.Count);
        var messages = new List<OutboxMessage>(items.Count);
        foreach (var item in items)
        {
            records.Add(item.Record);
            var message = OutboxMessage.Create(item.Event, item.Record.Time);
            message.Id = item.Record.Id;
            messages.Add(message);
            if (item.Alert is not null)
            {
                messages.Add(OutboxMessage.Create(item.Alert, item.Record.Time));
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await BulkInsert.InsertAsync(db, records, CancellationToken.None);
        await BulkInsert.InsertAsync(db, messages, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
