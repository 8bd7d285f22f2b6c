using Nara.Kernel.Data;

namespace Nara.Audit.Data;

internal sealed class AuditSqliteDesignFactory() : DesignTimeFactory<AuditSqliteDbContext>(AuditModule.ModuleName, DatabaseProvider.Sqlite);

internal sealed class AuditPostgresDesignFactory() : DesignTimeFactory<AuditPostgresDbContext>(AuditModule.ModuleName, DatabaseProvider.Postgres);
