using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Tests;

public sealed class StatusListTests
{
    [Fact]
    public void The_drafts_one_bit_example_decodes_to_its_statuses()
    {
        // draft-ietf-oauth-status-list §4.1: bytes 0xB9 0xA3, compressed and base64url-encoded.
        var list = StatusList.Decode(new() { ["bits"] = 1, ["lst"] = "eNrbuRgAAhcBXQ" })!;

        int[] expected = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1];
        Assert.Equal(expected, Enumerable.Range(0, 16).Select(i => list[i]));
    }

    [Fact]
    public void A_two_bit_list_round_trips_through_its_compressed_form()
    {
        var list = new StatusList(2, 1000) { [0] = 1, [3] = 2, [4] = 3, [999] = 1 };

        var back = StatusList.Decode(list.ToJson())!;

        Assert.Equal(2, back.Bits);
        Assert.Equal([1, 0, 0, 2, 3], Enumerable.Range(0, 5).Select(i => back[i]));
        Assert.Equal(1, back[999]);
    }

    [Fact]
    public void Index_i_of_a_two_bit_list_is_at_byte_i_times_2_over_8_least_significant_bits_first()
    {
        var list = new StatusList(2, 8) { [1] = 2, [4] = 1 };

        var bytes = Decompress(list.Encode());

        Assert.Equal([0b0000_1000, 0b0000_0001], bytes);
    }

    [Fact]
    public void A_list_that_is_not_zlib_is_refused()
    {
        Assert.Null(StatusList.Decode(new() { ["bits"] = 1, ["lst"] = "AAAA" }));
        Assert.Null(StatusList.Decode(new() { ["bits"] = 3, ["lst"] = "eNrbuRgAAhcBXQ" }));
    }

    private static byte[] Decompress(string lst)
    {
        var s = lst.Replace('-', '+').Replace('_', '/');
        using var input = new MemoryStream(Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4)));
        using var zlib = new System.IO.Compression.ZLibStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }
}
