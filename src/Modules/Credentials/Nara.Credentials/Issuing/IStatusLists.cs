using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Issuing;

/// <summary>The status of a credential's status-list entry as the verifier knows it (from a cached list); null: unknown.</summary>
internal interface IStatusLists
{
    ValueTask<int?> ResolveAsync(StatusReference reference, CancellationToken cancellationToken);
}

/// <summary>
/// No status lists are published yet (they need the module's tables, next step): a credential that references one
/// cannot be checked and is refused as status-unavailable rather than accepted unchecked.
/// </summary>
internal sealed class NoStatusLists : IStatusLists
{
    public ValueTask<int?> ResolveAsync(StatusReference reference, CancellationToken cancellationToken) => ValueTask.FromResult<int?>(null);
}
