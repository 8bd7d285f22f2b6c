using Nara.Kernel.Data;

namespace Nara.Registries.Data;

internal sealed class RegistriesSqliteDesignFactory() : DesignTimeFactory<RegistriesSqliteDbContext>(RegistriesModule.ModuleName, DatabaseProvider.Sqlite);

internal sealed class RegistriesPostgresDesignFactory() : DesignTimeFactory<RegistriesPostgresDbContext>(RegistriesModule.ModuleName, DatabaseProvider.Postgres);
