using Nara.Kernel.Data;

namespace Nara.Notifications.Data;

internal sealed class NotificationsSqliteDesignFactory() : DesignTimeFactory<NotificationsSqliteDbContext>(NotificationsModule.ModuleName, DatabaseProvider.Sqlite);

internal sealed class NotificationsPostgresDesignFactory() : DesignTimeFactory<NotificationsPostgresDbContext>(NotificationsModule.ModuleName, DatabaseProvider.Postgres);
