using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Http;
using Nara.Kernel.Security;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Features;
using Nara.Services.Features.Applications;
using Nara.Services.Features.Cases;
using Nara.Services.Features.Statistics;

namespace Nara.Services.Api;

/// <summary>
/// The write side of the GovStack Registration BB under <c>/govstack/registration</c>: agency systems
/// submit applications for citizens, list the applications and tasks (cases) of their agency, complete
/// tasks, and read statistics. An agency only ever sees its own cases.
/// </summary>
internal static class RegistrationEndpoints
{
    public const string Prefix = "/govstack/registration";
    internal const int MaxPage = 100;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithTags("GovStack Registration").RequireAuthorization(RegistrationPolicies.Registration).DisableAntiforgery();
        // JSON, or multipart/form-data with the JSON in a part named "application" and one file part per file field
        // (the part's name is the field id) for services whose form asks for documents.
        api.MapPost("/services/{serviceKey}/applications", SubmitAsync)
            .Accepts<ApplicationFileSubmit>("application/json", "multipart/form-data");
        api.MapGet("/applications", ListApplicationsAsync);
        api.MapGet("/applications/{fileId}", GetApplicationAsync);
        api.MapPut("/applications/{fileId}", UpdateApplicationAsync);
        RegistrationTaskEndpoints.Map(api);
        api.MapGet("/data/statistics", StatisticsAsync);
    }

    internal static string ClientId(ClaimsPrincipal user) => user.FindFirstValue(NaraClaims.ClientId) ?? "unknown";

    internal static string Agency(ClaimsPrincipal user) => user.FindFirstValue(NaraClaims.Agency) ?? "";

    private static async Task<IResult> SubmitAsync(string serviceKey, HttpRequest request, ClaimsPrincipal user, SubmitForApplicant submit, ServiceCatalogue catalogue, ServicesDbContext db, CancellationToken ct)
    {
        var (body, uploads, problem) = await RegistrationUploads.ReadAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (body is null || !Guid.TryParse(body.ApplicantId, out var applicant))
        {
            return Problems.Validation("applicantId", "applicantId must be the applicant's Nara account id (a UUID).");
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > StartApplication.MaxKeyLength)
        {
            return Problems.Validation("Idempotency-Key", $"At most {StartApplication.MaxKeyLength} characters.");
        }

        var data = (body.FormData?.Data ?? []).ToDictionary(kv => kv.Key, kv => Text(kv.Value), StringComparer.Ordinal);
        var outcome = await submit.ExecuteAsync(ClientId(user), applicant, serviceKey, data, uploads, key.Length > 0 ? key : $"api:{Guid.NewGuid():N}", ct);
        return outcome.Status switch
        {
            SubmitStatus.NotFound => Problems.NotFound($"No service '{serviceKey}' takes applications online."),
            SubmitStatus.UnknownApplicant => Problems.Validation("applicantId", $"No active citizen account has the id {applicant}: the applicant must have a Nara account."),
            SubmitStatus.Invalid => Problems.Validation(outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "serviceKey" : FieldPath(catalogue, serviceKey, e.Key), e => new[] { e.Value })),
            // The submitting system sees the whole file it created, bundled cases of other agencies included.
            _ => Results.Ok(ToFile(await db.Applications.AsNoTracking().Include(a => a.Cases).FirstAsync(a => a.Id == outcome.Application!.Id, ct), null, catalogue)),
        };
    }

    /// <summary>Errors on file fields name the multipart part (<c>files.{id}</c>), others the JSON path.</summary>
    private static string FieldPath(ServiceCatalogue catalogue, string slug, string fieldId) =>
        catalogue.Get(slug)?.Form?.Steps.SelectMany(s => s.Fields).Any(f => f.Id == fieldId && f.Type == Domain.Catalogue.FieldTypes.File) == true
            ? $"files.{fieldId}" : $"formData.data.{fieldId}";

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static async Task<IResult> ListApplicationsAsync(ClaimsPrincipal user, ServicesDbContext db, ServiceCatalogue catalogue, string? serviceKey, string? applicantId, int? firstResult, int? maxResult, CancellationToken ct)
    {
        if (firstResult is < 0 || maxResult is < 1 or > MaxPage)
        {
            return Problems.BadRequest($"firstResult must be ≥ 0 and maxResult between 1 and {MaxPage}.");
        }

        var agency = Agency(user);
        var cases = db.Cases.AsNoTracking().Where(c => c.Agency == agency);
        if (!string.IsNullOrEmpty(serviceKey))
        {
            cases = cases.Where(c => c.ServiceSlug == serviceKey);
        }

        if (applicantId is { Length: > 0 })
        {
            if (!Guid.TryParse(applicantId, out var applicant))
            {
                return Problems.Validation("applicantId", "applicantId must be a UUID.");
            }

            cases = cases.Where(c => c.ApplicantAccountId == applicant);
        }

        var ids = await cases.Select(c => c.ApplicationId).Distinct().OrderByDescending(id => id)
            .Skip(firstResult ?? 0).Take(maxResult ?? 20).ToListAsync(ct);
        var applications = await db.Applications.AsNoTracking().Include(a => a.Cases).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        return Results.Ok(applications.OrderByDescending(a => a.SubmittedAt).Select(a => new ApplicationListItem(
            a.Id.ToString(), a.ApplicantAccountId.ToString(), a.CreatedAt, a.SubmittedAt, a.ServiceSlug, catalogue.Get(a.ServiceSlug)?.Name.En ?? a.ServiceSlug,
            StatusModel.Of(a.Cases.Where(c => c.Agency == agency).Select(c => c.Status)))));
    }

    private static async Task<IResult> GetApplicationAsync(string fileId, ClaimsPrincipal user, ServicesDbContext db, ServiceCatalogue catalogue, CancellationToken ct)
    {
        var agency = Agency(user);
        var application = Guid.TryParse(fileId, out var id)
            ? await db.Applications.AsNoTracking().Include(a => a.Cases).FirstOrDefaultAsync(a => a.Id == id && a.Cases.Any(c => c.Agency == agency), ct)
            : null;
        return application is null ? Problems.NotFound("No application file with this id for your agency.") : Results.Ok(ToFile(application, agency, catalogue));
    }

    private static async Task<IResult> UpdateApplicationAsync(string fileId, ApplicationFileSubmit? body, ClaimsPrincipal user, ResubmitForApplicant resubmit, ServicesDbContext db, ServiceCatalogue catalogue, CancellationToken ct)
    {
        if (body?.FormData?.Data is not { } fields)
        {
            return Problems.Validation("formData.data", "formData.data must hold the fields to correct.");
        }

        if (!Guid.TryParse(fileId, out var id))
        {
            return Problems.NotFound("No application file with this id for your agency.");
        }

        var data = fields.ToDictionary(kv => kv.Key, kv => Text(kv.Value), StringComparer.Ordinal);
        var outcome = await resubmit.ExecuteAsync(ClientId(user), Agency(user), id, data, ct);
        return outcome.Status switch
        {
            ResubmitStatus.NotFound => Problems.NotFound("No application file with this id for your agency."),
            ResubmitStatus.NotSentBack => Problems.Conflict("Only a file your agency sent back (SENDBACK) can be corrected."),
            ResubmitStatus.Stale => Problems.Conflict("The file changed meanwhile; read it again and retry."),
            ResubmitStatus.Invalid => Problems.Validation(outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "formData.data" : $"formData.data.{e.Key}", e => new[] { e.Value })),
            _ => Results.Ok(ToFile(await db.Applications.AsNoTracking().Include(a => a.Cases).FirstAsync(a => a.Id == id, ct), Agency(user), catalogue)),
        };
    }

    internal static ApplicationFileResponse ToFile(Application a, string? agency, ServiceCatalogue catalogue)
    {
        var cases = a.Cases.Where(c => agency is null || c.Agency == agency).OrderBy(c => c.ServiceSlug).ToList();
        return new ApplicationFileResponse(
            a.Id.ToString(), a.SubmittedAt, a.ServiceSlug, catalogue.Get(a.ServiceSlug)?.Name.En ?? a.ServiceSlug,
            StatusModel.Of(cases.Select(c => c.Status)), cases.All(c => !c.IsOpen),
            [.. cases.Select(c => new TaskRef(c.Id.ToString(), c.ServiceSlug, c.Agency, StatusModel.Of([c.Status])))]);
    }

    private static async Task<IResult> StatisticsAsync(string? serviceKey, ServiceStatistics statistics, CancellationToken ct) =>
        Results.Ok(await statistics.ComputeAsync(serviceKey, ct));
}
