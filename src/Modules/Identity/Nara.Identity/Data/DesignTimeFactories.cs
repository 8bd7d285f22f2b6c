using Nara.Kernel.Data;

namespace Nara.Identity.Data;

internal sealed class IdentitySqliteDesignFactory() : DesignTimeFactory<IdentitySqliteDbContext>(IdentityModule.ModuleName, DatabaseProvider.Sqlite);

internal sealed class IdentityPostgresDesignFactory() : DesignTimeFactory<IdentityPostgresDbContext>(IdentityModule.ModuleName, DatabaseProvider.Postgres);
