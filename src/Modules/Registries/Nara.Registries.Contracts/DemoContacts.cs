using System.Globalization;

namespace Nara.Registries.Contracts;

/// <summary>The contacts the demo seed gives the personas: numbers in an unassigned block, addresses under a reserved domain.</summary>
public static class DemoContacts
{
    /// <summary>010-2000-0001 for the first persona in <see cref="DemoPersonas.All"/>, and so on.</summary>
    public static string Mobile(int personaIndex) => "0102000" + (personaIndex + 1).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Under <c>.example</c> (RFC 2606): never a real mailbox.</summary>
    public static string Email(DemoPersona persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        return $"{persona.Key}@demo.nara.example";
    }

    public static string Mobile(DemoPersona persona) => Mobile(DemoPersonas.All.ToList().IndexOf(persona));
}
