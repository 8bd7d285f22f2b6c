using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>
/// A Token Status List (draft-ietf-oauth-status-list §4): <see cref="Bits"/> bits per credential, the entry of index i
/// at byte i·bits/8, least significant bits first; 0 valid, 1 invalid (revoked), 2 suspended. Published as
/// base64url of the ZLIB (RFC 1950) DEFLATE-compressed bytes.
/// </summary>
internal sealed class StatusList
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Suspended = 2;

    private readonly byte[] _bytes;

    public StatusList(int bits, int capacity)
        : this(bits, new byte[(capacity * bits + 7) / 8])
    {
    }

    private StatusList(int bits, byte[] bytes)
    {
        if (bits is not (1 or 2 or 4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "A status list has 1, 2, 4 or 8 bits per entry.");
        }

        Bits = bits;
        _bytes = bytes;
    }

    public int Bits { get; }

    public int Capacity => _bytes.Length * 8 / Bits;

    public int this[int index]
    {
        get
        {
            var (at, shift) = Locate(index);
            return (_bytes[at] >> shift) & Mask;
        }

        set
        {
            if (value < 0 || value > Mask)
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"A {Bits}-bit status is 0..{Mask}.");
            }

            var (at, shift) = Locate(index);
            _bytes[at] = (byte)((_bytes[at] & ~(Mask << shift)) | (value << shift));
        }
    }

    private int Mask => (1 << Bits) - 1;

    /// <summary>base64url(ZLIB(bytes)): the <c>lst</c> member.</summary>
    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(_bytes);
        }

        return B64.Encode(buffer.ToArray());
    }

    /// <summary>SHA-256 (base64url) of the uncompressed bits: names this content whatever the compression.</summary>
    public string Digest() => B64.Encode(System.Security.Cryptography.SHA256.HashData(_bytes));

    /// <summary>How many entries hold <paramref name="status"/>.</summary>
    public int Count(int status)
    {
        var count = 0;
        for (var i = 0; i < Capacity; i++)
        {
            count += this[i] == status ? 1 : 0;
        }

        return count;
    }

    public JsonObject ToJson() => new() { ["bits"] = Bits, ["lst"] = Encode() };

    /// <summary>Reads a published <c>status_list</c> object; null when it is not a valid one.</summary>
    public static StatusList? Decode(JsonObject statusList)
    {
        if (Es256.Number(statusList, "bits") is not (1 or 2 or 4 or 8) || Es256.Text(statusList, "lst") is not { } lst
            || B64.TryDecode(lst) is not { Length: > 0 } compressed)
        {
            return null;
        }

        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            zlib.CopyTo(plain);
            return new StatusList((int)Es256.Number(statusList, "bits")!.Value, plain.ToArray());
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private (int Byte, int Shift) Locate(int index)
    {
        if (index < 0 || index >= Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"The status list holds {Capacity} entries.");
        }

        return (index * Bits / 8, index * Bits % 8);
    }
}
