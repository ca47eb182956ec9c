using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>The verification mail sent at registration and on request, and what its link's token does, through the real host and SMTP server.</summary>
public sealed class EmailVerificationMailTests
{
    private const string Subject = "Verify your e-mail address";
    private NotificationsApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = NotificationsApp.Start();

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Registration_mails_a_link_whose_token_verifies_the_address_once()
    {
        var owner = await app.RegisterAsync();
        (await MeAsync(owner)).GetProperty("emailVerified").GetBoolean().ShouldBeFalse();

        var token = await VerificationTokenAsync(owner.Email);
        (await VerifyAsync(token)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var me = await MeAsync(owner);
        me.GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        var verifiedAt = me.GetProperty("emailVerifiedAt").GetDateTimeOffset();
        var again = await VerifyAsync(token);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("This verification link has already been used.");
        (await MeAsync(owner)).GetProperty("emailVerifiedAt").GetDateTimeOffset().ShouldBe(verifiedAt);
        (await owner.Client.PostAsync("/api/v1/auth/verify-email/resend", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Registering_and_signing_in_from_the_same_device_mails_only_the_verification()
    {
        var owner = await app.RegisterAsync();

        (await Smtp4dev.WaitForMailAsync(owner.Email)).ShouldHaveSingleItem().Subject.ShouldBe(Subject);
        await app.LoginAsync(owner.Email, owner.Password);
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Smtp4dev.MailToAsync(owner.Email)).ShouldHaveSingleItem().Subject.ShouldBe(Subject);
    }

    [Test]
    public async Task An_expired_link_is_refused_and_changes_nothing()
    {
        var owner = await app.RegisterAsync();
        var token = await VerificationTokenAsync(owner.Email);
        await app.Database.ScalarAsTenantAsync(owner.TenantId,
            "UPDATE users.email_verifications SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE user_id = $1",
            owner.UserId);

        var refused = await VerifyAsync(token);

        refused.StatusCode.ShouldBe(HttpStatusCode.Gone);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await MeAsync(owner)).GetProperty("emailVerified").GetBoolean().ShouldBeFalse();
        (await app.Database.ScalarAsTenantAsync(owner.TenantId,
            "SELECT count(*) FROM users.email_verifications WHERE user_id = $1 AND used_at IS NULL", owner.UserId)).ShouldBe(1L);
    }

    [Test]
    public async Task Forged_garbage_and_other_tenants_tokens_are_refused_and_change_nothing()
    {
        var first = await app.RegisterAsync();
        var second = await app.RegisterAsync();
        var firstToken = await VerificationTokenAsync(first.Email);
        var secondToken = await VerificationTokenAsync(second.Email);
        var (a, b) = (firstToken.Split('.'), secondToken.Split('.'));
        var flipped = a[3][..^2] + (a[3][^2] == 'A' ? 'B' : 'A') + a[3][^1];

        string[] refusedTokens =
        [
            "not-a-token",
            $"{a[0]}.{b[1]}.{a[2]}.{a[3]}",   // the first user's link under the second tenant
            $"{a[0]}.{a[1]}.{b[2]}.{a[3]}",   // the second user's link with the first one's secret
            $"{b[0]}.{b[1]}.{b[2]}.{a[3]}",
            $"{a[0]}.{a[1]}.{a[2]}.{flipped}",
            $"pwr1.{a[1]}.{a[2]}.{a[3]}",     // a link of another kind
        ];
        foreach (var token in refusedTokens)
        {
            var refused = await VerifyAsync(token);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, token);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
        }

        (await MeAsync(first)).GetProperty("emailVerified").GetBoolean().ShouldBeFalse();
        (await MeAsync(second)).GetProperty("emailVerified").GetBoolean().ShouldBeFalse();
        (await VerifyAsync(secondToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MeAsync(second)).GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        (await MeAsync(first)).GetProperty("emailVerified").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task A_resent_link_works_and_resends_past_the_free_ones_wait()
    {
        var owner = await app.RegisterAsync();
        await Smtp4dev.WaitForMailAsync(owner.Email);

        for (var sent = 2; sent <= 4; sent++)
        {
            (await owner.Client.PostAsync("/api/v1/auth/verify-email/resend", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await Smtp4dev.WaitForMailAsync(owner.Email, sent);
        }
        var refused = await owner.Client.PostAsync("/api/v1/auth/verify-email/resend", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();

        var mail = await Smtp4dev.MailToAsync(owner.Email);
        mail.ShouldAllBe(m => m.Subject == Subject);
        var tokens = mail.Select(m => m.TokenOfLink($"{NotificationsApp.AppBaseUrl}/verify-email")).ToList();
        tokens.Distinct().Count().ShouldBe(4);
        (await VerifyAsync(tokens[^1])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // One link spent verifies the address, and the others die with it.
        (await VerifyAsync(tokens[0])).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Anonymous_callers_cannot_ask_for_a_resend()
    {
        using var anonymous = app.CreateClient();

        (await anonymous.PostAsync("/api/v1/auth/verify-email/resend", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> MeAsync(TestAccount account) => await account.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");

    private static async Task<string> VerificationTokenAsync(string email)
    {
        var mail = (await Eventually.WaitForAsync(() => Smtp4dev.MailToAsync(email), all => all.Any(m => m.Subject == Subject)))
            .First(m => m.Subject == Subject);
        mail.Text.ShouldContain("the link works once, until");
        return mail.TokenOfLink($"{NotificationsApp.AppBaseUrl}/verify-email");
    }

    private async Task<HttpResponseMessage> VerifyAsync(string token)
    {
        using var anonymous = app.CreateClient();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/verify-email", new { token });
    }
}
