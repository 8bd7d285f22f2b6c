using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Http;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>query.content of a request: exact values that select records. An empty query selects nothing.</summary>
internal static class RecordQuery
{
    public static (RecordFilter? Filter, IResult? Problem) Parse(IRegistry registry, JsonObject? content)
    {
        if (content is null || content.Count == 0)
        {
            return (null, Problems.BadRequest("query.content must name at least one field to match, e.g. {\"query\":{\"content\":{\"id\":1}}}."));
        }

        var errors = new Dictionary<string, string[]>();
        var values = RecordContent.Parse(registry, content, errors);
        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (RecordFilter.Matching(values), null);
    }

    public static (List<FieldValue>? Values, IResult? Problem) ParseWrite(IRegistry registry, JsonObject? content)
    {
        if (content is null || content.Count == 0)
        {
            return (null, Problems.BadRequest("write.content must hold the fields to write, e.g. {\"write\":{\"content\":{…}}}."));
        }

        var errors = new Dictionary<string, string[]>();
        var values = RecordContent.Parse(registry, content, errors);
        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (values, null);
    }
}
