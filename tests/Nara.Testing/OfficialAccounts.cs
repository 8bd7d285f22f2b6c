using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Data;
using Nara.Identity.Domain;

namespace Nara.Testing;

/// <summary>Official accounts for page tests, and an HTTP client signed in through the demo sign-in page.</summary>
public static partial class OfficialAccounts
{
    /// <summary>As the Identity seed creates them: a district official who may browse registries and administers the district's officials.</summary>
    public const string DistrictOfficial = "district-official";

    /// <summary>A ministry official who may browse registries and audit.</summary>
    public const string MinistryOfficial = "ministry-official";

    /// <summary>Exists only in tests: an administrator at the platform agency (MOIS), who manages OIDC clients.</summary>
    public const string PlatformAdministrator = "test-platform-admin";

    /// <summary>Exists only in tests: an official with no role at all.</summary>
    public const string NoRoleOfficial = "test-no-role-official";

    /// <summary>Creates the persona's account unless it exists already (the Identity seed may have made it).</summary>
    public static async Task<Guid> EnsureOfficialAsync(this NaraFactory factory, string personaKey)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (name, agency, roles) = personaKey switch
        {
            DistrictOfficial => ("한지민", "LG1111000000", "registry-viewer administrator"),
            MinistryOfficial => ("오성민", "MOIS", "registry-viewer auditor"),
            NoRoleOfficial => ("권한없음", "LG1111000000", ""),
            PlatformAdministrator => ("플랫폼 관리자", "MOIS", "administrator"),
            _ => throw new ArgumentOutOfRangeException(nameof(personaKey), personaKey, "Unknown test persona."),
        };
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var existing = await db.Accounts.FirstOrDefaultAsync(a => a.PersonaKey == personaKey);
        if (existing is not null)
        {
            return existing.Id;
        }

        var account = new Account
        {
            Id = Guid.NewGuid(), Kind = AccountKind.Official, DisplayName = name, AgencyCode = agency, Roles = roles,
            PersonaKey = personaKey, CreatedAt = factory.Clock.GetUtcNow(),
        };
        db.Accounts.Add(account);
        try
        {
            await db.SaveChangesAsync();
            return account.Id;
        }
        catch (DbUpdateException)
        {
            // Another test class created it at the same moment: use theirs.
            using var again = factory.Services.CreateScope();
            return (await again.ServiceProvider.GetRequiredService<IdentityDbContext>().Accounts.FirstAsync(a => a.PersonaKey == personaKey)).Id;
        }
    }

    /// <summary>A client (cookies kept, redirects not followed) signed in as the persona through /signin.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this NaraFactory factory, string personaKey)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var accountId = await factory.EnsureOfficialAsync(personaKey);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var token = AntiforgeryToken(form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["accountId"] = accountId.ToString(),
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Demo sign-in answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
