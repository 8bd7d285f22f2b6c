using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Exchange.Data;
using Nara.Exchange.Domain;

namespace Nara.Exchange.Features.Mediation;

/// <summary>
/// Services and access rights, read once and kept in memory: every exchange needs them and they change
/// rarely. A change made on this host is seen by the next request (<see cref="Invalidate"/>); a change made on
/// another host within <see cref="MaxAge"/>. Consent is never cached (Consent answers every time).
/// </summary>
internal sealed class ExchangeDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _reload.Dispose();

    public async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_snapshot is { } fresh && clock.GetElapsedTime(fresh.LoadedAt, now) < MaxAge)
        {
            return fresh;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } other && clock.GetElapsedTime(other.LoadedAt, clock.GetTimestamp()) < MaxAge)
            {
                return other;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
            var rights = await db.AccessRights.AsNoTracking().Select(r => new { r.ServiceId, r.ClientId }).ToListAsync(cancellationToken);
            var subsystems = await db.Subsystems.AsNoTracking()
                .Join(db.Members, s => s.MemberId, m => m.Id, (s, m) => new { s.Id, m.AgencyCode })
                .ToDictionaryAsync(x => x.Id, x => x.AgencyCode, StringComparer.Ordinal, cancellationToken);
            var loaded = new Snapshot(services, rights.Select(r => (r.ServiceId, r.ClientId)).ToHashSet(), subsystems, clock.GetTimestamp());
            _snapshot = loaded;
            return loaded;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <param name="Subsystems">Registered subsystem id → the agency of its member (null for private members).</param>
    internal sealed record Snapshot(
        IReadOnlyDictionary<string, ExchangeService> Services,
        IReadOnlySet<(string Service, string Client)> Rights,
        IReadOnlyDictionary<string, string?> Subsystems,
        long LoadedAt)
    {
        public bool Allows(string service, string client) => Rights.Contains((service, client));
    }
}
