using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Tenants;

public sealed class TenantSettingsTests : OneHostFixture
{
    [Test]
    public async Task An_admin_renames_the_tenant_and_sets_its_time_zone()
    {
        var owner = await app.RegisterAsync();
        var admin = await app.AddUserAsync(owner, "admin");

        var response = await admin.Client.PatchAsJsonAsync("/api/v1/tenant",
            new { name = "Renamed", settings = new { timeZone = "Europe/Berlin", locale = "de-DE" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tenant = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/tenant");
        tenant.GetProperty("name").GetString().ShouldBe("Renamed");
        tenant.GetProperty("settings").GetProperty("timeZone").GetString().ShouldBe("Europe/Berlin");
    }

    [Test]
    public async Task An_editor_cannot_change_the_tenant()
    {
        var owner = await app.RegisterAsync(tenantName: "Unchanged");
        var editor = await app.AddUserAsync(owner, "editor");

        var response = await editor.Client.PatchAsJsonAsync("/api/v1/tenant", new { name = "Hijacked" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/tenant")).GetProperty("name").GetString().ShouldBe("Unchanged");
    }

    [Test]
    public async Task Invalid_settings_answer_400_and_change_nothing()
    {
        var owner = await app.RegisterAsync(tenantName: "Stable");

        var response = await owner.Client.PatchAsJsonAsync("/api/v1/tenant",
            new { name = "Changed", settings = new { timeZone = "Mars/Olympus", locale = "en" } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("Settings.TimeZone", out _).ShouldBeTrue();
        (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/tenant")).GetProperty("name").GetString().ShouldBe("Stable");
    }

    [Test]
    public async Task Each_tenant_sees_only_itself()
    {
        var alice = await app.RegisterAsync(tenantName: "Alice's");
        var bob = await app.RegisterAsync(tenantName: "Bob's");

        (await alice.Client.GetFromJsonAsync<JsonElement>("/api/v1/tenant")).GetProperty("id").GetGuid().ShouldBe(alice.TenantId);
        (await bob.Client.GetFromJsonAsync<JsonElement>("/api/v1/tenant")).GetProperty("id").GetGuid().ShouldBe(bob.TenantId);
    }
}
