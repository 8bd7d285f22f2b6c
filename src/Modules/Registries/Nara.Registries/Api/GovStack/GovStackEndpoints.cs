using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Kernel.Security;
using Nara.Registries.Features.Records;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Api.GovStack;

/// <summary>
/// The GovStack Digital Registries Data API under /govstack/registries, for spec 1.0 (kebab-case paths,
/// page_size) and 23Q4 (camelCase paths, pageSize) at once. Agency clients only, scoped per registry.
/// </summary>
internal static class GovStackEndpoints
{
    public const string Prefix = "/govstack/registries";
    private const string Tag = "GovStack Digital Registries";
    private const string Record = "/data/{registry}/{version}";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).RequireAuthorization(NaraPolicies.AgencyClient).WithTags(Tag)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(Record, List).WithName("list").WithSummary("Search and list records (search, filter, ordering, page, page_size/pageSize, query.<field>)").Produces<RecordList>();
        Body(api.MapPost(Record + "/create", Create).WithName("create").WithSummary("Create a record")).Produces<RecordResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        Body(api.MapPost(Record + "/exists", Exists).WithName("exists").WithSummary("Tell whether a record matching query.content exists")).Produces<ExistsAnswer>();
        Body(api.MapPost(Record + "/read", Read).WithName("read").WithSummary("Read the first record matching query.content")).Produces<RecordResponse>();
        Body(api.MapPut(Record + "/update", Update).WithName("update").WithSummary("Update the one record matching query.content")).Produces<RecordResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        foreach (var (path, name) in new[] { ("update-entries", "update-entries"), ("updateEntries", "updateEntries") })
        {
            Body(api.MapPut($"{Record}/{path}", UpdateMany).WithName(name).WithSummary("Update every record matching query.content")).Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status409Conflict);
        }

        foreach (var (path, name) in new[] { ("update-or-create", "update-or-create"), ("updateOrCreate", "updateOrCreate") })
        {
            Body(api.MapPost($"{Record}/{path}", UpdateOrCreate).WithName(name).WithSummary("Update the record matching query.content, or create it")).Produces<RecordResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        }

        api.MapDelete(Record + "/{id}/delete", Delete).WithName("delete").WithSummary("Delete a record by its id").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/data/MyPersonalDataUsage/{version}", UsageV1).WithName("DPU").WithSummary("Who read a person's records (spec 1.0: userID, DatabaseID; PascalCase answer)");
        api.MapGet("/data/mypersonalDataUsage", UsageV2).WithName("mypersonalDataUsage").WithSummary("Who read a person's records (23Q4: userId, databaseId; camelCase answer)");
        api.MapGet("/databases", (RegistryCatalogue catalogue) => DescribeRegistries.All(catalogue)).WithName("databases").WithSummary("The registries served, with their owners and field schemas");
        api.MapGet("/database/{id}", (string id, RegistryCatalogue catalogue) => DescribeRegistries.One(catalogue, id)).WithName("database").WithSummary("One registry's schema, by number or name");
    }

    private static RouteHandlerBuilder Body(RouteHandlerBuilder route) => route.Accepts<RecordEnvelope>("application/json");

    private static async Task<IResult> List(string registry, string version, HttpContext context, RegistryCatalogue catalogue, ListRecords feature, CancellationToken ct)
    {
        var (r, caller, problem) = RegistryAccess.Resolve(context, catalogue, registry, version, RegistryAccess.Read);
        return problem ?? await feature.ExecuteAsync(r!, caller!, context.Request, ct);
    }

    private static Task<IResult> Create(string registry, string version, HttpContext context, RegistryCatalogue catalogue, CreateRecord feature, CancellationToken ct) =>
        WithBody(context, catalogue, registry, version, RegistryAccess.Write, (r, c, b) => feature.ExecuteAsync(r, c, b.Write, ct), ct);

    private static Task<IResult> Exists(string registry, string version, HttpContext context, RegistryCatalogue catalogue, RecordExists feature, CancellationToken ct) =>
        WithBody(context, catalogue, registry, version, RegistryAccess.Read, (r, c, b) => feature.ExecuteAsync(r, c, b.Query, ct), ct);

    private static Task<IResult> Read(string registry, string version, HttpContext context, RegistryCatalogue catalogue, ReadRecord feature, CancellationToken ct) =>
        WithBody(context, catalogue, registry, version, RegistryAccess.Read, (r, c, b) => feature.ExecuteAsync(r, c, b.Query, ct), ct);

    private static Task<IResult> Update(string registry, string version, HttpContext context, RegistryCatalogue catalogue, UpdateRecord feature, CancellationToken ct) =>
        WithBody(context, catalogue, registry, version, RegistryAccess.Write, (r, c, b) => feature.ExecuteAsync(r, c, b.Query, b.Write, ct), ct);

    private static Task<IResult> UpdateMany(string registry, string version, HttpContext context, RegistryCatalogue catalogue, UpdateEntries feature, CancellationToken ct) =>
        WithBody(context, catalogue, registry, version, RegistryAccess.Write, (r, c, b) => feature.ExecuteAsync(r, c, b.Query, b.Write, ct), ct);

    private static Task<IResult> UpdateOrCreate(string registry, string version, HttpContext context, RegistryCatalogue catalogue, UpdateOrCreateRecord feature, CancellationToken ct) =>
        WithBody(context, catalogue, registry, version, RegistryAccess.Write, (r, c, b) => feature.ExecuteAsync(r, c, b.Query, b.Write, ct), ct);

    private static async Task<IResult> Delete(string registry, string version, string id, HttpContext context, RegistryCatalogue catalogue, DeleteRecord feature, CancellationToken ct)
    {
        var (r, caller, problem) = RegistryAccess.Resolve(context, catalogue, registry, version, RegistryAccess.Write);
        return problem ?? await feature.ExecuteAsync(r!, caller!, id, ct);
    }

    private static async Task<IResult> UsageV1(string version, HttpContext context, MyPersonalDataUsage feature, CancellationToken ct)
    {
        if (version != RegistryCatalogue.Version)
        {
            return Kernel.Http.Problems.NotFound($"myPersonalDataUsage is served at version {RegistryCatalogue.Version}.");
        }

        return await Usage(context, feature, pascalCase: true, ct);
    }

    private static Task<IResult> UsageV2(HttpContext context, MyPersonalDataUsage feature, CancellationToken ct) =>
        Usage(context, feature, pascalCase: false, ct);

    /// <summary>Query keys are case-insensitive, so userID/userId and DatabaseID/databaseId both bind.</summary>
    private static async Task<IResult> Usage(HttpContext context, MyPersonalDataUsage feature, bool pascalCase, CancellationToken ct)
    {
        var (caller, problem) = RegistryAccess.Identify(context);
        if (problem is not null)
        {
            return problem;
        }

        if (!caller!.May(MyPersonalDataUsageScope, RegistryAccess.Read))
        {
            return Kernel.Http.Problems.Forbidden($"This client lacks the scope registries:{MyPersonalDataUsageScope}:read.");
        }

        return await feature.ExecuteAsync(context.Request.Query["userId"], context.Request.Query["databaseId"], pascalCase, ct);
    }

    /// <summary>The spec leaves this endpoint open; Nara does not, since it reveals who looked at a person.</summary>
    public const string MyPersonalDataUsageScope = "personal-data-usage";

    private static async Task<IResult> WithBody(HttpContext context, RegistryCatalogue catalogue, string registry, string version, string access, Func<IRegistry, Caller, RecordBody, Task<IResult>> run, CancellationToken ct)
    {
        var (r, caller, problem) = RegistryAccess.Resolve(context, catalogue, registry, version, access);
        if (problem is not null)
        {
            return problem;
        }

        var (body, error) = await RecordBody.ReadAsync(context.Request, ct);
        return error is not null ? Kernel.Http.Problems.BadRequest(error) : await run(r!, caller!, body!);
    }
}
