using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

/// <summary>
/// Invitations are rows holding the hash of a random secret: a token works once, for the tenant that issued it,
/// until it expires or is revoked; anything else answers a problem and creates nobody.
/// </summary>
public sealed class InvitationTests : OneHostFixture
{
    [Test]
    public async Task An_invitation_records_its_inviter_stores_only_a_hash_and_is_accepted_once()
    {
        var owner = await app.RegisterAsync();
        var admin = await app.AddUserAsync(owner, "admin");
        var (id, token, email) = await InviteAsync(admin, "editor");

        var accepted = await AcceptAsync(token);
        var again = await AcceptAsync(token);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        var user = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user");
        user.GetProperty("tenantId").GetGuid().ShouldBe(owner.TenantId);
        user.GetProperty("email").GetString().ShouldBe(email);
        user.GetProperty("role").GetString().ShouldBe("Editor");
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("already been used");

        (await app.Database.SuperuserScalarAsync("SELECT invited_by FROM users.user_invitations WHERE id = $1", id)).ShouldBe(admin.UserId);
        (await app.Database.SuperuserScalarAsync("SELECT accepted_user_id FROM users.user_invitations WHERE id = $1", id))
            .ShouldBe(user.GetProperty("id").GetGuid());
        var secret = Base64Url.DecodeFromChars(token.Split('.')[3]);
        (await app.Database.SuperuserScalarAsync("SELECT token_hash FROM users.user_invitations WHERE id = $1", id)).ShouldBe(SHA256.HashData(secret));
        (await app.Database.SuperuserScalarAsync(
            "SELECT count(*) FROM users.user_invitations WHERE position(convert_to($1, 'UTF8') IN token_hash) > 0", token.Split('.')[3])).ShouldBe(0L);
    }

