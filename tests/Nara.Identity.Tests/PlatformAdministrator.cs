using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Testing;

namespace Nara.Identity.Tests;

/// <summary>A MOIS official with the administrator role, signed in through the demo sign-in.</summary>
internal static class PlatformAdministrator
{
    private const string PersonaKey = "test-platform-admin";

    public static async Task<HttpClient> SignedInAsync(NaraFactory factory)
    {
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var account = await db.Accounts.FirstOrDefaultAsync(a => a.PersonaKey == PersonaKey);
            if (account is null)
            {
                account = new Account
                {
                    Id = Guid.NewGuid(), Kind = AccountKind.Official, DisplayName = "플랫폼 관리자", AgencyCode = "MOIS",
                    Roles = "administrator", PersonaKey = PersonaKey, CreatedAt = factory.Clock.GetUtcNow(),
                };
                db.Accounts.Add(account);
                await db.SaveChangesAsync();
            }

            id = account.Id;
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(new Uri("/signin", UriKind.Relative)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["accountId"] = id.ToString(), ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(new Uri("/signin", UriKind.Relative), form)).StatusCode);
        return client;
    }
}
