using System.Text.Json.Nodes;

namespace Nara.Registries.Api.GovStack;

// Shapes for the OpenAPI document only: requests are read leniently by RecordBody, answers built as JSON.

/// <summary>The GovStack request envelope.</summary>
internal sealed record RecordEnvelope(RecordPart? Query, RecordPart? Write);

/// <summary>Record fields by their camelCase names, as the registry's schema lists them.</summary>
internal sealed record RecordPart(JsonObject Content);

internal sealed record RecordResponse(JsonObject Content);

internal sealed record RecordList(int Count, Uri? Next, Uri? Previous, IReadOnlyList<JsonObject> Results);

internal sealed record ExistsAnswer(ExistsStatus Answer);

internal sealed record ExistsStatus(bool Status, string Message);
