using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Consent.Data;
using Nara.Consent.Features;
using Nara.Kernel.Http;

namespace Nara.Consent.Api;

/// <summary>
/// GovStack Consent BB config/*: policies and data agreements, for administrators. An agency administrator
/// manages the agreements their agency controls; a platform administrator manages all of them.
/// </summary>
internal static class ConfigEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ConsentModule.Prefix + "/config").WithTags("GovStack Consent: config")
            .RequireAuthorization(ConsentPolicies.Administrator).DisableAntiforgery();
        api.MapPost("/policy/", CreatePolicyAsync);
        api.MapGet("/policy/{policyId}/", ReadPolicyAsync);
        api.MapPut("/policy/{policyId}/", UpdatePolicyAsync);
        api.MapDelete("/policy/{policyId}/", DeletePolicyAsync);
        api.MapGet("/policy/{policyId}/revisions/", PolicyRevisionsAsync);
        api.MapGet("/policies/", ListPoliciesAsync);
        api.MapPost("/data-agreement/", CreateAgreementAsync);
        api.MapGet("/data-agreement/{dataAgreementId}/", ReadAgreementAsync);
        api.MapPut("/data-agreement/{dataAgreementId}/", UpdateAgreementAsync);
        api.MapDelete("/data-agreement/{dataAgreementId}/", DeleteAgreementAsync);
        api.MapGet("/data-agreements/", ListAgreementsAsync);
    }

    private static string? Scope(ClaimsPrincipal user, IOptions<ConsentOptions> options) => Callers.AdministeredAgency(user, options.Value.PlatformAgency);

    private static async Task<IResult> CreatePolicyAsync(PolicyInput? body, ClaimsPrincipal user, SavePolicy save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        ApiResults.From(await save.ExecuteAsync(null, body, Callers.Actor(user), Scope(user, o), ct), v => new { policy = PolicyShape.Of(v.Policy), revision = RevisionShape.Of(v.Revision) });

    private static async Task<IResult> UpdatePolicyAsync(string policyId, PolicyInput? body, ClaimsPrincipal user, SavePolicy save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(policyId, "policyId", out var id, out var error) ? error!
            : ApiResults.From(await save.ExecuteAsync(id, body, Callers.Actor(user), Scope(user, o), ct), v => new { policy = PolicyShape.Of(v.Policy), revision = RevisionShape.Of(v.Revision) });

    private static async Task<IResult> DeletePolicyAsync(string policyId, ClaimsPrincipal user, DeletePolicy delete, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(policyId, "policyId", out var id, out var error) ? error!
            : ApiResults.From(await delete.ExecuteAsync(id, Callers.Actor(user), Scope(user, o), ct), v => new { revision = RevisionShape.Of(v) });

    private static async Task<IResult> ReadPolicyAsync(string policyId, ConsentDbContext db, CancellationToken ct)
    {
        if (!ApiResults.TryId(policyId, "policyId", out var id, out var error))
        {
            return error!;
        }

        var policy = await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && !p.Deleted, ct);
        if (policy is null)
        {
            return Problems.NotFound($"No policy {id}.");
        }

        var head = await db.Revisions.AsNoTracking().Where(r => r.ObjectId == id).OrderByDescending(r => r.Sequence).FirstAsync(ct);
        return Results.Ok(new { policy = PolicyShape.Of(policy), revision = RevisionShape.Of(head) });
    }

    private static async Task<IResult> PolicyRevisionsAsync(string policyId, ConsentDbContext db, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryId(policyId, "policyId", out var id, out var error) || !ApiResults.TryPage(offset, limit, out var page, out error))
        {
            return error!;
        }

        var policy = await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return Problems.NotFound($"No policy {id}.");
        }

        var revisions = await db.Revisions.AsNoTracking().Where(r => r.ObjectId == id).OrderBy(r => r.Sequence).ToListAsync(ct);
        return Results.Ok(new
        {
            policy = PolicyShape.Of(policy),
            revisions = revisions.Skip(page.Offset).Take(page.Limit).Select(RevisionShape.Of),
            pagination = ApiResults.Pagination(page.Offset, page.Limit, revisions.Count),
        });
    }

    private static async Task<IResult> ListPoliciesAsync(ConsentDbContext db, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryPage(offset, limit, out var page, out var error))
        {
            return error!;
        }

        var query = db.Policies.AsNoTracking().Where(p => !p.Deleted);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return Results.Ok(new { policies = items.Select(PolicyShape.Of), pagination = ApiResults.Pagination(page.Offset, page.Limit, total) });
    }

    private static async Task<IResult> CreateAgreementAsync(DataAgreementInput? body, ClaimsPrincipal user, SaveDataAgreement save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        ApiResults.From(await save.ExecuteAsync(null, body, Callers.Actor(user), Scope(user, o), ct), v => new { dataAgreement = DataAgreementShape.Of(v.Agreement, v.Policy), revision = RevisionShape.Of(v.Revision) });

    private static async Task<IResult> UpdateAgreementAsync(string dataAgreementId, DataAgreementInput? body, ClaimsPrincipal user, SaveDataAgreement save, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(dataAgreementId, "dataAgreementId", out var id, out var error) ? error!
            : ApiResults.From(await save.ExecuteAsync(id, body, Callers.Actor(user), Scope(user, o), ct), v => new { dataAgreement = DataAgreementShape.Of(v.Agreement, v.Policy), revision = RevisionShape.Of(v.Revision) });

    private static async Task<IResult> DeleteAgreementAsync(string dataAgreementId, ClaimsPrincipal user, DeleteDataAgreement delete, IOptions<ConsentOptions> o, CancellationToken ct) =>
        !ApiResults.TryId(dataAgreementId, "dataAgreementId", out var id, out var error) ? error!
            : ApiResults.From(await delete.ExecuteAsync(id, Callers.Actor(user), Scope(user, o), ct), v => new { revision = RevisionShape.Of(v) });

    private static async Task<IResult> ReadAgreementAsync(string dataAgreementId, AgreementQueries queries, CancellationToken ct)
    {
        if (!ApiResults.TryId(dataAgreementId, "dataAgreementId", out var id, out var error))
        {
            return error!;
        }

        return await queries.FindAsync(id, ct) is { } found
            ? Results.Ok(new { dataAgreement = found.Shape, revision = RevisionShape.Of(found.Head) })
            : Problems.NotFound($"No data agreement {id}.");
    }

    private static async Task<IResult> ListAgreementsAsync(AgreementQueries queries, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryPage(offset, limit, out var page, out var error))
        {
            return error!;
        }

        var (items, total) = await queries.ListAsync(page.Offset, page.Limit, ct);
        return Results.Ok(new { dataAgreements = items, pagination = ApiResults.Pagination(page.Offset, page.Limit, total) });
    }
}
