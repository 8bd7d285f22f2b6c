using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.Oid4vp;

namespace Nara.Credentials.Features;

/// <summary>The request object a wallet fetches from request_uri, while the request is open (unanswered, unexpired).</summary>
internal sealed class ServePresentationRequest(CredentialsDbContext db, TimeProvider clock)
{
    public async Task<string?> ExecuteAsync(string origin, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var request = await db.Presentations.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (request is null || request.AnsweredAt is not null || request.ExpiresAt <= now
            || CredentialTypes.All.FirstOrDefault(t => t.Id == request.Type) is not { } type)
        {
            return null;
        }

        var claims = JsonSerializer.Deserialize<List<string>>(request.Claims) ?? [];
        return AuthorizationRequest.RequestObject(origin, id, type, claims, request.Nonce, request.State, now, request.ExpiresAt);
    }
}
