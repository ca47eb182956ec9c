using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

public sealed class UserManagementTests : OneHostFixture
{
    [Test]
    public async Task An_owner_adds_users_and_lists_only_their_own_tenant()
    {
        var owner = await app.RegisterAsync();
        await app.RegisterAsync();
        await app.AddUserAsync(owner, "editor");

        var page = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/users");

        page.GetProperty("totalCount").GetInt64().ShouldBe(2);
        page.GetProperty("items").EnumerateArray().ShouldAllBe(u => u.GetProperty("tenantId").GetGuid() == owner.TenantId);
    }

    [Test]
    public async Task Viewers_and_editors_cannot_manage_users()
    {
        var owner = await app.RegisterAsync();
        var editor = await app.AddUserAsync(owner, "editor");
        var viewer = await app.AddUserAsync(owner, "viewer");

        foreach (var member in new[] { editor, viewer })
        {
            var response = await member.Client.PostAsJsonAsync("/api/v1/users",
                new { email = $"x-{Guid.NewGuid():N}@example.com", password = TestAccounts.Password, role = "viewer" });
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        (await viewer.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_admin_cannot_create_an_owner_nor_change_one()
    {
        var owner = await app.RegisterAsync();
        var admin = await app.AddUserAsync(owner, "admin");

        var created = await admin.Client.PostAsJsonAsync("/api/v1/users",
            new { email = $"o-{Guid.NewGuid():N}@example.com", password = TestAccounts.Password, role = "owner" });
        var demoted = await admin.Client.PatchAsJsonAsync($"/api/v1/users/{owner.UserId}/role", new { role = "viewer" });

        await created.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await demoted.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Changing_a_role_takes_effect_at_once_because_old_tokens_stop_working()
    {
        var owner = await app.RegisterAsync();
        var admin = await app.AddUserAsync(owner, "admin");

        var changed = await owner.Client.PatchAsJsonAsync($"/api/v1/users/{admin.UserId}/role", new { role = "viewer" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await admin.Client.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var relogged = await app.LoginAsync(admin.Email, admin.Password);
        await (await relogged.Client.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_deactivated_users_tokens_stop_working_and_they_cannot_sign_in()
    {
        var owner = await app.RegisterAsync();
        var editor = await app.AddUserAsync(owner, "editor");

        (await owner.Client.PostAsync($"/api/v1/users/{editor.UserId}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await editor.Client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = editor.Email, password = editor.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        (await owner.Client.PostAsync($"/api/v1/users/{editor.UserId}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.LoginAsync(editor.Email, editor.Password)).UserId.ShouldBe(editor.UserId);
    }

    [Test]
    public async Task Nobody_changes_their_own_role_or_status()
    {
        var owner = await app.RegisterAsync();

        var deactivated = await owner.Client.PostAsync($"/api/v1/users/{owner.UserId}/deactivate", null);
        var demoted = await owner.Client.PatchAsJsonAsync($"/api/v1/users/{owner.UserId}/role", new { role = "viewer" });

        await deactivated.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await demoted.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("role").GetString().ShouldBe("Owner");
    }

    [Test]
    public async Task Another_tenants_user_is_not_found()
    {
        var alice = await app.RegisterAsync();
        var bob = await app.RegisterAsync();
        var bobsEditor = await app.AddUserAsync(bob, "editor");

        var response = await alice.Client.PostAsync($"/api/v1/users/{bobsEditor.UserId}/deactivate", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await bobsEditor.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
