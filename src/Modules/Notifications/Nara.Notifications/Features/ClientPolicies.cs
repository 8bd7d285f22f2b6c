using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nara.Notifications.Data;

namespace Nara.Notifications.Features;

/// <summary>
/// Per-client settings (test mode, callback URL, limits) cached for a few seconds, and a token bucket
/// per client. The bucket lives in each host's memory: with N hosts a client gets up to N times the
/// rate, while the daily cap (in the database) holds exactly.
/// </summary>
internal sealed class ClientPolicies(IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public async Task<SendCaller> CallerAsync(string clientId, string? agency, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(clientId, out var cached) || cached.Until < now)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var row = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
            var o = options.Value;
            cached = new Cached(
                new SendCaller(clientId, agency, row?.TestMode ?? false, row?.DailyCap ?? o.DailyCap, row?.CallbackUrl),
                row?.RequestsPerSecond ?? o.RequestsPerSecond,
                row?.Burst ?? o.Burst,
                now + CacheFor);
            _cache[clientId] = cached;
        }

        return cached.Caller;
    }

    /// <summary>Takes a token; false (with a wait hint) when the client's bucket is empty.</summary>
    public bool TryAcquire(string clientId, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_cache.TryGetValue(clientId, out var cached))
        {
            return true;
        }

        var bucket = _buckets.AddOrUpdate(
            clientId,
            _ => Bucket.Create(cached.RequestsPerSecond, cached.Burst),
            (_, b) => b.RequestsPerSecond == cached.RequestsPerSecond && b.Size == cached.Burst ? b : Bucket.Create(cached.RequestsPerSecond, cached.Burst));
        using var lease = bucket.Limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return false;
    }

    /// <summary>Forgets cached settings (after an administrator changes them).</summary>
    public void Forget(string clientId) => _cache.TryRemove(clientId, out _);

    private sealed record Cached(SendCaller Caller, int RequestsPerSecond, int Burst, DateTimeOffset Until);

    private sealed record Bucket(int RequestsPerSecond, int Size, TokenBucketRateLimiter Limiter)
    {
        // Topped up ten times a second; a rate under 10/s gets one token per 1/rate seconds instead, as
        // "at least one token per 100 ms" would have let a 1/s client send 10/s.
        public static Bucket Create(int perSecond, int size) => new(perSecond, size, new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, size),
            TokensPerPeriod = perSecond >= 10 ? perSecond / 10 : 1,
            ReplenishmentPeriod = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1.0 / Math.Max(1, perSecond)),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }
}
