using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Tests;

/// <summary>주민등록표 등본: the registered address and every member of the household, each member disclosable alone.</summary>
public sealed class RegistrationCopyTests(CredentialsFactory factory) : CertificateTestKit(factory), IClassFixture<CredentialsFactory>
{
    [Fact]
    public async Task A_resident_registration_copy_states_the_address_and_every_household_member_head_first()
    {
        var issued = await IssueAsync(DemoPersonas.FatherOfNewborn, "resident-registration-copy");

        var claims = await DiscloseAllAsync(issued, CredentialTypes.ResidentRegistrationCopy);
        var records = await RecordsAsync(DemoPersonas.FatherOfNewborn);
        Assert.Equal(records.Registration!.AddressKo, S(claims["address"]!["formatted"]));
        var members = claims["household"]!.AsArray().Select(m => (S(m!["relation_to_head"]), S(m["name"]), S(m["birthdate"]))).ToList();
        Assert.Equal(("head", "이준호", "1991-03-02"), members[0]);
        Assert.Contains(members, m => m.Item1 == "spouse" && m.Item2 == DemoPersonas.MotherOfNewborn.NameKo);
        Assert.Contains(("child", "이하린", "2025-12-20"), members);
        Assert.All(claims["household"]!.AsArray(), m => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", S(m!["moved_in_on"])));
    }

    [Fact]
    public async Task One_household_member_can_be_shown_from_a_registration_copy_without_the_others()
    {
        var issued = await IssueAsync(DemoPersonas.FatherOfNewborn, "resident-registration-copy");
        var split = SdJwtPresenter.Split(issued)!.Value;
        var kept = split.Disclosures.Select(d => Disclosure.Parse(d, out _)!)
            .Where(d => d.Name == "household" || (d.Name is null && d.Value!["relation_to_head"]!.GetValue<string>() == "child")).Select(d => d.Encoded);
        var upToTilde = split.IssuerJwt + "~" + string.Concat(kept.Select(d => d + "~"));

        var body = await VerifyAsync(upToTilde + SdJwtPresenter.KeyBinding(upToTilde, Wallet, Audience, Nonce, Factory.Clock.GetUtcNow()));

        var member = Assert.Single(body["disclosed"]!["household"]!.AsArray())!;
        Assert.Equal("이하린", S(member["name"]));
        Assert.DoesNotContain(DemoPersonas.MotherOfNewborn.NameKo, body.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(body["disclosed"]!["address"]);
    }
}
