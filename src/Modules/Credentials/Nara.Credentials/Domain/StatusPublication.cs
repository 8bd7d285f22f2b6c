namespace Nara.Credentials.Domain;

/// <summary>
/// A version of a status list as the issuer published it: the first time its content (the compressed bit list) was
/// served. Kept so that "what did the issuer say about revocations, and since when" has an answer in the audit log,
/// without logging who fetched the list (that would be a log of verifications).
/// </summary>
internal sealed class StatusPublication
{
    public int List { get; set; }

    /// <summary>1, 2, 3… per list; unique with <see cref="List"/>, so two hosts cannot record the same step twice.</summary>
    public int Sequence { get; set; }

    /// <summary>SHA-256 (base64url) of the list's <c>lst</c>.</summary>
    public required string Digest { get; set; }

    public int Revoked { get; set; }

    public int Suspended { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}
