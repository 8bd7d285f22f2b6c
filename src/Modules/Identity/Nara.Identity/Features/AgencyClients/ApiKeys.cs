using System.Security.Cryptography;
using System.Text;

namespace Nara.Identity.Features.AgencyClients;

/// <summary>
/// API keys look like <c>nara_&lt;prefix&gt;_&lt;secret&gt;</c>: the prefix finds the client's row without
/// scanning, the SHA-256 of the whole key is what is stored and compared. A key is 32 random bytes, so a
/// plain (unsalted) hash is enough: there is nothing to guess from a dictionary.
/// </summary>
internal static class ApiKeys
{
    private const string Scheme = "nara";
    private const int PrefixLength = 12;

    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"{Scheme}_{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    /// <summary>Returns the prefix of a well-formed key, or null.</summary>
    public static string? PrefixOf(string key)
    {
        var parts = key.Split('_', 3);
        return parts.Length == 3 && parts[0] == Scheme && parts[1].Length == PrefixLength && parts[2].Length >= 16
            && parts[1].All(char.IsAsciiHexDigitLower)
            ? parts[1]
            : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares in constant time so the response time says nothing about how much of a key was right.</summary>
    public static bool Matches(string key, string storedHash)
    {
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        byte[] expected;
        try
        {
            expected = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '-');
}
