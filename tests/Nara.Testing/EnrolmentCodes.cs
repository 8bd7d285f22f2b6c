using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Data;

namespace Nara.Testing;

/// <summary>
/// Reads the one-time code Identity asked Notifications to send for an enrolment challenge, from Identity's
/// outbox (the code itself is stored nowhere else: the database keeps only its hash).
/// </summary>
public static class EnrolmentCodes
{
    public static async Task<string> ForChallengeAsync(this NaraFactory factory, Guid challenge)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var payloads = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Type.EndsWith("NotificationRequested"))
            .Select(m => m.Payload)
            .ToListAsync();
        foreach (var payload in payloads)
        {
            using var json = JsonDocument.Parse(payload);
            if (json.RootElement.GetProperty("idempotencyKey").GetString() == $"enrolment:{challenge:N}")
            {
                return json.RootElement.GetProperty("personalisation").GetProperty("code").GetString()!;
            }
        }

        throw new InvalidOperationException($"No code was requested for challenge {challenge}.");
    }
}
