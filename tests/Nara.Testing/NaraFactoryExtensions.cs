using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Events;

namespace Nara.Testing;

public static class NaraFactoryExtensions
{
    /// <summary>Delivers every pending integration event now, instead of waiting for the dispatcher's poll.</summary>
    public static async Task DrainOutboxAsync(this NaraFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }
    }
}
