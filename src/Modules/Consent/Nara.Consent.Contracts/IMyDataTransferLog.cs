namespace Nara.Consent.Contracts;

/// <summary>
/// The MyData transfers a citizen ordered that a recipient has collected, for the citizen's "who used my data"
/// page (Exchange): each collection is a use of their data, made at their request.
/// </summary>
public interface IMyDataTransferLog
{
    /// <summary>The individual's collected packages, newest first, at most <paramref name="limit"/>.</summary>
    /// <param name="individualId">The Registries resident id, as decimal digits.</param>
    Task<IReadOnlyList<CollectedTransfer>> CollectionsAsync(string individualId, int limit, CancellationToken cancellationToken);
}

/// <summary>One period of a MyData transfer, collected by its recipient.</summary>
/// <param name="Datasets">What was sent: <c>resident</c> and/or <c>household</c>.</param>
/// <param name="Schedule"><c>once</c> or <c>monthly</c>.</param>
public sealed record CollectedTransfer(
    Guid TransferId,
    Guid PackageId,
    int Sequence,
    string RecipientName,
    string RecipientAgency,
    IReadOnlyList<string> Datasets,
    string Schedule,
    Guid ConsentRecordId,
    DateTimeOffset CollectedAt);
