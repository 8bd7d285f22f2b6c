namespace Nara.Identity.Domain;

public enum AccountKind
{
    Citizen = 1,
    Official = 2,
}

/// <summary>A person who signs in: a citizen, or an official working for one agency with roles there.</summary>
internal sealed class Account
{
    public Guid Id { get; set; }

    public AccountKind Kind { get; set; }

    /// <summary>The person in the resident registry (officials are residents too).</summary>
    public long? ResidentId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Officials only: the agency code (e.g. "MOIS", or the local government code).</summary>
    public string? AgencyCode { get; set; }

    /// <summary>Space-separated role names from <c>NaraRoles</c>, valid at <see cref="AgencyCode"/> only.</summary>
    public string Roles { get; set; } = "";

    /// <summary>Stable key for demo personas, so tests and the README can name them.</summary>
    public string? PersonaKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by an agency administrator (officials) or an operator; a disabled account cannot sign in or enrol.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The WebAuthn user handle: random, so it says nothing about the person; kept for all their passkeys.</summary>
    public byte[]? UserHandle { get; set; }

    public List<Passkey> Passkeys { get; } = [];

    public bool IsOfficial => Kind == AccountKind.Official;

    public IReadOnlyList<string> RoleList => Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
