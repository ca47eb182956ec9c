using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

public sealed class TokenLifecycleTests : OneHostFixture
{
    [Test]
    public async Task A_refresh_rotates_the_token_and_the_old_one_stops_working()
    {
        var owner = await app.RegisterAsync();

        var rotated = await RefreshAsync(owner.RefreshToken);
        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pair = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var next = pair.GetProperty("refreshToken").GetString()!;

        next.ShouldNotBe(owner.RefreshToken);
        using var client = app.CreateClient(pair.GetProperty("accessToken").GetString()!);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family_and_the_access_tokens()
    {
        var owner = await app.RegisterAsync();
        var pair = await (await RefreshAsync(owner.RefreshToken)).Content.ReadFromJsonAsync<JsonElement>();
        var next = pair.GetProperty("refreshToken").GetString()!;
        using var nextClient = app.CreateClient(pair.GetProperty("accessToken").GetString()!);

        await (await RefreshAsync(owner.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        await (await RefreshAsync(next)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await nextClient.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await app.Database.CountAllAsync("users.refresh_tokens", $"user_id = '{owner.UserId}' AND revoked_at IS NULL")).ShouldBe(0);
    }

    [Test]
    public async Task Two_concurrent_refreshes_of_one_token_never_both_succeed()
    {
        var owner = await app.RegisterAsync();

        var answers = await Task.WhenAll(RefreshAsync(owner.RefreshToken), RefreshAsync(owner.RefreshToken));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(1);
    }

    [Test]
    public async Task A_refresh_token_from_another_tenant_is_refused_and_left_intact()
    {
        var alice = await app.RegisterAsync();
        var bob = await app.RegisterAsync();

        var crossed = await alice.Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = bob.RefreshToken });

        await crossed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await RefreshAsync(bob.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_unknown_refresh_token_is_refused()
    {
        await (await RefreshAsync("not-a-real-token")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Logout_makes_the_access_and_refresh_tokens_stop_working_at_once()
    {
        var owner = await app.RegisterAsync();

        (await owner.Client.PostAsync("/api/v1/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await owner.Client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(owner.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Changing_the_password_ends_existing_sessions_and_the_new_password_works()
    {
        var owner = await app.RegisterAsync();

        var changed = await owner.Client.PostAsJsonAsync("/api/v1/me/password",
            new { currentPassword = owner.Password, newPassword = "a-brand-new-passphrase" });

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await owner.Client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await app.LoginAsync(owner.Email, "a-brand-new-passphrase")).UserId.ShouldBe(owner.UserId);
    }

    [Test]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var owner = await app.RegisterAsync();

        var changed = await owner.Client.PostAsJsonAsync("/api/v1/me/password",
            new { currentPassword = "not-the-password", newPassword = "a-brand-new-passphrase" });

        await changed.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await owner.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_logout_on_one_host_revokes_the_token_on_another_that_had_it_cached()
    {
        var owner = await app.RegisterAsync();
        await using var other = new PlatformApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Platform"] = app.Database.AppConnectionString,
            ["ConnectionStrings:Owner"] = app.Database.OwnerConnectionString,
        });
        using var elsewhere = other.CreateClient(owner.AccessToken);
        (await elsewhere.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.Client.PostAsync("/api/v1/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var status = HttpStatusCode.OK;
        for (var i = 0; i < 50 && status == HttpStatusCode.OK; i++)
        {
            await Task.Delay(20);
            status = (await elsewhere.GetAsync("/api/v1/me")).StatusCode;
        }
        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
}
