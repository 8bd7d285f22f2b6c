using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Testing;

namespace Nara.Notifications.Tests;

/// <summary>Modules ask for notifications by publishing NotificationRequested from their outbox; these go through the real outbox.</summary>
public class ModuleEventTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.Catcher.StartAsync();

    public Task DisposeAsync() => factory.Catcher.StopAsync();

    private async Task PublishAsync(params NotificationRequested[] events)
    {
        // Any module's outbox would do; the Notifications context is the one this project can write to.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        foreach (var e in events)
        {
            db.Publish(e, factory.Clock.GetUtcNow());
        }

        await db.SaveChangesAsync();
    }

    private static NotificationRequested Request(string to, string key, string templateId = "govstack.email") => new(
        templateId,
        new NotificationRecipient(Email: to),
        new Dictionary<string, string> { ["title"] = "접수 안내", ["content"] = "신청이 접수되었습니다." },
        NotificationKinds.CaseUpdates,
        key);

    [Fact]
    public async Task A_NotificationRequested_event_published_twice_with_one_key_is_delivered_once()
    {
        await PublishAsync(Request("event-twice@example.kr", "case-123-received"), Request("event-twice@example.kr", "case-123-received"));

        await factory.DrainOutboxAsync();
        await factory.DispatchAllAsync();

        Assert.Equal(1, await factory.InDbAsync(db => db.Messages.CountAsync(m => m.To == "event-twice@example.kr")));
        var mail = Assert.Single(factory.Catcher.Messages, m => m.To.Mailboxes.Any(a => a.Address == "event-twice@example.kr"));
        Assert.Equal("접수 안내", mail.Subject);
        var message = await factory.InDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.To == "event-twice@example.kr"));
        Assert.Equal("delivered", message.Status);
        Assert.Equal(NotificationKinds.CaseUpdates, message.Kind);
    }

    [Fact]
    public async Task A_NotificationRequested_event_for_an_unknown_template_queues_nothing()
    {
        await PublishAsync(Request("event-unknown@example.kr", "case-124-received", "nhis.no-such-template"));

        await factory.DrainOutboxAsync();

        Assert.Equal(0, await factory.InDbAsync(db => db.Messages.CountAsync(m => m.To == "event-unknown@example.kr")));
    }

    [Fact]
    public async Task A_module_sending_through_INotificationSender_gets_the_message_ids_and_a_duplicate_flag_on_repeat()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<INotificationSender>();

        var first = await sender.SendAsync(Request("sender@example.kr", "sender-key"), CancellationToken.None);
        var again = await sender.SendAsync(Request("sender@example.kr", "sender-key"), CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.MessageIds, again.MessageIds);
    }
}
