namespace Nara.Credentials.Domain;

/// <summary>
/// An OpenID4VP request a verifier made through Nara: what it asks for, its nonce and state, and — once the wallet
/// answered — the verified outcome with only the requested claims. Kept only until <see cref="ExpiresAt"/> (the
/// verifier's page or API has to read the result somewhere); expired rows are deleted when new requests are made.
/// </summary>
internal sealed class PresentationRequest
{
    /// <summary>Public: it is in the request_uri the wallet fetches.</summary>
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the transaction id only the verifier holds; reading the result needs it.</summary>
    public string TransactionHash { get; set; } = "";

    public string Nonce { get; set; } = "";

    public string State { get; set; } = "";

    /// <summary>The credential type's short id.</summary>
    public string Type { get; set; } = "";

    /// <summary>The requested claim names, JSON array.</summary>
    public string Claims { get; set; } = "[]";

    /// <summary>Same-device: where the wallet sends the user back (with response_code); null for cross-device.</summary>
    public string? RedirectUri { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>SHA-256 of the response_code handed to the wallet for the redirect (same-device only).</summary>
    public string? ResponseCodeHash { get; set; }

    /// <summary>The outcome as JSON (valid, code, reason, disclosed requested claims).</summary>
    public string? Result { get; set; }
}
