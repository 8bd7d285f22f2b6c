using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nara.Notifications.Channels;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Features;

/// <summary>
/// One round of the dispatcher: claim a batch, hand each message to its channel (several at once),
/// record each outcome. On shutdown, sends already handed over are finished and recorded; the rest of
/// the batch is released for another host, so nothing is lost and nothing goes out twice.
/// </summary>
internal sealed class DispatchMessages(IServiceScopeFactory scopes, OutcomePipeline outcomes, IOptions<NotificationsOptions> options, ILogger<DispatchMessages> logger)
{
    /// <summary>Identifies this host's claims in the lease column.</summary>
    public string HostId { get; } = $"{Last(Environment.MachineName, 20)}:{Guid.NewGuid():N}";

    /// <summary>Returns how many messages were claimed (0 when there was nothing due).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken stoppingToken)
    {
        var owner = Last($"{HostId}:{Guid.NewGuid():N}", 64);
        stoppingToken.ThrowIfCancellationRequested();
        IReadOnlyList<Message> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Not cancellable: a claim cut off between its UPDATE and its read would hold rows until the lease ran out.
            batch = await scope.ServiceProvider.GetRequiredService<ClaimMessages>().ClaimAsync(owner, options.Value.DispatchBatchSize, CancellationToken.None);
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        var done = new ConcurrentDictionary<Guid, bool>();
        try
        {
            await Parallel.ForEachAsync(
                batch,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.DispatchParallelism), CancellationToken = stoppingToken },
                async (message, _) =>
                {
                    // Once handed to a channel, a send is finished and recorded even during shutdown.
                    await DeliverAsync(message, owner, CancellationToken.None);
                    done[message.Id] = true;
                });
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var left = batch.Where(m => !done.ContainsKey(m.Id)).Select(m => m.Id).ToList();
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ClaimMessages>().ReleaseAsync(owner, left, CancellationToken.None);
            throw;
        }

        return batch.Count;
    }

    private async Task DeliverAsync(Message message, string owner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        DeliveryOutcome outcome;
        try
        {
            outcome = message.Test
                ? SimulatedDelivery.Outcome(message.To)
                : services.GetServices<IDeliveryChannel>().FirstOrDefault(c => c.Name == message.Channel) is { } channel
                    ? await channel.DeliverAsync(ToOutgoing(message), ct)
                    : DeliveryOutcome.Technical($"No '{message.Channel}' channel is configured.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unexpected fault may pass (a full disk, a restarting gateway): retry rather than lose it.
            logger.LogWarning(ex, "Channel {Channel} failed on message {Id}", message.Channel, message.Id);
            outcome = DeliveryOutcome.Temporary($"The {message.Channel} channel failed: {ex.GetType().Name}.");
        }

        // Recorded with the other sends' outcomes in one transaction; a refused group falls back to one by
        // one with retries (see OutcomePipeline).
        if (!await outcomes.RecordAsync(new OutcomeItem(message, owner, outcome)))
        {
            logger.LogWarning("Message {Id}: the lease ran out before its outcome was recorded", message.Id);
        }
    }

    private static string Last(string text, int length) => text.Length <= length ? text : text[^length..];

    private static OutgoingMessage ToOutgoing(Message m) =>
        new(m.Id, m.Channel, m.To, m.AccountId, m.Language, m.Kind, m.TemplateId, m.Subject, m.Body);
}

/// <summary>
/// Test clients' delivery, as GOV.UK Notify's simulated addresses: "temp-fail" in the address gives a
/// temporary failure, "perm-fail" a permanent one, anything else is delivered. Nothing leaves Nara.
/// </summary>
internal static class SimulatedDelivery
{
    public static DeliveryOutcome Outcome(string to) =>
        to.Contains("temp-fail", StringComparison.OrdinalIgnoreCase) ? DeliveryOutcome.Temporary("Simulated temporary failure.")
        : to.Contains("perm-fail", StringComparison.OrdinalIgnoreCase) ? DeliveryOutcome.Permanent("Simulated permanent failure.")
        : DeliveryOutcome.Delivered;
}
