using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Http;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Features;
using Nara.Services.Features.Cases;

namespace Nara.Services.Api;

/// <summary>
/// GovStack Registration tasks: one task per open case of the caller's agency. Agency systems list them, read one
/// and complete it (approve, reject, send back). Mapped inside <see cref="RegistrationEndpoints"/>' group.
/// </summary>
internal static class RegistrationTaskEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tasks", ListTasksAsync);
        api.MapGet("/tasks/{taskId}", GetTaskAsync);
        api.MapPost("/tasks/{taskId}/complete", CompleteAsync);
    }

    private static async Task<IResult> ListTasksAsync(ClaimsPrincipal user, ServicesDbContext db, ServiceCatalogue catalogue, string? fileId, string? assigneeId, int? firstResult, int? maxResult, CancellationToken ct)
    {
        if (firstResult is < 0 || maxResult is < 1 or > RegistrationEndpoints.MaxPage)
        {
            return Problems.BadRequest($"firstResult must be ≥ 0 and maxResult between 1 and {RegistrationEndpoints.MaxPage}.");
        }

        var agency = RegistrationEndpoints.Agency(user);
        var query = db.Cases.AsNoTracking().Where(c => c.Agency == agency
            && (c.Status == CaseStatuses.Submitted || c.Status == CaseStatuses.InReview || c.Status == CaseStatuses.InfoRequested));
        if (fileId is { Length: > 0 })
        {
            if (!Guid.TryParse(fileId, out var file))
            {
                return Problems.Validation("fileId", "fileId must be a UUID.");
            }

            query = query.Where(c => c.ApplicationId == file);
        }

        if (assigneeId is { Length: > 0 })
        {
            if (!Guid.TryParse(assigneeId, out var assignee))
            {
                return Problems.Validation("assigneeId", "assigneeId must be a UUID.");
            }

            query = query.Where(c => c.AssignedTo == assignee);
        }

        var cases = await query.OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).Skip(firstResult ?? 0).Take(maxResult ?? 20).ToListAsync(ct);
        return Results.Ok(cases.Select(c => ToTask(c, catalogue)));
    }

    private static async Task<IResult> CompleteAsync(string taskId, AdditionalData? body, ClaimsPrincipal user, CompleteTask complete, ServicesDbContext db, CancellationToken ct)
    {
        var data = body?.Data ?? [];
        var decision = data.TryGetValue("decision", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (decision is not (CompleteTask.Approve or CompleteTask.Reject or CompleteTask.SendBack))
        {
            return Problems.Validation("data.decision", "data.decision must be APPROVED, REJECTED or SENDBACK.");
        }

        if (!Guid.TryParse(taskId, out var id))
        {
            return Problems.NotFound("No task with this id for your agency.");
        }

        var reason = data.TryGetValue("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (decision != CompleteTask.Approve && CaseWork.Clean(reason, DraftDecision.MaxReason) is null)
        {
            return Problems.Validation("data.reason", $"A reason of up to {DraftDecision.MaxReason} characters is required to reject or send back.");
        }

        var result = await complete.ExecuteAsync(RegistrationEndpoints.ClientId(user), RegistrationEndpoints.Agency(user), id, decision, reason, ct);
        if (result.Outcome != CaseOutcome.Done)
        {
            return result.Outcome switch
            {
                CaseOutcome.NotFound => Problems.NotFound("No task with this id for your agency."),
                CaseOutcome.Stale => Problems.Conflict(result.Message!),
                _ => Problems.Conflict(result.Message!),
            };
        }

        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        return Results.Ok(new CompletedTaskResponse(c.Id.ToString(), c.ApplicationId.ToString(), c.ServiceSlug, StatusModel.Of([c.Status])));
    }

    private static async Task<IResult> GetTaskAsync(string taskId, ClaimsPrincipal user, ServicesDbContext db, ServiceCatalogue catalogue, CancellationToken ct)
    {
        var agency = RegistrationEndpoints.Agency(user);
        var c = Guid.TryParse(taskId, out var id) ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Agency == agency, ct) : null;
        return c is null ? Problems.NotFound("No task with this id for your agency.") : Results.Ok(ToTask(c, catalogue));
    }

    private static UserTaskResponse ToTask(Case c, ServiceCatalogue catalogue) => new(
        c.Id.ToString(), c.ApplicationId.ToString(), $"{c.ServiceSlug}: {c.Stage}", c.AssignedTo?.ToString(), c.SubmittedAt,
        $"Decide by {c.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", c.ServiceSlug,
        catalogue.Get(c.ServiceSlug)?.Name.En ?? c.ServiceSlug, c.ApplicationId.ToString(), $"{c.ServiceSlug}-form", StatusModel.Of([c.Status]), c.DueOn);
}
