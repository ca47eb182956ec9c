using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;
using Platform.TestKit;
using Shouldly;

namespace Platform.Audit.Tests;

/// <summary>Sign-ins, users and roles, invitations, MFA and API keys each leave an entry naming actor, resource and change.</summary>
public sealed class SecurityActionsTests
{
    private PlatformApp app = null!;
    private TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = AuditHost.Start();
        owner = await app.RegisterAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task A_sign_in_names_the_user_the_client_address_and_the_correlation_id()
    {
        var signedIn = await app.LoginFromAsync("203.0.113.7", "sign-in-correlation-1", owner.Email, owner.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());

        var (items, _) = await owner.ReadAuditAsync($"action=auth.sign_in_succeeded&resourceId={owner.UserId}");
        var entry = items.Single(e => e.Text("correlationId") == "sign-in-correlation-1");
        entry.GetProperty("actor").GetProperty("kind").GetString().ShouldBe("User");
        entry.GetProperty("actor").GetProperty("userId").GetGuid().ShouldBe(owner.UserId);
        entry.Text("resourceType").ShouldBe("user");
        entry.Text("clientAddress").ShouldBe("203.0.113.7");
    }

    [Test]
    public async Task A_failed_sign_in_is_kept_although_the_request_fails()
    {
        var refused = await app.LoginFromAsync("203.0.113.8", "sign-in-failure-1", owner.Email, "wrong-password-123");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var (items, _) = await owner.ReadAuditAsync($"action=auth.sign_in_failed&resourceId={owner.UserId}");
        var entry = items.Single(e => e.Text("correlationId") == "sign-in-failure-1");
        entry.GetProperty("actor").GetProperty("kind").GetString().ShouldBe("Anonymous");
        entry.Text("clientAddress").ShouldBe("203.0.113.8");
        entry.GetProperty("after").GetProperty("email").GetString().ShouldBe(owner.Email);
        entry.GetProperty("after").GetProperty("reason").GetString()!.ShouldContain("wrong");
    }

