using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
using Nara.Kernel.Modules;
using Nara.Notifications.Api;
using Nara.Notifications.Channels;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Features;
using Nara.Notifications.Preferences;

namespace Nara.Notifications;

/// <summary>
/// One dependable sending service: templates, channels (inbox, email over SMTP, SMS gateway, push),
/// recipients' preferences, a dispatcher that claims messages from its own table, delivery tracking,
/// callbacks, rate limits, and the GovStack Messaging API.
/// </summary>
public sealed class NotificationsModule : IModule
{
    public const string ModuleName = "Notifications";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<NotificationsDbContext, NotificationsSqliteDbContext, NotificationsPostgresDbContext>(ModuleName);
        services.AddOptions<NotificationsOptions>().Bind(configuration.GetSection(NotificationsOptions.Section));
        NotificationPolicies.Add(services);

        // Recipients and channels: the seams the citizen side (preferences, inbox, push) plugs into.
        CitizenSide.AddServices(services, configuration);
        services.AddSingleton<SmtpConnections>();
        services.AddSingleton<ISmsGateway, FileSmsGateway>();
        services.AddScoped<IDeliveryChannel, EmailChannel>();
        services.AddScoped<IDeliveryChannel, SmsChannel>();

        // Sending.
        services.AddSingleton<ClientPolicies>();
        services.AddSingleton<DispatchSignal>();
        services.AddScoped<TemplateStore>();
        services.AddSingleton<LatestTemplates>();
        services.AddScoped<ListTemplates>();
        services.AddScoped<ComposeMessages>();
        services.AddSingleton<AcceptPipeline>();
        services.AddScoped<AcceptSend>();
        services.AddScoped<SendNotification>();
        services.AddScoped<INotificationSender>(sp => sp.GetRequiredService<SendNotification>());
        services.AddScoped<SendBulk>();
        services.AddScoped<QueryStatus>();
        services.AddScoped<SaveTemplate>();
        services.AddScoped<SeedTemplates>();
        services.AddIntegrationEventHandler<NotificationRequested, HandleNotificationRequested>();

        // Dispatching and tracking.
        services.AddScoped<ClaimMessages>();
        services.AddScoped<RecordOutcome>();
        services.AddSingleton<OutcomePipeline>();
        services.AddSingleton<DispatchMessages>();
        services.AddHostedService<MessageDispatcher>();
        services.AddHttpClient(DeliverCallback.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddIntegrationEventHandler<NotificationCompleted, DeliverCallback>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SendEndpoints.Map(endpoints);
        TemplateEndpoints.Map(endpoints);
        ClientSettingsEndpoints.Map(endpoints);
        GovStackMessagingEndpoints.Map(endpoints);
        CitizenSide.MapEndpoints(endpoints);
    }

    public async Task SeedAsync(IServiceProvider services, SeedRequest request, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedTemplates>().ExecuteAsync(cancellationToken);
    }
}
