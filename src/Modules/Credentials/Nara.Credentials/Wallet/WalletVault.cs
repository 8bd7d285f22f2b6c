using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Wallet;

/// <summary>What a wallet entry holds: the credential as issued (all disclosures) and the holder's private key.</summary>
internal sealed record WalletContents(string Credential, ECDsa HolderKey) : IDisposable
{
    public void Dispose() => HolderKey.Dispose();
}

/// <summary>
/// Seals wallet entries with ASP.NET Core Data Protection (the host's key ring, <c>Nara:DataProtection</c>): the
/// credential and its PKCS#8 holder key become one authenticated ciphertext. The purpose chain names the resident, so
/// a blob copied into another resident's row does not open.
/// </summary>
internal sealed class WalletVault(IDataProtectionProvider dataProtection)
{
    private const string Purpose = "Nara.Credentials.Wallet.v1";

    public byte[] Seal(long residentId, string credential, ECDsa holderKey)
    {
        var json = new JsonObject { ["credential"] = credential, ["key"] = B64.Encode(holderKey.ExportPkcs8PrivateKey()) }.ToJsonString();
        return For(residentId).Protect(Encoding.UTF8.GetBytes(json));
    }

    /// <returns>null when the blob does not open for this resident (tampered, another resident's, or a lost key ring).</returns>
    public WalletContents? Open(long residentId, byte[] sealedBlob)
    {
        try
        {
            var json = JsonNode.Parse(For(residentId).Unprotect(sealedBlob)) as JsonObject;
            if (json is null || Es256.Text(json, "credential") is not { } credential || B64.TryDecode(Es256.Text(json, "key") ?? "") is not { } pkcs8)
            {
                return null;
            }

            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            return new WalletContents(credential, key);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector For(long residentId) =>
        dataProtection.CreateProtector(Purpose, residentId.ToString(CultureInfo.InvariantCulture));
}
