using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Consent.Features;
using Nara.Kernel.Http;

namespace Nara.Consent.Api;

/// <summary>
/// GovStack Consent BB service/verification/*: agency systems check a consent record before they use data.
/// Each answer carries Nara's <c>verification</c> (chain intact, signature valid) next to the record.
/// </summary>
internal static class VerificationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ConsentModule.Prefix + "/service/verification").WithTags("GovStack Consent: verification")
            .RequireAuthorization(ConsentPolicies.Verification).DisableAntiforgery();
        api.MapGet("/consent-record/{consentRecordId}/", ReadAsync);
        api.MapGet("/consent-records/", ListAsync);
        api.MapGet("/data-agreements/", AgreementsAsync);
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
            revision = RevisionShape.Of(found.Head),
            signature = found.Signature is null ? null : SignatureShape.Of(found.Signature),
            verification = found.Verification,
        });
    }

    private static async Task<IResult> ListAsync(string? dataAgreementId, string? individualId, RecordQueries records, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryPage(offset, limit, out var page, out var error)
            || !ApiResults.TryRecordFilter(dataAgreementId, individualId, out var agreement, out error))
        {
            return error!;
        }

        if (agreement is null || individualId is null)
        {
            // A verifier asks about one individual under one agreement; it never browses everyone's consent.
            return Problems.Validation("individualId", "Both dataAgreementId and individualId are required.");
        }

        var (items, total) = await records.ListAsync(individualId, agreement, page.Offset, page.Limit, ct);
        return Results.Ok(new { consentRecords = items.Select(ConsentRecordShape.Of), pagination = ApiResults.Pagination(page.Offset, page.Limit, total) });
    }

    private static async Task<IResult> AgreementsAsync(AgreementQueries queries, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryPage(offset, limit, out var page, out var error))
        {
            return error!;
        }

        var (items, total) = await queries.ListAsync(page.Offset, page.Limit, ct);
        return Results.Ok(new { dataAgreements = items, pagination = ApiResults.Pagination(page.Offset, page.Limit, total) });
    }
}
