using System.Text.Json.Serialization;
using Nara.Kernel.Localization;

namespace Nara.Services.Domain.Catalogue;

/// <summary>A Korean/English pair read from catalogue data; <see cref="Current"/> follows the request's language.</summary>
public sealed record LocalText(string Ko, string En)
{
    [JsonIgnore]
    public string Current => Bilingual.L(Ko, En);

    public override string ToString() => Current;
}
