using Nara.Kernel.Data;

namespace Nara.Consent.Data;

internal sealed class ConsentSqliteDesignFactory() : DesignTimeFactory<ConsentSqliteDbContext>(ConsentModule.ModuleName, DatabaseProvider.Sqlite);

internal sealed class ConsentPostgresDesignFactory() : DesignTimeFactory<ConsentPostgresDbContext>(ConsentModule.ModuleName, DatabaseProvider.Postgres);
