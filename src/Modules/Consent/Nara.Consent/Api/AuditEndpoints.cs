using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Consent.Features;
using Nara.Kernel.Http;
using Nara.Kernel.Security;

namespace Nara.Consent.Api;

/// <summary>
/// GovStack Consent BB audit/*: officials with the auditor role read any record with its whole revision
/// chain and the result of verifying it (tamper detection), and every agreement with its history.
/// </summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ConsentModule.Prefix + "/audit").WithTags("GovStack Consent: audit")
            .RequireAuthorization(NaraPolicies.Auditor);
        api.MapGet("/consent-records/", ListAsync);
        api.MapGet("/consent-record/{consentRecordId}/", ReadAsync);
        api.MapGet("/data-agreements/", AgreementsAsync);
        api.MapGet("/data-agreement/{dataAgreementId}/", AgreementAsync);
    }

    private static async Task<IResult> ListAsync(string? dataAgreementId, string? individualId, RecordQueries records, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryPage(offset, limit, out var page, out var error)
            || !ApiResults.TryRecordFilter(dataAgreementId, individualId, out var agreement, out error))
        {
            return error!;
        }

        var (items, total) = await records.ListAsync(individualId, agreement, page.Offset, page.Limit, ct);
        return Results.Ok(new { consentRecords = items.Select(ConsentRecordShape.Of), pagination = ApiResults.Pagination(page.Offset, page.Limit, total) });
    }

    private static async Task<IResult> ReadAsync(string consentRecordId, CheckConsentRecord check, CancellationToken ct)
    {
        if (!ApiResults.TryId(consentRecordId, "consentRecordId", out var id, out var error))
        {
            return error!;
        }

        if (await check.ExecuteAsync(id, ct) is not { } found)
        {
            return Problems.NotFound($"No consent record {id}.");
        }

        return Results.Ok(new
        {
            consentRecord = ConsentRecordShape.Of(found.Record),
            revisions = found.Revisions.Select(RevisionShape.Of),
            signature = found.Signature is null ? null : SignatureShape.Of(found.Signature),
            verification = found.Verification,
        });
    }

    private static async Task<IResult> AgreementsAsync(AgreementQueries queries, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryPage(offset, limit, out var page, out var error))
        {
            return error!;
        }

        var (items, total) = await queries.ListAsync(page.Offset, page.Limit, ct, includeDeleted: true);
        return Results.Ok(new { dataAgreements = items, pagination = ApiResults.Pagination(page.Offset, page.Limit, total) });
    }

    private static async Task<IResult> AgreementAsync(string dataAgreementId, AgreementQueries queries, RecordQueries records, CancellationToken ct)
    {
        if (!ApiResults.TryId(dataAgreementId, "dataAgreementId", out var id, out var error))
        {
            return error!;
        }

        if (await queries.FindAsync(id, ct, includeDeleted: true) is not { } found)
        {
            return Problems.NotFound($"No data agreement {id}.");
        }

        var revisions = await records.RevisionsAsync(id, ct);
        return Results.Ok(new
        {
            dataAgreement = found.Shape,
            revisions = revisions.Select(RevisionShape.Of),
            verification = new { chainIntact = RevisionChain.Check(revisions) is null, problem = RevisionChain.Check(revisions) },
        });
    }
}
