using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nara.Kernel.Data;

/// <summary>
/// SQLite cannot order or compare DateTimeOffset columns; a fixed-width UTC text keeps them readable in
/// sqlite3 and makes text order equal time order. PostgreSQL keeps its native timestamptz.
/// </summary>
public sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
    v => new DateTimeOffset(DateTime.ParseExact(v, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero))
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
