using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Testing;

namespace Nara.Kernel.Tests;

public sealed class SqliteDurabilityTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Every_module_database_connection_runs_in_WAL_mode_with_synchronous_FULL()
    {
        if (factory.Database.IsPostgres)
        {
            return; // durability settings of PostgreSQL belong to the server, not to Nara
        }

        foreach (var registration in factory.Services.GetServices<ModuleDbContextRegistration>())
        {
            using var scope = factory.Services.CreateScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            // 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA)
            Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous"));
            Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys"));
            Assert.StartsWith(factory.Database.Directory, connection.DataSource, StringComparison.Ordinal);
        }
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
