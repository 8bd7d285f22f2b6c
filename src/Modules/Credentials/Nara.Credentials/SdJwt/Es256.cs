using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>
/// Compact JWS with ES256 (RFC 7515, RFC 7518 §3.4), written by hand because SD-JWT needs the exact bytes of the
/// issuer-signed JWT and of the KB-JWT, and the signing and checking must be fast (no claim mapping).
/// </summary>
internal static class Es256
{
    public const string Algorithm = "ES256";

    public static string Sign(JsonObject header, JsonObject payload, ECDsa key)
    {
        header["alg"] = Algorithm;
        var signingInput = B64.Encode(header.ToJsonString()) + "." + B64.Encode(payload.ToJsonString());
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return signingInput + "." + B64.Encode(signature);
    }

    /// <summary>Splits and decodes a compact JWS without checking its signature; null when it is not one.</summary>
    public static Jws? Parse(string compact)
    {
        var parts = compact.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var header = DecodeObject(parts[0]);
        var payload = DecodeObject(parts[1]);
        var signature = B64.TryDecode(parts[2]);
        if (header is null || payload is null || signature is null)
        {
            return null;
        }

        return new Jws(header, payload, signature, parts[0].Length + 1 + parts[1].Length, compact);
    }

    public static JsonObject? DecodeObject(string part)
    {
        var bytes = B64.TryDecode(part);
        if (bytes is null || bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A public P-256 key as a JWK (RFC 7517), with its RFC 7638 thumbprint as kid when asked.</summary>
    public static JsonObject PublicJwk(ECDsa key, string? kid = null)
    {
        var p = key.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = B64.Encode(p.Q.X),
            ["y"] = B64.Encode(p.Q.Y),
        };
        if (kid is not null)
        {
            jwk["kid"] = kid;
            jwk["alg"] = Algorithm;
            jwk["use"] = "sig";
        }

        return jwk;
    }

    /// <summary>The RFC 7638 thumbprint of a P-256 key: SHA-256 over the required members in lexicographic order.</summary>
    public static string Thumbprint(ECDsa key)
    {
        var p = key.ExportParameters(false);
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{B64.Encode(p.Q.X)}\",\"y\":\"{B64.Encode(p.Q.Y)}\"}}";
        return B64.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A public key from a P-256 JWK; null when the JWK is not one.</summary>
    public static ECDsa? FromJwk(JsonNode? node)
    {
        if (node is not JsonObject jwk || Text(jwk, "kty") != "EC" || Text(jwk, "crv") != "P-256"
            || B64.TryDecode(Text(jwk, "x") ?? "") is not { Length: 32 } x || B64.TryDecode(Text(jwk, "y") ?? "") is not { Length: 32 } y)
        {
            return null;
        }

        try
        {
            return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>An integral JSON number (parsed, or put in as int/long by our own code); null otherwise.</summary>
    public static long? Number(JsonObject obj, string name)
    {
        if (obj[name] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        return v.TryGetValue<JsonElement>(out var e) && e.TryGetInt64(out var parsed) ? parsed : null;
    }
}

/// <summary>A parsed compact JWS; <see cref="SigningInputLength"/> covers "header.payload".</summary>
internal sealed record Jws(JsonObject Header, JsonObject Payload, byte[] Signature, int SigningInputLength, string Compact)
{
    public bool VerifiedBy(ECDsa key)
    {
        if (Signature.Length != 64)
        {
            return false;
        }

        // The signing input is ASCII (base64url and '.'): encoded into a pooled buffer, not a new array per check.
        var rented = ArrayPool<byte>.Shared.Rent(SigningInputLength);
        try
        {
            var length = Encoding.ASCII.GetBytes(Compact.AsSpan(0, SigningInputLength), rented);
            return key.VerifyData(rented.AsSpan(0, length), Signature, HashAlgorithmName.SHA256);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
