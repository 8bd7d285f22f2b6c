using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;
using Nara.Notifications.Data;
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
        services.AddScoped<IRecipientPreferences, DefaultRecipientPreferences>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
