using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nara.Kernel.Modules;
using Nara.Kernel.Time;
using Nara.Registries.Data;
using Nara.Registries.Data.Bulk;
using Nara.Registries.Data.Seed.Generation;
using Npgsql;

namespace Nara.Registries.Features;

/// <summary>
/// Replaces the registries with a generated synthetic Korea plus the demo personas, in one transaction.
/// Generation runs on its own thread and hands whole households to the writer in chunks, so the two cores
/// generate and write at the same time and memory stays flat whatever the population size.
/// </summary>
internal sealed class SeedRegistries(RegistriesDbContext db, TimeProvider clock, ILogger<SeedRegistries> logger)
{
    private const int ResidentsPerChunk = 20_000;

    public async Task RunAsync(SeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.OnlyIfEmpty && await db.Residents.AnyAsync(cancellationToken))
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var today = KoreaTime.Today(clock);
        var catalog = DivisionCatalog.Load();
        var ids = new Identifiers();
        var personas = new DemoPersonaSet(catalog, today, ids).BuildAndReserve();
        var generator = new PopulationGenerator(catalog, request.Seed, today, ids);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var writer = CreateWriter();
            await writer.BeginAsync(RegistryTables.ChildrenFirst, cancellationToken);
            request.Progress?.Report(new SeedProgress("divisions", 0, 1));
            await writer.WriteAsync(RegistryTables.Divisions, catalog.Divisions, cancellationToken);
            await writer.WriteAsync(RegistryTables.Agencies, catalog.Agencies, cancellationToken);
            request.Progress?.Report(new SeedProgress("divisions", 1, 1));
            await WritePopulationAsync(writer, generator, request, cancellationToken);
            request.Progress?.Report(new SeedProgress("personas", 0, 1));
            await RegistryTables.WriteChunkAsync(writer, personas, cancellationToken);
            request.Progress?.Report(new SeedProgress("personas", 1, 1));
            request.Progress?.Report(new SeedProgress("commit", 0, 1));
            await writer.CommitAsync(RegistryTables.WithIdentity, cancellationToken);
            request.Progress?.Report(new SeedProgress("commit", 1, 1));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        logger.LogInformation("Seeded {Residents} residents and {Personas} demo personas (seed {Seed}) in {Seconds:F1} s",
            request.Residents, personas.Residents.Count, request.Seed, stopwatch.Elapsed.TotalSeconds);
    }

    private IRegistryBulkWriter CreateWriter() => db.Database.GetDbConnection() switch
    {
        SqliteConnection sqlite => new SqliteBulkWriter(sqlite),
        NpgsqlConnection postgres => new PostgresBulkWriter(postgres),
        var other => throw new NotSupportedException($"No bulk writer for {other.GetType().Name}."),
    };

    private static async Task WritePopulationAsync(IRegistryBulkWriter writer, PopulationGenerator generator, SeedRequest request, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<PopulationChunk>(new BoundedChannelOptions(3) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var chunk in generator.Generate(request.Residents, ResidentsPerChunk))
                    {
                        await channel.Writer.WriteAsync(chunk, stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            },
            CancellationToken.None);

        long done = 0;
        try
        {
            request.Progress?.Report(new SeedProgress("residents", 0, request.Residents));
            await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken))
            {
                await RegistryTables.WriteChunkAsync(writer, chunk, cancellationToken);
                done += chunk.Residents.Count;
                request.Progress?.Report(new SeedProgress("residents", done, request.Residents));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }
}
