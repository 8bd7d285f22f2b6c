using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nara.Consent.Data;
using Nara.Consent.Domain;
using Nara.Consent.Features.MyData;
using Nara.Kernel.Http;
using Nara.Kernel.Security;

namespace Nara.Consent.Api;

/// <summary>
/// Where a MyData recipient collects what citizens sent it (pull, with its own client credentials and the
/// <c>mydata.receive</c> scope): the packages waiting for it, and each package's data, once.
/// </summary>
internal static class MyDataTransferEndpoints
{
    public const string Prefix = "/api/mydata/transfers";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithTags("MyData transfers").RequireAuthorization(ConsentPolicies.MyDataRecipient);
        api.MapGet("/", ListAsync);
        api.MapGet("/{transferId}/packages/{packageId}", CollectAsync);
    }

    private static string Client(ClaimsPrincipal user) => user.FindFirstValue(NaraClaims.ClientId) ?? "";

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ConsentDbContext db, CancellationToken ct)
    {
        var client = Client(user);
        var waiting = await (from p in db.MyDataPackages.AsNoTracking()
                             join t in db.MyDataTransfers.AsNoTracking() on p.TransferId equals t.Id
                             where t.RecipientClientId == client && t.State != MyDataTransferStates.Withdrawn && p.CollectedAt == null && !p.Cancelled
                             orderby p.AvailableAt
                             select new { transferId = t.Id, packageId = p.Id, p.Sequence, p.AvailableAt, t.ConsentRecordId, t.Datasets, t.Schedule })
            .Take(100).ToListAsync(ct);
        return Results.Ok(new
        {
            packages = waiting.Select(w => new
            {
                w.transferId, w.packageId, sequence = w.Sequence, availableAt = ConsentSnapshot.Time(w.AvailableAt), consentRecordId = w.ConsentRecordId,
                datasets = w.Datasets, schedule = w.Schedule, href = $"{Prefix}/{w.transferId}/packages/{w.packageId}",
            }),
        });
    }

    private static async Task<IResult> CollectAsync(string transferId, string packageId, ClaimsPrincipal user, CollectPackage collect, CancellationToken ct)
    {
        if (!ApiResults.TryId(transferId, "transferId", out var transfer, out var error) || !ApiResults.TryId(packageId, "packageId", out var package, out error))
        {
            return error!;
        }

        return ApiResults.From(await collect.ExecuteAsync(Client(user), transfer, package, ct), v => v);
    }
}
