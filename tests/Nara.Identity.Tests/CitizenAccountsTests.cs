using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Identity.Tests;

public sealed class CitizenAccountsTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task A_residents_account_is_made_once_and_then_found_as_a_citizen()
    {
        using var scope = factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ICitizenAccounts>();
        var resident = await scope.ServiceProvider.GetRequiredService<IResidentDirectory>()
            .FindByResidentNumberAsync(DemoPersonas.YoungJobseeker.ResidentNumber, CancellationToken.None);

        var first = await accounts.EnsureForResidentAsync(resident!.Id, CancellationToken.None);
        var second = await accounts.EnsureForResidentAsync(resident.Id, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.Equal(new CitizenAccount(first.Id, resident.Id, false), await accounts.FindAsync(first.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_ids_officials_and_unknown_residents_are_no_citizen_accounts()
    {
        var official = await factory.CreateOfficialAsync("MOHW", "caseworker", "공무원");
        using var scope = factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ICitizenAccounts>();

        Assert.Null(await accounts.FindAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.Null(await accounts.FindAsync(official, CancellationToken.None));
        Assert.Null(await accounts.EnsureForResidentAsync(long.MaxValue, CancellationToken.None));
    }
}
