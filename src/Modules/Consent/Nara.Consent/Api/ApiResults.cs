using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nara.Consent.Features;
using Nara.Kernel.Http;

namespace Nara.Consent.Api;

/// <summary>Maps use-case outcomes and path ids to answers, the same way on every endpoint.</summary>
internal static class ApiResults
{
    public const int MaxLimit = 100;

    public static IResult From<T>(Outcome<T> outcome, Func<T, object> shape) => outcome.Status switch
    {
        OutcomeStatus.Ok => Results.Ok(shape(outcome.Value!)),
        OutcomeStatus.Invalid => Problems.Validation(outcome.Errors!.ToDictionary(e => e.Key, e => e.Value)),
        OutcomeStatus.NotFound => Problems.NotFound(outcome.Detail!),
        OutcomeStatus.Forbidden => Problems.Forbidden(outcome.Detail!),
        _ => Problems.Conflict(outcome.Detail!),
    };

    /// <summary>Ids are UUIDs; anything else is a 400 before any lookup.</summary>
    public static bool TryId(string value, string field, out Guid id, out IResult? error)
    {
        error = Guid.TryParse(value, out id) ? null : Problems.Validation(field, "Must be a UUID.");
        return error is null;
    }

    public static bool TryPage(int? offset, int? limit, out (int Offset, int Limit) page, out IResult? error)
    {
        page = (offset ?? 0, limit ?? 20);
        error = offset is < 0 ? Problems.Validation("offset", "Must be 0 or more.")
            : limit is < 1 or > MaxLimit ? Problems.Validation("limit", $"Between 1 and {MaxLimit}.")
            : null;
        return error is null;
    }

    /// <summary>The optional filters of a consent-record listing (auditors and verifiers): an agreement id and an individual id.</summary>
    public static bool TryRecordFilter(string? dataAgreementId, string? individualId, out Guid? agreement, out IResult? error)
    {
        agreement = null;
        error = null;
        if (dataAgreementId is not null)
        {
            if (!TryId(dataAgreementId, "dataAgreementId", out var id, out error))
            {
                return false;
            }

            agreement = id;
        }

        if (individualId is not null && !Callers.IsIndividualId(individualId))
        {
            error = Problems.Validation("individualId", "Must be an individual id: the resident id, in decimal digits.");
        }

        return error is null;
    }

    public static object Pagination(int offset, int limit, int total) =>
        new { currentPage = (offset / limit) + 1, totalItems = total, totalPages = (total + limit - 1) / limit, limit, hasPrevious = offset > 0, hasNext = offset + limit < total };

    public static string Digits(long value) => value.ToString(CultureInfo.InvariantCulture);
}