    [Test]
    public async Task A_failed_sign_in_for_an_unknown_email_is_kept_without_a_tenant()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.com";
        var refused = await app.LoginFromAsync("203.0.113.9", "sign-in-unknown-1", email, "whatever-password-1");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await app.Database.SuperuserScalarAsync(
                "SELECT count(*) FROM audit.entries WHERE tenant_id IS NULL AND action = 'auth.sign_in_failed' AND after->>'email' = $1 " +
                "AND client_address = '203.0.113.9'::inet AND correlation_id = 'sign-in-unknown-1'", email))
            .ShouldBe(1L);
        var (items, _) = await owner.ReadAuditAsync("action=auth.sign_in_failed");
        items.ShouldNotContain(e => e.Text("correlationId") == "sign-in-unknown-1", "a tenant-less entry is no tenant's to read");
    }

    [Test]
    public async Task Adding_a_user_changing_the_role_deactivating_and_activating_are_recorded_with_before_and_after()
    {
        var email = $"member-{Guid.NewGuid():N}@example.com";
        var user = await (await owner.Client.PostAsJsonAsync("/api/v1/users", new { email, password = TestAccounts.Password, role = "Editor" })).CreatedAsync();
        var userId = user.GetProperty("id").GetGuid();
        (await owner.Client.PatchAsJsonAsync($"/api/v1/users/{userId}/role", new { role = "Admin" })).EnsureSuccessStatusCode();
        (await owner.Client.PostAsync($"/api/v1/users/{userId}/deactivate", null)).EnsureSuccessStatusCode();
        (await owner.Client.PostAsync($"/api/v1/users/{userId}/activate", null)).EnsureSuccessStatusCode();

        var created = await owner.SingleEntryAsync("user.created", userId);
        created.GetProperty("after").GetProperty("email").GetString().ShouldBe(email);
        created.GetProperty("after").GetProperty("role").GetString().ShouldBe("Editor");
        created.GetProperty("actor").GetProperty("userId").GetGuid().ShouldBe(owner.UserId);
        var roleChanged = await owner.SingleEntryAsync("user.role_changed", userId);
        roleChanged.GetProperty("before").GetProperty("role").GetString().ShouldBe("Editor");
        roleChanged.GetProperty("after").GetProperty("role").GetString().ShouldBe("Admin");
        (await owner.SingleEntryAsync("user.deactivated", userId)).Text("resourceType").ShouldBe("user");
        (await owner.SingleEntryAsync("user.activated", userId)).GetProperty("actor").GetProperty("kind").GetString().ShouldBe("User");
    }

    [Test]
    public async Task A_refused_change_records_nothing()
    {
        var before = await owner.ReadAuditAsync("action=user.role_changed");
        // The only owner may not step down: the change is refused, and so is its entry.
        (await owner.Client.PatchAsJsonAsync($"/api/v1/users/{owner.UserId}/role", new { role = "Admin" })).IsSuccessStatusCode.ShouldBeFalse();
        (await owner.Client.PatchAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/role", new { role = "Admin" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await owner.ReadAuditAsync("action=user.role_changed")).Items.Count.ShouldBe(before.Items.Count);
    }

    [Test]
    public async Task An_invitation_made_revoked_and_accepted_is_recorded_and_the_acceptance_names_the_new_user()
    {
        var revokedEmail = $"revoked-{Guid.NewGuid():N}@example.com";
        var revoked = await (await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email = revokedEmail, role = "Viewer" })).CreatedAsync();
        var revokedId = revoked.GetProperty("id").GetGuid();
        (await owner.Client.PostAsync($"/api/v1/users/invitations/{revokedId}/revoke", null)).EnsureSuccessStatusCode();

        var email = $"invited-{Guid.NewGuid():N}@example.com";
        var invitation = await (await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email, role = "Editor" })).CreatedAsync();
        var invitationId = invitation.GetProperty("id").GetGuid();
        using var anonymous = app.CreateClient();
        var accepted = await (await anonymous.PostAsJsonAsync("/api/v1/auth/accept-invitation",
            new { invitationToken = invitation.GetProperty("invitationToken").GetString(), password = TestAccounts.Password })).CreatedAsync();
        var newUserId = accepted.GetProperty("user").GetProperty("id").GetGuid();

        var made = await owner.SingleEntryAsync("invitation.created", invitationId);
        made.GetProperty("after").GetProperty("email").GetString().ShouldBe(email);
        made.GetProperty("after").GetProperty("role").GetString().ShouldBe("Editor");
        (await owner.SingleEntryAsync("invitation.revoked", revokedId)).GetProperty("after").GetProperty("email").GetString().ShouldBe(revokedEmail);
        var acceptance = await owner.SingleEntryAsync("invitation.accepted", invitationId);
        acceptance.GetProperty("actor").GetProperty("userId").GetGuid().ShouldBe(newUserId);
        acceptance.GetProperty("after").GetProperty("userId").GetGuid().ShouldBe(newUserId);
    }

    [Test]
    public async Task Mfa_turned_on_and_off_and_a_password_change_are_recorded_for_the_user_who_did_it()
    {
        var admin = await app.AddUserAsync(owner, "Admin");
        var enrolment = await (await admin.Client.PostAsync("/api/v1/me/mfa/enroll", null)).Content.ReadFromJsonAsync<JsonElement>();
        var secret = enrolment.GetProperty("secret").GetString()!;
        var confirmed = await admin.Client.PostAsJsonAsync("/api/v1/me/mfa/confirm", new { code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow) });
        var recoveryCode = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")[0].GetString();
        (await admin.Client.PostAsJsonAsync("/api/v1/me/mfa/disable", new { password = admin.Password, code = recoveryCode })).EnsureSuccessStatusCode();
        (await admin.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = admin.Password, newPassword = "another-horse-battery" }))
            .EnsureSuccessStatusCode();

        foreach (var action in new[] { "user.mfa_enabled", "user.mfa_disabled", "user.password_changed" })
        {
            var entry = await owner.SingleEntryAsync(action, admin.UserId);
            entry.GetProperty("actor").GetProperty("userId").GetGuid().ShouldBe(admin.UserId, action);
        }
    }

    [Test]
    public async Task An_api_key_created_and_revoked_is_recorded_with_its_name_and_scopes()
    {
        var key = await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Zapier", scopes = new[] { "posts:read", "publish" } })).CreatedAsync();
        var keyId = key.GetProperty("id").GetGuid();
        (await owner.Client.PostAsync($"/api/v1/api-keys/{keyId}/revoke", null)).EnsureSuccessStatusCode();

        var created = await owner.SingleEntryAsync("api_key.created", keyId);
        created.Text("resourceType").ShouldBe("api_key");
        created.GetProperty("after").GetProperty("name").GetString().ShouldBe("Zapier");
        created.GetProperty("after").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["posts:read", "publish"]);
        (await owner.SingleEntryAsync("api_key.revoked", keyId)).GetProperty("actor").GetProperty("userId").GetGuid().ShouldBe(owner.UserId);
    }
}
