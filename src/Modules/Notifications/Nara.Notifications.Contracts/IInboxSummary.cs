namespace Nara.Notifications.Contracts;

/// <summary>What the portal header shows about a citizen's inbox.</summary>
public interface IInboxSummary
{
    /// <summary>Messages in the account's inbox not yet opened (archived ones not counted).</summary>
    Task<int> UnreadCountAsync(Guid accountId, CancellationToken cancellationToken);
}