    [Test]
    public async Task Forged_tokens_for_another_tenant_are_refused_and_create_nothing()
    {
        var attacker = await app.RegisterAsync();
        var victim = await app.RegisterAsync();
        var (_, genuine, _) = await InviteAsync(attacker, "viewer");
        var parts = genuine.Split('.');
        var usersBefore = await CountUsersAsync(victim.TenantId);

        string[] forgeries =
        [
            // The attacker's own invitation and secret, pointed at the victim's tenant.
            $"inv1.{victim.TenantId:N}.{parts[2]}.{parts[3]}",
            // A made-up invitation of the victim's tenant.
            $"inv1.{victim.TenantId:N}.{Guid.NewGuid():N}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}",
            // The attacker's invitation with another secret.
            $"inv1.{parts[1]}.{parts[2]}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}",
            // The old self-contained format, signed with a key the attacker chose.
            "eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl",
        ];
        foreach (var forged in forgeries)
        {
            await (await AcceptAsync(forged)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        (await CountUsersAsync(victim.TenantId)).ShouldBe(usersBefore);
        // The genuine token still works: the forgeries did not use it up.
        (await AcceptAsync(genuine)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Simultaneous_accepts_of_one_invitation_create_one_user()
    {
        var owner = await app.RegisterAsync();
        var (_, token, email) = await InviteAsync(owner, "editor");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AcceptAsync(token)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM users.users WHERE email_normalized = $1", email)).ShouldBe(1L);
    }

    [Test]
    public async Task An_expired_invitation_is_refused()
    {
        var owner = await app.RegisterAsync();
        var (id, token, email) = await InviteAsync(owner, "viewer");
        await app.Database.SuperuserScalarAsync(
            "UPDATE users.user_invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE id = $1", id);

        var answer = await AcceptAsync(token);

        (await answer.ShouldBeProblemAsync(HttpStatusCode.Gone)).GetProperty("detail").GetString()!.ShouldContain("expired");
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM users.users WHERE email_normalized = $1", email)).ShouldBe(0L);
        (await PendingIdsAsync(owner)).ShouldNotContain(id);
    }

    [Test]
    public async Task A_revoked_invitation_is_refused_and_no_longer_pending()
    {
        var owner = await app.RegisterAsync();
        var (id, token, email) = await InviteAsync(owner, "admin");
        var (keptId, _, _) = await InviteAsync(owner, "viewer");
        (await PendingIdsAsync(owner)).ShouldBe([keptId, id]);

        (await owner.Client.PostAsync($"/api/v1/users/invitations/{id}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var answer = await AcceptAsync(token);

        (await answer.ShouldBeProblemAsync(HttpStatusCode.Gone)).GetProperty("detail").GetString()!.ShouldContain("revoked");
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM users.users WHERE email_normalized = $1", email)).ShouldBe(0L);
        (await app.Database.SuperuserScalarAsync("SELECT revoked_by FROM users.user_invitations WHERE id = $1", id)).ShouldBe(owner.UserId);
        (await PendingIdsAsync(owner)).ShouldBe([keptId]);
    }

    [Test]
    public async Task Invitations_are_managed_by_admins_of_their_own_tenant_only()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var editor = await app.AddUserAsync(owner, "editor");
        var admin = await app.AddUserAsync(owner, "admin");
        var (othersId, othersToken, _) = await InviteAsync(other, "viewer");

        await (await editor.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email = "x@example.com", role = "viewer" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await editor.Client.GetAsync("/api/v1/users/invitations")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Only an owner may invite an owner.
        await (await admin.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email = "y@example.com", role = "owner" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Another tenant's invitation is invisible: not listed, not revocable.
        (await PendingIdsAsync(owner)).ShouldNotContain(othersId);
        await (await owner.Client.PostAsync($"/api/v1/users/invitations/{othersId}/revoke", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await AcceptAsync(othersToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task The_invitations_table_is_isolated_by_row_level_security()
    {
        var alpha = await app.RegisterAsync();
        var beta = await app.RegisterAsync();
        var (alphaId, _, _) = await InviteAsync(alpha, "viewer");
        var (betaId, _, _) = await InviteAsync(beta, "viewer");

        (await app.Database.ScalarAsTenantAsync(alpha.TenantId, "SELECT array_agg(id) FROM users.user_invitations")).ShouldBe(new[] { alphaId });
        (await app.Database.ScalarAsTenantAsync(alpha.TenantId, "UPDATE users.user_invitations SET revoked_at = now() WHERE id = $1 RETURNING id", betaId))
            .ShouldBeNull();
        (await app.Database.ScalarAsTenantAsync(alpha.TenantId, "DELETE FROM users.user_invitations WHERE id = $1 RETURNING id", betaId)).ShouldBeNull();
        var intrusion = await Should.ThrowAsync<PostgresException>(() => app.Database.ScalarAsTenantAsync(alpha.TenantId,
            "INSERT INTO users.user_invitations (id, tenant_id, email, email_normalized, role, token_hash, invited_by, created_at, expires_at) " +
            "VALUES (gen_random_uuid(), $1, 'x@example.com', 'x@example.com', 'owner', $2, $3, now(), now() + interval '1 day')",
            beta.TenantId, RandomNumberGenerator.GetBytes(32), beta.UserId));
        intrusion.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        await using (var connection = app.Database.OpenApp())
        await using (var command = new NpgsqlCommand("SELECT count(*) FROM users.user_invitations", connection))
        {
            (await command.ExecuteScalarAsync()).ShouldBe(0L);
        }
        (await PendingIdsAsync(beta)).ShouldBe([betaId]);
    }

    private async Task<(Guid Id, string Token, string Email)> InviteAsync(TestAccount inviter, string role)
    {
        var email = $"invited-{Guid.NewGuid():N}@example.com";
        var response = await inviter.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email, role });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("invitationToken").GetString()!, email);
    }

    private Task<HttpResponseMessage> AcceptAsync(string token) =>
        anonymous.PostAsJsonAsync("/api/v1/auth/accept-invitation", new { invitationToken = token, password = TestAccounts.Password });

    private static async Task<Guid[]> PendingIdsAsync(TestAccount admin)
    {
        var page = await admin.Client.GetFromJsonAsync<JsonElement>("/api/v1/users/invitations");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.ShouldAllBe(i => i.EnumerateObject().All(property => property.Name != "invitationToken"));
        return items.Select(i => i.GetProperty("id").GetGuid()).ToArray();
    }

    private Task<object?> CountUsersAsync(Guid tenantId) =>
        app.Database.SuperuserScalarAsync("SELECT count(*) FROM users.users WHERE tenant_id = $1", tenantId);
}
