using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Events;

namespace Nara.Testing;

public static class NaraFactoryExtensions
{
    /// <summary>
    /// Delivers every due integration event now and waits until none is left undelivered, including those
    /// the background dispatcher is delivering at this moment (it marks them only when its handlers finish).
    /// Messages waiting for a retry later than the test clock's now are left alone.
    /// </summary>
    public static async Task DrainOutboxAsync(this NaraFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
            {
            }

            if (!await AnyDueAsync(factory))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Integration events are still undelivered after 30 s.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<bool> AnyDueAsync(NaraFactory factory)
    {
        var now = factory.Clock.GetUtcNow();
        foreach (var registration in factory.Services.GetServices<ModuleDbContextRegistration>())
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            if (await db.OutboxMessages.AnyAsync(m => m.DispatchedAt == null && m.NextAttemptAt <= now))
            {
                return true;
            }
        }

        return false;
    }
}
