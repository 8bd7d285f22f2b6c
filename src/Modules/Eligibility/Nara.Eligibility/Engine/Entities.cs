namespace Nara.Eligibility.Engine;

/// <param name="Key">Singular, as in situations' role lists (<c>adult</c>).</param>
/// <param name="Plural">The key a situation uses to list members in that role (<c>adults</c>).</param>
public sealed record Role(string Key, string Plural, string LabelKo, string LabelEn);

/// <summary>An entity type: the person, or a group of persons with roles (the household).</summary>
public sealed record EntityType(string Key, string Plural, string LabelKo, string LabelEn, bool IsPerson, IReadOnlyList<Role> Roles);

/// <summary>The two entities of the Nara vocabulary, named as in OpenFisca's country template.</summary>
public static class Entities
{
    public static readonly EntityType Person = new("person", "persons", "개인", "Person", true, []);

    public static readonly Role Adult = new("adult", "adults", "성인", "Adult");

    public static readonly Role Child = new("child", "children", "자녀", "Child");

    public static readonly EntityType Household = new("household", "households", "가구", "Household", false, [Adult, Child]);

    public static IReadOnlyList<EntityType> All { get; } = [Person, Household];
}
