namespace Nara.Identity.Contracts;

/// <summary>
/// The registered third parties a citizen may send their MyData to: confidential OpenID clients of an
/// organisation that may use client credentials and hold the <see cref="MyDataScopes.Receive"/> scope. Read-only.
/// </summary>
public interface IMyDataRecipients
{
    Task<IReadOnlyList<MyDataRecipient>> ListAsync(CancellationToken cancellationToken);
}

/// <param name="AgencyCode">The organisation that owns the client; its data agreement (purpose <c>mydata-transfer</c>) is what the citizen consents to.</param>
public sealed record MyDataRecipient(string ClientId, string DisplayName, string AgencyCode);

public static class MyDataScopes
{
    /// <summary>The OAuth scope a recipient's client is registered with and asks for in its token.</summary>
    public const string Receive = "mydata.receive";

    /// <summary>The same, as the scope claim Nara's APIs authorize on.</summary>
    public const string ReceiveClaim = "mydata:receive";
}
