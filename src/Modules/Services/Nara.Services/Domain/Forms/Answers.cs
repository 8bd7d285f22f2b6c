using System.Text.Json;

namespace Nara.Services.Domain.Forms;

/// <summary>Answers are stored as a JSON object of field id → text, so a form can change without a migration.</summary>
internal static class Answers
{
    public static Dictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string Write(IReadOnlyDictionary<string, string> answers) => JsonSerializer.Serialize(answers);
}
