using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

public sealed class RegistrationAndLoginTests : OneHostFixture
{
    [Test]
    public async Task Registering_creates_a_tenant_and_its_owner_who_can_see_themselves()
    {
        var owner = await app.RegisterAsync(tenantName: "Acme");

        var me = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var tenant = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/tenant");

        me.GetProperty("role").GetString().ShouldBe("Owner");
        me.GetProperty("email").GetString().ShouldBe(owner.Email);
        tenant.GetProperty("name").GetString().ShouldBe("Acme");
        tenant.GetProperty("id").GetGuid().ShouldBe(owner.TenantId);
    }

    [Test]
    public async Task Registering_an_existing_email_answers_exactly_as_a_new_one_and_changes_nothing()
    {
        var owner = await app.RegisterAsync();
        using var fresh = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { tenantName = "Fresh", email = $"fresh-{Guid.NewGuid():N}@example.com", password = TestAccounts.Password });
        var tenantsBefore = await app.Database.CountAllAsync("tenants.tenants");
        var usersBefore = await app.Database.CountAllAsync("users.users");

        using var existing = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { tenantName = "Second", email = owner.Email.ToUpperInvariant(), password = "another-password-123" });

        existing.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        fresh.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await existing.Content.ReadAsStringAsync()).ShouldBe(await fresh.Content.ReadAsStringAsync());
        existing.Headers.Location.ShouldBe(fresh.Headers.Location);
        (await app.Database.CountAllAsync("tenants.tenants")).ShouldBe(tenantsBefore);
        (await app.Database.CountAllAsync("users.users")).ShouldBe(usersBefore);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = owner.Email, password = "another-password-123" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.LoginAsync(owner.Email, owner.Password)).TenantId.ShouldBe(owner.TenantId);
    }

    [Test]
    public async Task Registering_and_signing_in_while_sending_another_tenants_token_act_for_the_new_account()
    {
        var signedIn = await app.RegisterAsync();
        var email = $"second-{Guid.NewGuid():N}@example.com";

        var registered = await signedIn.Client.PostAsJsonAsync("/api/v1/auth/register", new { tenantName = "Second", email, password = TestAccounts.Password });
        var login = await signedIn.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password });

        registered.StatusCode.ShouldBe(HttpStatusCode.Accepted, await registered.Content.ReadAsStringAsync());
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var second = await app.LoginAsync(email, TestAccounts.Password);
        second.TenantId.ShouldNotBe(signedIn.TenantId);
        (await app.Database.CountAllAsync("users.users", $"tenant_id = '{second.TenantId}'")).ShouldBe(1);
    }

    [Test]
    public async Task Registration_with_invalid_fields_answers_400_with_errors_per_field_and_writes_nothing()
    {
        var tenantsBefore = await app.Database.CountAllAsync("tenants.tenants");

        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { tenantName = "", email = "not-an-email", password = "short" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("TenantName", out _).ShouldBeTrue();
        errors.TryGetProperty("Email", out _).ShouldBeTrue();
        errors.TryGetProperty("Password", out _).ShouldBeTrue();
        (await app.Database.CountAllAsync("tenants.tenants")).ShouldBe(tenantsBefore);
    }

    [Test]
    public async Task Login_answers_the_same_for_an_unknown_email_and_a_wrong_password()
    {
        var owner = await app.RegisterAsync();

        var wrongPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = owner.Email, password = "not-the-password" });
        var unknownEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody-" + owner.Email, password = "not-the-password" });

        var first = await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        first.GetProperty("detail").GetString().ShouldBe(second.GetProperty("detail").GetString());
        first.GetProperty("title").GetString().ShouldBe(second.GetProperty("title").GetString());
    }

    [Test]
    public async Task Login_records_the_last_login_time()
    {
        var owner = await app.RegisterAsync();

        var again = await app.LoginAsync(owner.Email, owner.Password);
        var me = await again.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        me.GetProperty("lastLoginAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
    }
}
