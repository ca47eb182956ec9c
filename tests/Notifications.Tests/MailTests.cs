using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.AI.Contracts;
using Platform.Billing.Contracts;
using Platform.Notifications.Email;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>Mail through the real host, PostgreSQL, Hangfire and the local SMTP server, checked by what that server received.</summary>
public sealed class MailTests : MailFixture
{
    private const string NewPassword = "a-brand-new-password-42";

    [Test]
    public async Task An_invitation_mails_the_invitee_a_link_whose_token_accepts_it()
    {
        var email = $"invitee-{Guid.NewGuid():N}@example.com";
        var created = await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email, role = "editor" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var answeredToken = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationToken").GetString();

        var mail = (await Smtp4dev.WaitForMailAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldContain("invited you to join their team");
        mail.From.ShouldContain("team@example.test");
        mail.Html.ShouldContain($"{NotificationsApp.AppBaseUrl}/accept-invitation?token=");
        var token = mail.TokenOfLink($"{NotificationsApp.AppBaseUrl}/accept-invitation");
        token.ShouldBe(answeredToken);

        using var anonymous = app.CreateClient();
        var accepted = await anonymous.PostAsJsonAsync("/api/v1/auth/accept-invitation", new { invitationToken = token, password = NewPassword, displayName = "Invitee" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_reset_request_answers_202_for_any_address_and_mails_only_an_existing_one()
    {
        var user = await app.AddUserAsync(owner, "editor");
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";

        var (existing, existingTime) = await RequestResetAsync(user.Email);
        var (missing, missingTime) = await RequestResetAsync(unknown);

        existing.ShouldBe(HttpStatusCode.Accepted);
        missing.ShouldBe(HttpStatusCode.Accepted);
        existingTime.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(240));
        missingTime.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(240));
        var mail = (await Smtp4dev.WaitForMailAsync(user.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Reset your password");
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Smtp4dev.MailToAsync(unknown)).ShouldBeEmpty();
        (await Smtp4dev.MailToAsync(user.Email)).Count.ShouldBe(1);
    }

    [Test]
    public async Task Reset_requests_past_the_free_ones_for_one_address_wait()
    {
        var email = $"flood-{Guid.NewGuid():N}@example.com";
        for (var i = 0; i < 3; i++)
        {
            (await RequestResetAsync(email)).Status.ShouldBe(HttpStatusCode.Accepted);
        }
        using var anonymous = app.CreateClient();
        var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email });
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Test]
    public async Task A_reset_token_sets_the_password_once_and_ends_every_session()
    {
        var user = await app.AddUserAsync(owner, "editor");
        var token = await ResetTokenAsync(user.Email);

        (await ConfirmAsync(token, NewPassword)).ShouldBe(HttpStatusCode.NoContent);

        await app.LoginAsync(user.Email, NewPassword);
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        (await user.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await ConfirmAsync(token, "yet-another-password-7")).ShouldBe(HttpStatusCode.BadRequest);
        await app.LoginAsync(user.Email, NewPassword);
    }

    [Test]
    public async Task An_expired_token_is_refused_and_changes_nothing()
    {
        var user = await app.AddUserAsync(owner, "editor");
        var token = await ResetTokenAsync(user.Email);
        await app.Database.ScalarAsTenantAsync(user.TenantId,
            "UPDATE users.password_resets SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE user_id = $1",
            user.UserId);

        (await ConfirmAsync(token, NewPassword)).ShouldBe(HttpStatusCode.BadRequest);

        await app.LoginAsync(user.Email, user.Password);
        (await user.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_token_naming_another_users_reset_or_made_up_is_refused()
    {
        var first = await app.AddUserAsync(owner, "editor");
        var second = await app.AddUserAsync(owner, "editor");
        var firstToken = await ResetTokenAsync(first.Email);
        var secondToken = await ResetTokenAsync(second.Email);
        var forged = string.Join('.', firstToken.Split('.')[..3]) + "." + secondToken.Split('.')[3];

        (await ConfirmAsync(forged, NewPassword)).ShouldBe(HttpStatusCode.BadRequest);
        (await ConfirmAsync("pwr1.not-a-token", NewPassword)).ShouldBe(HttpStatusCode.BadRequest);
        (await ConfirmAsync(secondToken, NewPassword)).ShouldBe(HttpStatusCode.NoContent);

        await app.LoginAsync(first.Email, first.Password);
        await app.LoginAsync(second.Email, NewPassword);
    }

    [Test]
    public async Task A_weak_new_password_is_refused_and_the_token_still_works()
    {
        var user = await app.AddUserAsync(owner, "editor");
        var token = await ResetTokenAsync(user.Email);

        (await ConfirmAsync(token, "short")).ShouldBe(HttpStatusCode.BadRequest);
        await app.LoginAsync(user.Email, user.Password);
        (await ConfirmAsync(token, NewPassword)).ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task Running_the_send_job_again_for_a_sent_mail_sends_nothing()
    {
        var user = await app.AddUserAsync(owner, "editor");
        await ResetTokenAsync(user.Email);
        var messageId = (Guid)(await app.Database.ScalarAsTenantAsync(user.TenantId,
            "SELECT id FROM notifications.messages WHERE recipient_user_id = $1 AND kind = 'PasswordReset'", user.UserId))!;

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendMailJob>().SendAsync(user.TenantId, messageId, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<SendMailJob>().SendAsync(user.TenantId, messageId, CancellationToken.None);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        (await Smtp4dev.MailToAsync(user.Email)).Count.ShouldBe(1);
    }

    [Test]
    public async Task A_redelivered_event_mails_nobody_twice()
    {
        var failed = PostFailed(owner.TenantId, platform: "Redelivery" + Guid.NewGuid().ToString("N")[..8]);
        var subject = $"A post to {failed.Platform} did not go out";
        await app.RaiseAsync(failed);
        await Eventually.WaitForAsync(() => Smtp4dev.MailToAsync(owner.Email), mail => mail.Any(m => m.Subject == subject));

        await app.RaiseAsync(failed);
        await Task.Delay(TimeSpan.FromSeconds(4));

        (await Smtp4dev.MailToAsync(owner.Email)).Count(m => m.Subject == subject).ShouldBe(1);
        (await app.Database.ScalarAsTenantAsync(owner.TenantId,
            "SELECT count(*) FROM notifications.messages WHERE source_event_id = $1 AND recipient_user_id = $2", failed.EventId, owner.UserId))
            .ShouldBe(1L);
    }

    [Test]
    public async Task While_the_SMTP_server_is_down_the_request_succeeds_and_the_mail_arrives_once_when_it_is_back()
    {
        var email = $"later-{Guid.NewGuid():N}@example.com";
        app.Gate.IsOpen = false;
        try
        {
            var created = await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email, role = "viewer" });
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            await Eventually.WaitForAsync(
                () => app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT attempts FROM notifications.messages WHERE recipient_email = $1", email),
                attempts => attempts is int count && count >= 1);
            (await Smtp4dev.MailToAsync(email)).ShouldBeEmpty();
        }
        finally
        {
            app.Gate.IsOpen = true;
        }

        await Smtp4dev.WaitForMailAsync(email);
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Smtp4dev.MailToAsync(email)).Count.ShouldBe(1);
    }

    [Test]
    public async Task A_failed_post_is_mailed_to_the_admins_who_want_it_and_listed_for_each()
    {
        var wanting = await app.AddUserAsync(owner, "admin");
        var declining = await app.AddUserAsync(owner, "admin");
        var editor = await app.AddUserAsync(owner, "editor");
        (await declining.Client.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { preferences = new[] { new { kind = "PostFailed", enabled = false } } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.RaiseAsync(PostFailed(owner.TenantId));

        var mail = (await Smtp4dev.WaitForMailAsync(wanting.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("A post to X did not go out");
        mail.Text.ShouldContain($"{NotificationsApp.AppBaseUrl}/posts/");
        await Eventually.WaitForAsync(() => ListAsync(declining), items => items.GetArrayLength() == 1);
        (await Smtp4dev.MailToAsync(declining.Email)).ShouldBeEmpty();
        (await Smtp4dev.MailToAsync(editor.Email)).ShouldBeEmpty();
        (await ListAsync(editor)).GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task An_account_needing_reconnection_is_mailed_to_the_admins_with_a_link_to_the_accounts()
    {
        var editor = await app.AddUserAsync(owner, "editor");
        var reason = "The grant was revoked " + Guid.NewGuid().ToString("N");
        await app.RaiseAsync(new AccountNeedsReconnect
        {
            TenantId = owner.TenantId,
            OccurredAt = DateTimeOffset.UtcNow,
            SocialAccountId = Guid.NewGuid(),
            Platform = SocialPlatform.Pinterest,
            Status = AccountStatus.Revoked,
            Reason = reason,
        });

        var mail = (await Eventually.WaitForAsync(() => Smtp4dev.MailToAsync(owner.Email), all => all.Any(m => m.Text.Contains(reason, StringComparison.Ordinal))))
            .Single(m => m.Text.Contains(reason, StringComparison.Ordinal));
        mail.Subject.ShouldBe("Reconnect your Pinterest account");
        mail.Text.ShouldContain($"{NotificationsApp.AppBaseUrl}/accounts");
        (await Smtp4dev.MailToAsync(editor.Email)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_failed_payment_is_mailed_to_the_owners_only_and_listed_for_them()
    {
        var admin = await app.AddUserAsync(owner, "admin");
        var invoiceId = "in_" + Guid.NewGuid().ToString("N");

        await app.RaiseAsync(new PaymentFailed { TenantId = owner.TenantId, OccurredAt = DateTimeOffset.UtcNow, InvoiceId = invoiceId });

        var mail = (await Eventually.WaitForAsync(() => Smtp4dev.MailToAsync(owner.Email), all => all.Any(m => m.Text.Contains(invoiceId, StringComparison.Ordinal))))
            .Single(m => m.Text.Contains(invoiceId, StringComparison.Ordinal));
        mail.Subject.ShouldBe("A payment for your subscription failed");
        mail.Text.ShouldContain($"{NotificationsApp.AppBaseUrl}/settings");
        (await ListAsync(owner)).EnumerateArray().ShouldContain(i => i.GetProperty("kind").GetString() == "PaymentFailed");
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await Smtp4dev.MailToAsync(admin.Email)).ShouldBeEmpty();
        (await ListAsync(admin)).GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task The_AI_budget_nearly_spent_is_mailed_to_the_admins_once_a_month()
    {
        var admin = await app.AddUserAsync(owner, "admin");
        var month = $"2031-{Random.Shared.Next(1, 13):00}";
        AiBudgetNearlySpent Warning(decimal usage) => new()
        {
            // As AI derives it: one id per tenant and month, however often usage crosses the line again.
            EventId = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{owner.TenantId}{month}")).AsSpan(0, 16)),
            TenantId = owner.TenantId, OccurredAt = DateTimeOffset.UtcNow, Month = month, ThresholdPercent = 80, LimitUsd = 25m, UsageUsd = usage,
        };

        await app.RaiseAsync(Warning(20.5m));
        await app.RaiseAsync(Warning(21m));

        var subject = $"Your team has used 80 % of its AI budget for {month}";
        var mail = (await Eventually.WaitForAsync(() => Smtp4dev.MailToAsync(admin.Email), all => all.Any(m => m.Subject == subject))).Single(m => m.Subject == subject);
        mail.Text.ShouldContain("20.50 of 25.00 USD");
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Smtp4dev.MailToAsync(admin.Email)).Count(m => m.Subject == subject).ShouldBe(1);
        (await ListAsync(admin)).EnumerateArray().Count(i => i.GetProperty("kind").GetString() == "AiBudgetNearlySpent").ShouldBe(1);
    }

    [Test]
    public async Task A_post_left_unconfirmed_asks_the_admins_to_check_the_platform()
    {
        var unconfirmed = PostFailed(owner.TenantId, platform: "Unconfirmed" + Guid.NewGuid().ToString("N")[..8]) with { Status = TargetStatus.Unconfirmed };

        await app.RaiseAsync(unconfirmed);

        var subject = $"Check whether your post to {unconfirmed.Platform} went out";
        var mail = (await Eventually.WaitForAsync(() => Smtp4dev.MailToAsync(owner.Email), all => all.Any(m => m.Subject == subject)))
            .Single(m => m.Subject == subject);
        mail.Text.ShouldContain($"{NotificationsApp.AppBaseUrl}/posts/{unconfirmed.PostId}");
        mail.Text.ShouldContain("could not be confirmed");
    }

    [Test]
    public async Task Security_mail_cannot_be_switched_off_and_other_kinds_can()
    {
        var admin = await app.AddUserAsync(owner, "admin");
        var initial = await admin.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/preferences");
        initial.EnumerateArray().Select(p => p.GetProperty("kind").GetString())
            .ShouldBe(["Invitation", "PasswordReset", "AccountNeedsReconnect", "PostFailed", "PostUnconfirmed", "PaymentFailed", "MfaChanged", "AiBudgetNearlySpent",
                "EmailVerification", "NewDeviceSignIn"]);
        initial.EnumerateArray().ShouldAllBe(p => p.GetProperty("enabled").GetBoolean());

        var refused = await admin.Client.PutAsJsonAsync("/api/v1/notifications/preferences", new
        {
            preferences = new object[] { new { kind = "PostFailed", enabled = false }, new { kind = "PasswordReset", enabled = false } },
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/preferences")).EnumerateArray()
            .ShouldAllBe(p => p.GetProperty("enabled").GetBoolean());

        var changed = await admin.Client.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { preferences = new[] { new { kind = "AccountNeedsReconnect", enabled = false } } });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Single(p => p.GetProperty("kind").GetString() == "AccountNeedsReconnect").GetProperty("enabled").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task Notifications_are_listed_newest_first_and_marked_read_by_their_user_only()
    {
        var user = await app.AddUserAsync(owner, "editor");
        await RequestResetAsync(user.Email);
        await RequestResetAsync(user.Email);
        var items = await Eventually.WaitForAsync(() => ListAsync(user), list => list.GetArrayLength() == 2);
        items.EnumerateArray().ShouldAllBe(i => i.GetProperty("readAt").ValueKind == JsonValueKind.Null);
        var newest = items[0].GetProperty("id").GetGuid();
        items[0].GetProperty("createdAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(items[1].GetProperty("createdAt").GetDateTimeOffset());

        (await owner.Client.PostAsync($"/api/v1/notifications/{newest}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await user.Client.PostAsync($"/api/v1/notifications/{newest}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var afterOne = await ListAsync(user);
        afterOne[0].GetProperty("readAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        afterOne[1].GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.Null);

        (await user.Client.PostAsync("/api/v1/notifications/read-all", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync(user)).EnumerateArray().ShouldAllBe(i => i.GetProperty("readAt").ValueKind != JsonValueKind.Null);
    }

    [Test]
    public async Task No_token_or_password_reaches_the_log()
    {
        var user = await app.AddUserAsync(owner, "editor");
        var token = await ResetTokenAsync(user.Email);
        (await ConfirmAsync(token, NewPassword)).ShouldBe(HttpStatusCode.NoContent);

        var lines = app.Log.Lines.ToList();
        lines.ShouldContain(line => line.Contains("sent to", StringComparison.Ordinal) && line.Contains(user.Email, StringComparison.OrdinalIgnoreCase));
        lines.ShouldNotContain(line => line.Contains(token.Split('.')[3], StringComparison.Ordinal));
        lines.ShouldNotContain(line => line.Contains(NewPassword, StringComparison.Ordinal));
    }

    private async Task<(HttpStatusCode Status, TimeSpan Took)> RequestResetAsync(string email)
    {
        using var anonymous = app.CreateClient();
        var watch = Stopwatch.StartNew();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email });
        return (response.StatusCode, watch.Elapsed);
    }

    private async Task<string> ResetTokenAsync(string email)
    {
        var before = (await Smtp4dev.MailToAsync(email)).Count;
        (await RequestResetAsync(email)).Status.ShouldBe(HttpStatusCode.Accepted);
        var mail = (await Smtp4dev.WaitForMailAsync(email, before + 1))[^1];
        return mail.TokenOfLink($"{NotificationsApp.AppBaseUrl}/reset-password");
    }

    private async Task<HttpStatusCode> ConfirmAsync(string token, string newPassword)
    {
        using var anonymous = app.CreateClient();
        return (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword })).StatusCode;
    }

    private static async Task<JsonElement> ListAsync(TestAccount account) =>
        (await account.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items");

    private static PostTargetFailed PostFailed(Guid tenantId, string platform = "X") => new()
    {
        TenantId = tenantId,
        OccurredAt = DateTimeOffset.UtcNow,
        PostId = Guid.NewGuid(),
        TargetId = Guid.NewGuid(),
        SocialAccountId = Guid.NewGuid(),
        Platform = platform,
        Status = TargetStatus.Failed,
        ErrorMessage = "The platform refused the text.",
    };
}
