using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Consent.Domain;
using Nara.Consent.Features;
using Nara.Kernel.Http;
using Nara.Registries.Contracts;

namespace Nara.Consent.Api;

/// <summary>
/// GovStack Consent BB service/individual/*: an individual's own consent records (give, read, withdraw,
/// forget), with the individual named by <c>X-ConsentBB-IndividualId</c>.
/// </summary>
internal static class IndividualEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ConsentModule.Prefix + "/service").WithTags("GovStack Consent: service")
            .RequireAuthorization(ConsentPolicies.Individual).DisableAntiforgery();
        api.MapGet("/data-agreement/{dataAgreementId}/", ReadAgreementAsync);
        api.MapPost("/individual/record/data-agreement/{dataAgreementId}/", GiveAsync);
        api.MapGet("/individual/record/data-agreement/{dataAgreementId}/", ReadForAgreementAsync);
        api.MapGet("/individual/record/data-agreement/{dataAgreementId}/all/", HistoryAsync);
        api.MapPost("/individual/record/consent-record/draft/", DraftAsync);
        api.MapPost("/individual/record/consent-record/", CreateAsync);
        api.MapGet("/individual/record/consent-record/", ListAsync);
        api.MapPut("/individual/record/consent-record/{consentRecordId}/", UpdateAsync);
        api.MapPost("/individual/record/consent-record/{consentRecordId}/signature/", SignatureAsync);
        api.MapDelete("/individual/record/", ForgetAsync);
    }

    internal sealed record CreateBody(DraftRecord? ConsentRecord);

    internal sealed record DraftRecord(string? DataAgreement, bool? OptIn);

    internal sealed record UpdateBody(bool? OptIn, DraftRecord? ConsentRecord);

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

    private static async Task<IResult> GiveAsync(string dataAgreementId, HttpContext http, IResidentDirectory residents, GiveConsent give, CancellationToken ct)
    {
        if (!ApiResults.TryId(dataAgreementId, "dataAgreementId", out var id, out var error))
        {
            return error!;
        }

        var (individual, denied) = await IndividualHeader.ResolveAsync(http, residents, ct);
        return denied ?? ApiResults.From(await give.ExecuteAsync(id, individual!, Callers.Actor(http.User), ct), RecordQueries.Shape);
    }

    private static async Task<IResult> CreateAsync(CreateBody? body, HttpContext http, IResidentDirectory residents, GiveConsent give, CancellationToken ct)
    {
        if (body?.ConsentRecord?.DataAgreement is not { } raw || !Guid.TryParse(raw, out var id))
        {
            return Problems.Validation("consentRecord.dataAgreement", "The id (UUID) of the data agreement is required.");
        }

        if (body.ConsentRecord.OptIn is false)
        {
            return Problems.Validation("consentRecord.optIn", "A new consent record opts in; withdraw with PUT on the record.");
        }

        var (individual, denied) = await IndividualHeader.ResolveAsync(http, residents, ct);
        return denied ?? ApiResults.From(await give.ExecuteAsync(id, individual!, Callers.Actor(http.User), ct), RecordQueries.Shape);
    }

    private static async Task<IResult> ReadForAgreementAsync(string dataAgreementId, HttpContext http, IResidentDirectory residents, RecordQueries records, CancellationToken ct)
    {
        if (!ApiResults.TryId(dataAgreementId, "dataAgreementId", out var id, out var error))
        {
            return error!;
        }

        var (individual, denied) = await IndividualHeader.ResolveAsync(http, residents, ct);
        if (denied is not null)
        {
            return denied;
        }

        return await records.ForAgreementAsync(individual!, id, ct) is { } found
            ? Results.Ok(RecordQueries.Shape(found))
            : Problems.NotFound("The individual has no consent record for this data agreement.");
    }

    private static async Task<IResult> HistoryAsync(string dataAgreementId, HttpContext http, IResidentDirectory residents, RecordQueries records, CancellationToken ct)
    {
        if (!ApiResults.TryId(dataAgreementId, "dataAgreementId", out var id, out var error))
        {
            return error!;
        }

        var (individual, denied) = await IndividualHeader.ResolveAsync(http, residents, ct);
        if (denied is not null)
        {
            return denied;
        }

        if (await records.ForAgreementAsync(individual!, id, ct) is not { } found)
        {
            return Problems.NotFound("The individual has no consent record for this data agreement.");
        }

        var revisions = await records.RevisionsAsync(found.Record.Id, ct);
        return Results.Ok(new { consentRecord = ConsentRecordShape.Of(found.Record), revisions = revisions.Select(RevisionShape.Of), signature = SignatureShape.Of(found.Signature) });
    }

    private static async Task<IResult> DraftAsync(string? dataAgreementId, HttpContext http, IResidentDirectory residents, AgreementQueries agreements, CancellationToken ct)
    {
        if (!ApiResults.TryId(dataAgreementId ?? "", "dataAgreementId", out var id, out var error))
        {
            return error!;
        }

        var (individual, denied) = await IndividualHeader.ResolveAsync(http, residents, ct);
        if (denied is not null)
        {
            return denied;
        }

        if (await agreements.FindAsync(id, ct) is not { } found)
        {
            return Problems.NotFound($"No data agreement {id}.");
        }

        // Nothing is stored: the draft shows what the record will say before the individual agrees.
        return Results.Ok(new
        {
            consentRecord = new ConsentRecordShape(null, id.ToString(), found.Head.Id.ToString(), found.Head.SerializedHash, individual!, false, ConsentStates.Unsigned, null, null, null, null),
            dataAgreement = found.Shape,
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, IResidentDirectory residents, RecordQueries records, int? offset, int? limit, CancellationToken ct)
    {
        if (!ApiResults.TryPage(offset, limit, out var page, out var error))
        {
            return error!;
        }

        var (individual, denied) = await IndividualHeader.ResolveAsync(http, residents, ct);
        if (denied is not null)
        {
            return denied;
        }

        var (items, total) = await records.ListAsync(individual, null, page.Offset, page.Limit, ct);
        return Results.Ok(new { consentRecords = items.Select(ConsentRecordShape.Of), pagination = ApiResults.Pagination(page.Offset, page.Limit, total) });
    }

    private static async Task<IResult> UpdateAsync(string consentRecordId, UpdateBody? body, HttpContext http, IResidentDirectory residents, ChangeConsent change, CancellationToken ct)
    {
        if (!ApiResults.TryId(consentRecordId, "consentRecordId", out var id, out var error))
        {
            return error!;
        }

        if ((body?.OptIn ?? body?.ConsentRecord?.OptIn) is not { } optIn)
        {
            return Problems.Validation("optIn", "Required: true to opt in, false to withdraw.");
        }

        var (individual, denied) = await IndividualHeader.ResolveAsync(http, residents, ct);
        return denied ?? ApiResults.From(await change.ExecuteAsync(id, individual!, optIn, Callers.Actor(http.User), ct), RecordQueries.Shape);
    }

    private static async Task<IResult> SignatureAsync(string consentRecordId, HttpContext http, IResidentDirectory residents, RecordQueries records, CancellationToken ct)
    {
        if (!ApiResults.TryId(consentRecordId, "consentRecordId", out var id, out var error))
        {
            return error!;
        }

        var (individual, denied) = await IndividualHeader.ResolveAsync(http, residents, ct);
        if (denied is not null)
        {
            return denied;
        }

        // Nara signs every revision when it is written; this returns that signature for the record's head.
        return await records.CurrentAsync(id, ct) is { } found && found.Record.IndividualId == individual
            ? Results.Ok(new { signature = SignatureShape.Of(found.Signature) })
            : Problems.NotFound($"No consent record {id} of this individual.");
    }

    private static async Task<IResult> ForgetAsync(HttpContext http, IResidentDirectory residents, ForgetIndividual forget, CancellationToken ct)
    {
        var (individual, denied) = await IndividualHeader.ResolveAsync(http, residents, ct);
        if (denied is not null)
        {
            return denied;
        }

        var (forgotten, kept) = await forget.ExecuteAsync(individual!, Callers.Actor(http.User), ct);
        return Results.Ok(new { forgotten, kept });
    }
}
