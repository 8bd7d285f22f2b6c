namespace Nara.Credentials.SdJwt;

/// <summary>Why a presentation was refused. The names (kebab-case) are the stable codes of the verifier API.</summary>
internal enum Rejection
{
    Malformed,
    WrongType,
    UnsupportedAlgorithm,
    UnknownIssuerKey,
    BadSignature,
    MalformedDisclosure,
    DisclosureNotReferenced,
    DuplicateDisclosure,
    DuplicateDigest,
    ClaimOverwritten,
    KeyBindingMissing,
    KeyBindingInvalid,
    WrongAudience,
    WrongNonce,
    WrongSdHash,
    KeyBindingStale,
    Expired,
    NotYetValid,
    Revoked,
    Suspended,
    StatusUnavailable,
}

internal static class Rejections
{
    /// <summary>kebab-case code: KeyBindingMissing → key-binding-missing.</summary>
    public static string Code(this Rejection rejection) =>
        string.Concat(rejection.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
