using Nara.Kernel.Data;

namespace Nara.Services.Data;

internal sealed class ServicesSqliteDesignFactory() : DesignTimeFactory<ServicesSqliteDbContext>(ServicesModule.ModuleName, DatabaseProvider.Sqlite);

internal sealed class ServicesPostgresDesignFactory() : DesignTimeFactory<ServicesPostgresDbContext>(ServicesModule.ModuleName, DatabaseProvider.Postgres);
