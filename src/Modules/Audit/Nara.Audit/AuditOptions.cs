namespace Nara.Audit;

/// <summary>Bound from <c>Nara:Audit</c>.</summary>
internal sealed class AuditOptions
{
    public const string Section = "Nara:Audit";

    /// <summary>Sign a tree head at least this often while entries keep arriving.</summary>
    public int HeadEverySeconds { get; set; } = 60;

    /// <summary>...or as soon as this many entries are not yet covered by a signed head.</summary>
    public int HeadEveryEntries { get; set; } = 10_000;

    /// <summary>ECDSA P-256 private key (PKCS#8 PEM); default &lt;DataDirectory&gt;/keys/audit-signing.pem, created on first start.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>Where every signed head is also written as JSON, standing in for an external witness; default &lt;DataDirectory&gt;/audit-witness.</summary>
    public string? WitnessDirectory { get; set; }

    /// <summary>Most entries one transaction commits.</summary>
    public int MaxBatch { get; set; } = 2_000;
}
