using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nara.Exchange.Features.Administration;
using Nara.Exchange.Signing;
using Nara.Kernel.Http;
using Nara.Kernel.Security;

namespace Nara.Exchange.Api;

/// <summary>
/// The management API (X-Road users asked for it the longest): members, subsystems, services and access rights
/// under <c>/api/exchange</c>. Reading is open to officials; changes to administrators (see <see cref="ExchangeAdministrator"/>).
/// Member ids are this instance's: <c>{class}/{member}</c>, subsystems <c>{class}/{member}/{subsystem}</c>, and so on.
/// </summary>
internal static class ManagementEndpoints
{
    public const string AdministratorPolicy = "exchange:administrator";

    public static void AddPolicies(AuthorizationBuilder builder) =>
        builder.AddPolicy(AdministratorPolicy, p => p
            .AddAuthenticationSchemes(NaraSchemes.Cookie)
            .RequireClaim(NaraClaims.ActorKind, ActorKinds.Official)
            .RequireClaim(NaraClaims.Role, NaraRoles.Administrator));

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/exchange/signing-key", (ExchangeSigningKey key) => Results.Json(new { keys = new[] { key.Jwk } }))
            .AllowAnonymous().WithTags("Exchange").WithName("GetExchangeSigningKey");

        var read = endpoints.MapGroup("/api/exchange").WithTags("Exchange").RequireAuthorization(NaraPolicies.Official);
        read.MapGet("/members", (ExchangeCatalogue c, CancellationToken ct) => c.MembersAsync(ct)).WithName("ListExchangeMembers");
        read.MapGet("/services", (ExchangeCatalogue c, CancellationToken ct) => c.ServicesAsync(null, ct)).WithName("ListExchangeServices");

        var admin = endpoints.MapGroup("/api/exchange").WithTags("Exchange").RequireAuthorization(AdministratorPolicy);
        admin.MapPut("/members/{memberClass}/{code}", async (string memberClass, string code, MemberBody body, HttpContext http, SaveMember save, CancellationToken ct) =>
            await RunAsync(http, a => save.ExecuteAsync(a, new MemberInput(memberClass, code, body.NameKo, body.NameEn, body.AgencyCode), ct)))
            .WithName("SaveExchangeMember");
        admin.MapPut("/members/{memberClass}/{member}/subsystems/{code}", async (string memberClass, string member, string code, NamesBody body, HttpContext http, SaveSubsystem save, IOptions<ExchangeOptions> o, CancellationToken ct) =>
            await RunAsync(http, a => save.ExecuteAsync(a, $"{o.Value.Instance}/{memberClass}/{member}", new SubsystemInput(code, body.NameKo, body.NameEn), ct)))
            .WithName("SaveExchangeSubsystem");
        admin.MapPut("/services/{memberClass}/{member}/{subsystem}/{code}", async (string memberClass, string member, string subsystem, string code, ServiceBody body, HttpContext http, SaveService save, IOptions<ExchangeOptions> o, CancellationToken ct) =>
            await RunAsync(http, a => save.ExecuteAsync(a, $"{o.Value.Instance}/{memberClass}/{member}/{subsystem}",
                new ServiceInput(code, body.NameKo, body.NameEn, body.Provider, body.ProviderUrl, body.TimeoutMs, body.Attributes, body.Purposes, body.DataAgreementId, body.Enabled), ct)))
            .WithName("SaveExchangeService");
        admin.MapPost("/services/{memberClass}/{member}/{subsystem}/{code}/access-rights", async (string memberClass, string member, string subsystem, string code, GrantBody body, HttpContext http, GrantAccess grant, IOptions<ExchangeOptions> o, CancellationToken ct) =>
            await RunAsync(http, a => grant.ExecuteAsync(a, $"{o.Value.Instance}/{memberClass}/{member}/{subsystem}/{code}", body.Client, ct), created: true))
            .WithName("GrantExchangeAccess");
        admin.MapDelete("/services/{memberClass}/{member}/{subsystem}/{code}/access-rights/{id:guid}", async (string memberClass, string member, string subsystem, string code, Guid id, HttpContext http, RevokeAccess revoke, IOptions<ExchangeOptions> o, CancellationToken ct) =>
            await RunAsync(http, a => revoke.ExecuteAsync(a, $"{o.Value.Instance}/{memberClass}/{member}/{subsystem}/{code}", id, ct)))
            .WithName("RevokeExchangeAccess");
    }

    private static async Task<IResult> RunAsync(HttpContext http, Func<ExchangeAdministrator, Task<AdminResult>> action, bool created = false)
    {
        var admin = ExchangeAdministrator.From(http.User, http.RequestServices.GetRequiredService<IOptions<ExchangeOptions>>());
        if (admin is null)
        {
            return Problems.Forbidden("Only administrators change the exchange.");
        }

        var result = await action(admin);
        return result.Status switch
        {
            AdminStatus.Done when created => Results.Json(new { id = result.Id }, statusCode: StatusCodes.Status201Created),
            AdminStatus.Done => Results.Json(new { id = result.Id }),
            AdminStatus.Invalid => Problems.Validation(result.Field!, result.Message!),
            AdminStatus.NotFound => Problems.NotFound(result.Message!),
            AdminStatus.Forbidden => Problems.Forbidden(result.Message!),
            _ => Problems.Conflict(result.Message!),
        };
    }
}

internal sealed record MemberBody(string? NameKo, string? NameEn, string? AgencyCode);

internal sealed record NamesBody(string? NameKo, string? NameEn);

internal sealed record ServiceBody(
    string? NameKo,
    string? NameEn,
    string? Provider,
    string? ProviderUrl,
    int? TimeoutMs,
    IReadOnlyList<string>? Attributes,
    IReadOnlyList<string>? Purposes,
    Guid? DataAgreementId,
    bool? Enabled);

internal sealed record GrantBody(string? Client);
