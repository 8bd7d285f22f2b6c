using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nara.Kernel.Events;

namespace Nara.Kernel.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's DbContext. The module defines one subclass per provider so that each provider
    /// keeps its own migration set (<typeparamref name="TSqlite"/>, <typeparamref name="TPostgres"/>);
    /// the rest of the module only ever sees <typeparamref name="TContext"/>.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        services.AddSingleton(new ModuleDbContextRegistration(module, typeof(TContext)));
        services.AddScoped<TContext>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return options.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<TPostgres>()
                : sp.GetRequiredService<TSqlite>();
        });
        // Pooled: the options are built once and a request reuses a reset context, instead of configuring the
        // provider and EF's internal services again for every scope (measured: a large share of a cheap request).
        services.AddDbContextPool<TSqlite>((sp, o) => Configure<TSqlite>(sp, o, module));
        services.AddDbContextPool<TPostgres>((sp, o) => Configure<TPostgres>(sp, o, module));
        return services;
    }

    public static void ConfigureProvider(DbContextOptionsBuilder builder, DatabaseOptions options, string module)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var historyTable = $"{module.ToLowerInvariant()}_migrations";
        var connectionString = options.ResolveConnectionString();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(historyTable));
        }
        else
        {
            builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(historyTable));
            builder.AddInterceptors(new SqlitePragmas());
        }
    }

    public static IServiceCollection AddNaraData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }

    private static void Configure<T>(IServiceProvider sp, DbContextOptionsBuilder builder, string module)
    {
        var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        ConfigureProvider(builder, options, module);
        builder.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>());
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            builder.AddInterceptors(sp.GetRequiredService<SqliteWriteGate>());
        }
    }
}
