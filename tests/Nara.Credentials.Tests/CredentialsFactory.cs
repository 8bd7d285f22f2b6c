using Microsoft.Extensions.DependencyInjection;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>A Nara host for Credentials tests: the demo personas only.</summary>
public class CredentialsFactory : NaraFactory
{
    public CredentialsFactory()
    {
        Residents = 0;
        With("Nara:Outbox:DispatchInBackground", "false");
        // The officials' and lost-phone classes sign in more than 20 times a minute from one address; the limit is
        // tested in Identity's SessionAndLimitTests.
        With("Nara:Identity:SignInPermitsPerMinute", "1000");
        // Every test request comes from one address; the anonymous limits are tested in AnonymousRateLimitTests.
        With("Nara:Credentials:PresentationRequestsPerMinute", "10000");
        With("Nara:Credentials:VerificationsPerMinute", "10000");
    }

    public async Task<long> ResidentIdOfAsync(DemoPersona persona)
    {
        await using var scope = Services.CreateAsyncScope();
        var resident = await scope.ServiceProvider.GetRequiredService<IResidentDirectory>().FindByResidentNumberAsync(persona.ResidentNumber, CancellationToken.None);
        return resident!.Id;
    }
}
