using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Services.Features.Statistics;

namespace Nara.Services.Api;

/// <summary>Per-service figures as open data: counts and timings only, nothing about a person.</summary>
internal static class StatisticsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/services/statistics", async (string? service, ServiceStatistics statistics, CancellationToken ct) =>
                Results.Ok(await statistics.ComputeAsync(service, ct)))
            .WithTags("Services")
            .AllowAnonymous();
}
