using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Credentials.Features;
using Nara.Kernel.Http;
using Nara.Kernel.Security;

namespace Nara.Credentials.Api;

/// <summary>
/// Officials' credential management: a credential officer looks a credential up by id, or lists a resident's (with a
/// reason, audited), and suspends, reinstates or
/// revokes it, with a reason, only for credentials their agency issued; platform administrators rotate the issuer key.
/// Every change is audited.
/// </summary>
internal static class OfficialCredentialEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var officers = endpoints.MapGroup("/api/credentials").RequireAuthorization(CredentialsPolicies.StatusOfficer).WithTags("Credentials");
        officers.MapGet("/{id:guid}", FindAsync);
        // POST, not GET with a query: a resident registration number and a reason do not belong in URLs and access logs.
        officers.MapPost("/search", SearchAsync);
        officers.MapPost("/{id:guid}/status", ChangeStatusAsync);
        endpoints.MapPost("/api/credentials/issuer-key/rotate", RotateAsync)
            .RequireAuthorization(CredentialsPolicies.PlatformAdministrator).DisableAntiforgery().WithTags("Credentials");
    }

    internal sealed record StatusRequest(string? Status, string? Reason);

    /// <param name="ResidentNumber">The resident registration number, 13 digits with or without the hyphen.</param>
    /// <param name="Reason">Why the officer looks (3 to 200 characters); kept in the audit log with the search.</param>
    internal sealed record SearchRequest(string? ResidentNumber, string? Reason);

    private static async Task<IResult> SearchAsync(SearchRequest? request, ClaimsPrincipal user, FindCredentialsOfResident search, CancellationToken ct)
    {
        if (FindCredentialsOfResident.NormalizeResidentNumber(request?.ResidentNumber) is not { } number)
        {
            return Problems.Validation("residentNumber", "A resident registration number: 13 digits, with or without the hyphen (YYMMDD-NNNNNNN).");
        }

        if (Callers.Reason(request!.Reason) is not { } reason)
        {
            return Problems.Validation("reason", "Say why (3 to 200 characters); the search is kept in the audit log with its reason.");
        }

        var found = await search.ExecuteAsync(number, reason, Callers.Official(user, NaraRoles.CredentialOfficer), ct);
        return Results.Ok(new
        {
            credentials = found.Select(c => new
            {
                id = c.Id, type = c.Type, agency = c.Agency, status = c.Status, issuedAt = c.IssuedAt, expiresAt = c.ExpiresAt, statusChangedAt = c.StatusChangedAt,
            }),
        });
    }

    private static async Task<IResult> FindAsync(Guid id, ClaimsPrincipal user, FindCredential find, CancellationToken ct)
    {
        var (outcome, c) = await find.ExecuteAsync(id, Callers.Agency(user)!, ct);
        return outcome switch
        {
            FindCredential.Outcome.Found => Results.Ok(new
            {
                id = c!.Id, type = c.Type, agency = c.Agency, status = c.Status, issuedAt = c.IssuedAt, expiresAt = c.ExpiresAt, statusChangedAt = c.StatusChangedAt,
            }),
            FindCredential.Outcome.OtherAgency => Problems.Forbidden("Another agency issued this credential; only its credential officers manage it."),
            _ => Problems.NotFound("No credential has that id."),
        };
    }

    private static async Task<IResult> ChangeStatusAsync(Guid id, StatusRequest? request, ClaimsPrincipal user, ChangeCredentialStatus change, CancellationToken ct)
    {
        if (ChangeCredentialStatus.Parse(request?.Status) is not { } status)
        {
            return Problems.Validation("status", "One of: suspended, valid, revoked.");
        }

        if (Callers.Reason(request!.Reason) is not { } reason)
        {
            return Problems.Validation("reason", "Say why (3 to 200 characters); the reason is kept in the audit log.");
        }

        var scope = ChangeCredentialStatus.Scope.OfAgency(Callers.Agency(user)!);
        return await change.ExecuteAsync(id, status, reason, scope, Callers.Official(user, NaraRoles.CredentialOfficer), ct) switch
        {
            ChangeCredentialStatus.Result.Changed => Results.Ok(new { id, status = request.Status }),
            ChangeCredentialStatus.Result.AlreadyRevoked => Problems.Conflict("The credential is revoked; a revoked credential cannot change again."),
            ChangeCredentialStatus.Result.OtherAgency => Problems.Forbidden("Another agency issued this credential; only its credential officers manage it."),
            _ => Problems.NotFound("No credential has that id."),
        };
    }

    private static async Task<IResult> RotateAsync(ClaimsPrincipal user, RotateIssuerKey rotate, CancellationToken ct)
    {
        var (previous, current) = await rotate.ExecuteAsync(Callers.Official(user, NaraRoles.Administrator), ct);
        return Results.Ok(new { previousKeyId = previous, keyId = current });
    }
}
