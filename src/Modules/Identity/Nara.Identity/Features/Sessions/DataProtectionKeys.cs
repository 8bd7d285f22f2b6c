using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nara.Identity.Features.Sessions;

/// <summary>
/// The ASP.NET Core Data Protection key ring: it encrypts sign-in and enrolment cookies, anti-forgery tokens,
/// the OpenID provider's signing keys in the database and pairwise-subject secrets. Without a fixed place the
/// keys would live in the service account's home directory (or in memory), and a restart, a new container or a
/// second host would sign everyone out and lose the OIDC keys. Hosts that share a key directory and application
/// name read each other's cookies and tokens.
/// </summary>
internal static class DataProtectionKeys
{
    public const string Section = "Nara:DataProtection";

    /// <summary>Default application name: the same on every host, so cookies move between them.</summary>
    public const string DefaultApplicationName = "Nara";

    public static IServiceCollection AddNaraDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = Directory(configuration);
        var builder = services.AddDataProtection()
            .SetApplicationName(configuration[$"{Section}:ApplicationName"] is { Length: > 0 } name ? name : DefaultApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(directory));

        // Optional encryption of the key files at rest (otherwise: protect the directory with file permissions).
        if (configuration[$"{Section}:CertificateFile"] is { Length: > 0 } certificateFile)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificateFile, configuration[$"{Section}:CertificatePassword"]);
            builder.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    /// <summary>Nara:DataProtection:KeyDirectory, or &lt;DataDirectory&gt;/keys/dataprotection.</summary>
    public static string Directory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Path.GetFullPath(configuration[$"{Section}:KeyDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["Nara:Database:DataDirectory"] is { Length: > 0 } data ? data : "data", "keys", "dataprotection"));
    }
}
