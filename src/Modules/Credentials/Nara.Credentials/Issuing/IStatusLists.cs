using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Issuing;

/// <summary>The status of a credential's status-list entry as the verifier knows it; null: unknown (refused).</summary>
internal interface IStatusLists
{
    ValueTask<int?> ResolveAsync(StatusReference reference, CancellationToken cancellationToken);
}
