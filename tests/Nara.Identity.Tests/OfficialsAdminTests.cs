using System.Net;
using Microsoft.EntityFrameworkCore;
using Nara.Identity.Domain;
using Nara.Registries.Contracts;
using Nara.Testing;
using static Nara.Identity.Tests.IdentityForms;

namespace Nara.Identity.Tests;

public sealed class OfficialsAdminTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private const string District = "LG1111000000";
    private static readonly string DistrictPage = $"/officials/agencies/{District}/officials";

    [Fact]
    public async Task An_agency_administrator_sees_the_officials_of_their_agency()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var response = await client.GetAsync(U(DistrictPage));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("한지민", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_is_refused_the_admin_page_of_another_agency_with_a_plain_message()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var response = await client.GetAsync(U("/officials/agencies/MOIS/officials"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("권한이 없습니다", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Posting to another agency's page is refused the same way and changes nothing.
        var ministry = await factory.EnsureOfficialAsync(OfficialAccounts.MinistryOfficial);
        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(U(DistrictPage)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = ministry.ToString(), ["disabled"] = "true", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(U("/officials/agencies/MOIS/officials?handler=Disable"), form)).StatusCode);
        Assert.Null(await factory.InIdentityAsync(db => db.Accounts.Where(a => a.Id == ministry).Select(a => a.DisabledAt).SingleAsync()));
    }

    [Fact]
    public async Task An_official_without_the_administrator_role_is_refused_their_own_agency_admin_page()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.NoRoleOfficial);
        var response = await client.GetAsync(U(DistrictPage));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/error/403", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_invites_a_resident_changes_their_roles_and_disables_them()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var persona = DemoPersonas.BusinessOwner;
        var invited = await client.PostFormAsync(DistrictPage, DistrictPage + "?handler=Invite", ("residentNumber", persona.ResidentNumber), ("roles", "caseworker"), ("roles", "not-a-role"));
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var account = await factory.InIdentityAsync(db => db.Accounts.SingleAsync(a => a.DisplayName == persona.NameKo));
        Assert.Equal((AccountKind.Official, District, "caseworker"), (account.Kind, account.AgencyCode, account.Roles));

        var changed = await client.PostFormAsync(DistrictPage, DistrictPage + "?handler=Roles", ("id", account.Id.ToString()), ("roles", "approver"), ("roles", "caseworker"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("caseworker approver", await factory.InIdentityAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.Roles).SingleAsync()));

        var disabled = await client.PostFormAsync(DistrictPage, DistrictPage + "?handler=Disable", ("id", account.Id.ToString()), ("disabled", "true"));
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.NotNull(await factory.InIdentityAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.DisabledAt).SingleAsync()));

        var events = await factory.InIdentityAsync(db => db.OutboxMessages.CountAsync(m => m.Type.EndsWith("OfficialAccountChanged")));
        Assert.Equal(3, events);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themselves_or_give_roles_to_nobody()
    {
        var me = await factory.EnsureOfficialAsync(OfficialAccounts.DistrictOfficial);
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var self = await client.PostFormAsync(DistrictPage, DistrictPage + "?handler=Disable", ("id", me.ToString()), ("disabled", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        var none = await client.PostFormAsync(DistrictPage, DistrictPage + "?handler=Roles", ("id", me.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var junk = await client.PostFormAsync(DistrictPage, DistrictPage + "?handler=Roles", ("id", "not-a-guid"), ("roles", "caseworker"));
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        var badInvite = await client.PostFormAsync(DistrictPage, DistrictPage + "?handler=Invite", ("residentNumber", "12"), ("roles", "caseworker"));
        Assert.Equal(HttpStatusCode.BadRequest, badInvite.StatusCode);
        Assert.Null(await factory.InIdentityAsync(db => db.Accounts.Where(a => a.Id == me).Select(a => a.DisabledAt).SingleAsync()));
    }
}
