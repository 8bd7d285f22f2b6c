using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Exchange.Data;

namespace Nara.Exchange.Features.Mediation;

/// <summary>
/// The residents who asked to be told about each access to their data, kept in memory like the
/// <see cref="ExchangeDirectory"/>: a change made on this host is seen by the next exchange
/// (<see cref="Invalidate"/>), one made on another host within <see cref="ExchangeDirectory.MaxAge"/>.
/// </summary>
internal sealed class AlertSubscribers(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _reload.Dispose();

    public async Task<bool> WantsAlertAsync(long residentId, CancellationToken cancellationToken)
    {
        if (_snapshot is not { } current || clock.GetElapsedTime(current.LoadedAt) >= ExchangeDirectory.MaxAge)
        {
            current = await ReloadAsync(cancellationToken);
        }

        return current.Residents.Contains(residentId);
    }

    private async Task<Snapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } other && clock.GetElapsedTime(other.LoadedAt) < ExchangeDirectory.MaxAge)
            {
                return other;
            }

            var loadedAt = clock.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            var residents = await db.AccessAlerts.AsNoTracking().Where(a => a.Enabled).Select(a => a.ResidentId).ToListAsync(cancellationToken);
            var loaded = new Snapshot([.. residents], loadedAt);
            _snapshot = loaded;
            return loaded;
        }
        finally
        {
            _reload.Release();
        }
    }

    private sealed record Snapshot(HashSet<long> Residents, long LoadedAt);
}
