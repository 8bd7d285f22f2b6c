using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Data;
using Nara.Credentials.Oid4vci;

namespace Nara.Credentials.Features;

/// <summary>
/// The verifier reads the outcome of its request with the transaction id it got at creation. Same-device requests
/// also need the response_code the wallet's redirect carried (OpenID4VP §13.3: whoever merely started the flow in
/// another browser cannot collect someone else's presentation).
/// </summary>
internal sealed class ReadPresentationResult(CredentialsDbContext db, TimeProvider clock)
{
    internal enum State { Unknown, Pending, Answered, ResponseCodeRequired }

    internal sealed record Outcome(State State, JsonObject? Result, bool SameDevice);

    public async Task<Outcome> ExecuteAsync(Guid id, string? transactionId, string? responseCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var request = transactionId is { Length: > 0 and <= 200 }
            ? await db.Presentations.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
        if (request is null || request.ExpiresAt <= now || request.TransactionHash != Secrets.Hash(transactionId!))
        {
            return new Outcome(State.Unknown, null, false);
        }

        var sameDevice = request.RedirectUri is not null;
        if (request.AnsweredAt is null)
        {
            return new Outcome(State.Pending, null, sameDevice);
        }

        var result = JsonNode.Parse(request.Result!) as JsonObject;
        var accepted = result?["valid"] is JsonValue v && v.TryGetValue<bool>(out var ok) && ok;

        // A refusal carries no personal data (only its reason), so it needs no response_code: a same-device user
        // whose wallet was refused is not redirected and comes back to the page by hand.
        if (accepted && sameDevice && (responseCode is not { Length: > 0 and <= 200 } || Secrets.Hash(responseCode) != request.ResponseCodeHash))
        {
            return new Outcome(State.ResponseCodeRequired, null, sameDevice);
        }

        return new Outcome(State.Answered, result, sameDevice);
    }
}
