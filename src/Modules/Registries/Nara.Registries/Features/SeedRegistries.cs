using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nara.Kernel.Modules;
using Nara.Kernel.Time;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Domain;
using Nara.Registries.Data.Bulk;
using Nara.Registries.Data.Seed.Generation;
using Npgsql;

namespace Nara.Registries.Features;

/// <summary>
/// Replaces the registries with a generated synthetic Korea plus the demo personas, in one transaction.
/// Chunks of whole households are generated in parallel a few ahead of the writer, then stitched and written in
/// chunk order, so every core works, the same seed gives the same rows, and memory stays flat whatever the size.
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

        var loaded = TimeSpan.Zero;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var writer = CreateWriter();
            await writer.BeginAsync(RegistryTables.ChildrenFirst, cancellationToken);
            request.Progress?.Report(new SeedProgress("divisions", 0, 1));
            await writer.WriteAsync(RegistryTables.Divisions, catalog.Divisions, cancellationToken);
            await writer.WriteAsync(RegistryTables.Agencies, catalog.Agencies, cancellationToken);
            request.Progress?.Report(new SeedProgress("divisions", 1, 1));
            await WritePopulationAsync(writer, catalog, today, ids, request, cancellationToken);
            request.Progress?.Report(new SeedProgress("personas", 0, 1));
            await RegistryTables.WriteChunkAsync(writer, personas, cancellationToken);
            request.Progress?.Report(new SeedProgress("personas", 1, 1));
            loaded = stopwatch.Elapsed;
            request.Progress?.Report(new SeedProgress("commit", 0, 1));
            await writer.CommitAsync(RegistryTables.WithIdentity, cancellationToken);
            request.Progress?.Report(new SeedProgress("commit", 1, 1));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        await SeedPersonaContactsAsync(personas, cancellationToken);
        logger.LogInformation("Seeded {Residents} residents and {Personas} demo personas (seed {Seed}) in {Seconds:F1} s ({Load:F1} s generating and loading, {Commit:F1} s indexing and committing)",
            request.Residents, personas.Residents.Count, request.Seed, stopwatch.Elapsed.TotalSeconds, loaded.TotalSeconds, (stopwatch.Elapsed - loaded).TotalSeconds);
    }

    /// <summary>
    /// Only the personas have contacts (so enrolment codes and notices reach the demo SMS outbox and
    /// mail catcher). Replaced wholesale, like the rest of the seed; run again after a failure, it repairs itself.
    /// </summary>
    private async Task SeedPersonaContactsAsync(PopulationChunk personas, CancellationToken ct)
    {
        await db.Contacts.ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow();
        var byNumber = personas.Residents.ToDictionary(r => r.ResidentNumber, r => r.Id, StringComparer.Ordinal);
        db.Contacts.AddRange(DemoPersonas.All
            .Select((p, i) => (Persona: p, Index: i))
            .Where(x => byNumber.ContainsKey(x.Persona.ResidentNumber))
            .Select(x => new ResidentContact
            {
                ResidentId = byNumber[x.Persona.ResidentNumber],
                MobilePhone = DemoContacts.Mobile(x.Index),
                Email = DemoContacts.Email(x.Persona),
                UpdatedAt = now,
            }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private IRegistryBulkWriter CreateWriter() => db.Database.GetDbConnection() switch
    {
        SqliteConnection sqlite => new SqliteBulkWriter(sqlite),
        NpgsqlConnection postgres => new PostgresBulkWriter(postgres),
        var other => throw new NotSupportedException($"No bulk writer for {other.GetType().Name}."),
    };

    private static async Task WritePopulationAsync(
        IRegistryBulkWriter writer, DivisionCatalog catalog, DateOnly today, Identifiers ids, SeedRequest request, CancellationToken cancellationToken)
    {
        var chunks = (int)((request.Residents + (long)ResidentsPerChunk - 1) / ResidentsPerChunk);
        var ahead = Math.Max(2, Environment.ProcessorCount + 1);
        var stitcher = new PopulationStitcher(ids, request.Seed);
        var pending = new Queue<Task<PopulationChunk>>();
        var next = 0;
        long done = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            request.Progress?.Report(new SeedProgress("residents", 0, request.Residents));
            while (next < chunks || pending.Count > 0)
            {
                while (next < chunks && pending.Count < ahead)
                {
                    var index = next++;
                    var size = (int)Math.Min(ResidentsPerChunk, request.Residents - ((long)index * ResidentsPerChunk));
                    pending.Enqueue(Task.Run(() => PopulationGenerator.Generate(catalog, request.Seed, today, index, size), stop.Token));
                }

                var chunk = await pending.Dequeue();
                stitcher.Stitch(chunk);
                await RegistryTables.WriteChunkAsync(writer, chunk, cancellationToken);
                done += chunk.Residents.Count;
                request.Progress?.Report(new SeedProgress("residents", done, request.Residents));
            }
        }
        finally
        {
            // On failure, let the chunks still being generated finish (or see the cancellation) before returning.
            await stop.CancelAsync();
            foreach (var task in pending)
            {
                await Task.WhenAny(task);
            }
        }
    }
}
