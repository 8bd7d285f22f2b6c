using Microsoft.EntityFrameworkCore;
using Nara.Identity.Domain;
using OpenIddict.EntityFrameworkCore.Models;

namespace Nara.Identity.Data;

/// <summary>The OpenID provider's tables: OpenIddict's four entities (renamed to the module's prefix) and Nara's keys and sectors.</summary>
internal static class OidcModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("identity_oidc_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("identity_oidc_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("identity_oidc_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("identity_oidc_tokens");

        modelBuilder.Entity<OidcKey>(b =>
        {
            b.ToTable("identity_oidc_keys");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(64);
            b.Property(x => x.Use).HasMaxLength(8);
            b.Property(x => x.ProtectedKey).HasMaxLength(8000);
        });
        modelBuilder.Entity<OidcSector>(b =>
        {
            b.ToTable("identity_oidc_sectors");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(200);
            b.Property(x => x.ProtectedSecret).HasMaxLength(1000);
        });
    }
}
