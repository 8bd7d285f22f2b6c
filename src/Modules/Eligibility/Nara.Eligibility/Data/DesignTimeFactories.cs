using Nara.Kernel.Data;

namespace Nara.Eligibility.Data;

internal sealed class EligibilitySqliteDesignFactory() : DesignTimeFactory<EligibilitySqliteDbContext>(EligibilityModule.ModuleName, DatabaseProvider.Sqlite);

internal sealed class EligibilityPostgresDesignFactory() : DesignTimeFactory<EligibilityPostgresDbContext>(EligibilityModule.ModuleName, DatabaseProvider.Postgres);
