using System.Net.Http.Json;
using Nara.Audit.Features;

namespace Nara.Audit.Tests;

[Collection(RunsAlone.Name)]
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Entries_appended_before_a_crash_are_covered_by_the_first_head_after_restart()
    {
        var first = new AuditFactory();
        await first.InitializeAsync();
        var receipts = await first.AppendManyAsync(40);
        Assert.Equal(40, receipts.Count);
        // The host goes away without signing a head over the 40 acknowledged entries.
        await first.DisposeAsync();

        var second = new AuditFactory();
        second.With("Nara:Database:Provider", first.Database.Provider)
            .With("Nara:Database:ConnectionString", first.Database.ConnectionString)
            .With("Nara:Database:DataDirectory", first.Database.Directory);
        await second.InitializeAsync();
        var client = second.CreateClient();
        SignedTreeHead? head = null;
        for (var attempt = 0; attempt < 100 && head?.TreeSize != 40; attempt++)
        {
            head = await client.GetFromJsonAsync<SignedTreeHead>("/api/audit/tree-heads/latest");
            await Task.Delay(100);
        }

        Assert.Equal(40, head!.TreeSize);
        var verification = await second.VerifyAsync();
        Assert.True(verification.Ok, string.Join("; ", verification.Problems));

        // The second host must be gone before the first one's database folder is deleted.
        await ((IAsyncLifetime)second).DisposeAsync();
        await ((IAsyncLifetime)first).DisposeAsync();
    }
}
