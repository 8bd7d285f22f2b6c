using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Data;
using Nara.Identity.Domain;

namespace Nara.Testing;

/// <summary>Citizen accounts for page tests (a persona key makes them selectable on the demo sign-in page).</summary>
public static class CitizenAccounts
{
    /// <summary>Creates a citizen account with its own persona key and returns its id.</summary>
    public static async Task<Guid> CreateCitizenAsync(this NaraFactory factory, string displayName = "김시민")
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var account = new Account
        {
            Id = Guid.NewGuid(), Kind = AccountKind.Citizen, DisplayName = displayName,
            PersonaKey = $"test-citizen-{Guid.NewGuid():N}", CreatedAt = factory.Clock.GetUtcNow(),
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>A client (cookies kept, redirects not followed) signed in as the account through /signin.</summary>
    public static async Task<HttpClient> SignedInAsAsync(this NaraFactory factory, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["accountId"] = accountId.ToString(),
            ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(form),
        });
        var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Demo sign-in answered {(int)response.StatusCode}.");
        }

        return client;
    }
}
