using Microsoft.Extensions.DependencyInjection;
using Nara.Notifications.Contracts;
using Nara.Notifications.Preferences;
using Nara.Testing;

namespace Nara.Notifications.Tests;

public class SkeletonTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Without_stored_preferences_an_account_with_email_gets_inbox_and_email_in_Korean()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var preferences = scope.ServiceProvider.GetRequiredService<IRecipientPreferences>();

        var plan = await preferences.PlanAsync(new NotificationRecipient(Guid.NewGuid(), Email: "a@example.kr"), NotificationKinds.General, null, CancellationToken.None);

        Assert.Equal([NotificationChannels.Inbox, NotificationChannels.Email], plan.Channels);
        Assert.Equal("ko", plan.Language);
        Assert.Null(plan.NotBefore);
    }
}
