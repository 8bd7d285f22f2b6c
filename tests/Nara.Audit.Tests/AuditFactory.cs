using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nara.Audit.Contracts;
using Nara.Kernel.Security;
using Nara.Testing;

namespace Nara.Audit.Tests;

/// <summary>
/// A host with an empty population (the audit log does not need residents) and a test sign-in: the
/// X-Test-Roles header makes the caller an official with those roles, no header means anonymous.
/// </summary>
public class AuditFactory : NaraFactory
{
    public const string Scheme = "Test";

    public AuditFactory()
    {
        Residents = 0;
        // No demo data at all: seeding registers agency clients, which the log records, and these tests
        // count the log's entries exactly.
        With("Nara:Seed:OnStart", "false");
        // Heads only when a test asks for one, so tests control what the log has signed.
        With("Nara:Audit:HeadEveryEntries", "1000000");
        With("Nara:Audit:HeadEverySeconds", "3600");
    }

    public IAuditLog Log => Services.GetRequiredService<IAuditLog>();

    public static AuditEntry Entry(int i, string subject = "resident") => new(
        new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.Zero).AddSeconds(i),
        AuditActor.Official($"official-{i % 7}", "1100000", "registry-viewer"),
        i % 3 == 0 ? "resident.view" : "resident.update",
        new AuditSubject(subject, (1000 + (i % 11)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        "test",
        AuditOutcomes.Success,
        $"corr-{i}",
        "Tests",
        new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task<List<AuditReceipt>> AppendManyAsync(int count, int offset = 0)
    {
        var tasks = Enumerable.Range(offset, count).Select(i => Log.AppendAsync(Entry(i), CancellationToken.None));
        return [.. await Task.WhenAll(tasks)];
    }

    public Task<long> SignAsync() => AuditTools.SignTreeHeadAsync(Services, CancellationToken.None);

    public Task<Features.AuditVerification> VerifyAsync() => AuditTools.VerifyAsync(Services, null, CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(Scheme, null);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            });
        });
    }

    private sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-Roles", out var roles))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            List<Claim> claims = [new(ClaimTypes.NameIdentifier, "official-test"), new(NaraClaims.ActorKind, ActorKinds.Official), new(NaraClaims.Agency, "1100000")];
            claims.AddRange(roles.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(NaraClaims.Role, r)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AuditFactory.Scheme));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, AuditFactory.Scheme)));
        }
    }
}
