using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Notifications.Api;
using Nara.Notifications.Channels;
using Nara.Notifications.Contracts;
using Nara.Notifications.Features.Inbox;
using Nara.Notifications.Features.Preferences;
using Nara.Notifications.Features.Push;
using Nara.Notifications.Preferences;
using Nara.Notifications.Push;

namespace Nara.Notifications;

/// <summary>
/// The citizen's side of Notifications, plugged into the module's two seams: the inbox and push channels
/// (<see cref="IDeliveryChannel"/>) and stored preferences (<see cref="IRecipientPreferences"/>), with
/// the inbox and settings pages and the push subscription API.
/// </summary>
internal static class CitizenSide
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Stored choices on top of the default plan, which stays the answer when nothing is stored.
        services.AddScoped<DefaultRecipientPreferences>();
        services.AddScoped<IRecipientPreferences, StoredRecipientPreferences>();

        services.AddScoped<IDeliveryChannel, InboxChannel>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<IInboxSummary>(sp => sp.GetRequiredService<InboxQueries>());
        services.AddScoped<OpenInboxItem>();
        services.AddScoped<ArchiveInboxItem>();

        services.AddScoped<LoadPreferences>();
        services.AddScoped<SavePreferences>();

        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.Section));
        services.AddSingleton<VapidKeys>();
        services.AddHttpClient(PushChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<IDeliveryChannel, PushChannel>();
        services.AddScoped<SubscribePushDevice>();
        services.AddScoped<RemovePushDevice>();
    }

    public static void MapEndpoints(IEndpointRouteBuilder endpoints) => PushSubscriptionEndpoints.Map(endpoints);
}
