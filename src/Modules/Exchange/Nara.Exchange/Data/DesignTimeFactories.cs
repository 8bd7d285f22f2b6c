using Nara.Kernel.Data;

namespace Nara.Exchange.Data;

internal sealed class ExchangeSqliteDesignFactory() : DesignTimeFactory<ExchangeSqliteDbContext>(ExchangeModule.ModuleName, DatabaseProvider.Sqlite);

internal sealed class ExchangePostgresDesignFactory() : DesignTimeFactory<ExchangePostgresDbContext>(ExchangeModule.ModuleName, DatabaseProvider.Postgres);
