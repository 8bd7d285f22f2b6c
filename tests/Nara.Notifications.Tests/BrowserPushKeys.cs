using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Nara.Notifications.Tests;

/// <summary>
/// What a browser holds for a push subscription (a P-256 key pair and an auth secret), and the browser's
/// side of RFC 8291: decrypting an aes128gcm message, which proves Nara encrypted it for this browser.
/// </summary>
public sealed class BrowserPushKeys : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

    public string P256dh => WebEncoders.Base64UrlEncode(PublicPoint(_key));

    public string Auth => WebEncoders.Base64UrlEncode(_auth);

    public string Decrypt(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var salt = body[..16];
        var idLength = body[20];
        var senderPublic = body[21..(21 + idLength)];
        var cipher = body[(21 + idLength)..];
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4)) >= 18, "record size");

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..65] },
        });
        var shared = _key.DeriveRawSecretAgreement(sender.PublicKey);
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicPoint(_key), .. senderPublic];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, _auth, keyInfo);
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, "Content-Encoding: nonce\0"u8.ToArray());
        var plain = new byte[cipher.Length - 16];
        using var gcm = new AesGcm(cek, 16);
        gcm.Decrypt(nonce, cipher[..^16], cipher[^16..], plain);
        // The last record ends with the delimiter 0x02, then optional zero padding.
        var end = Array.LastIndexOf(plain, (byte)0x02);
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => _key.Dispose();

    private static byte[] PublicPoint(ECDiffieHellman key)
    {
        var p = key.ExportParameters(false);
        return [0x04, .. p.Q.X!, .. p.Q.Y!];
    }
}
