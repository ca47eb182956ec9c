using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;
using Platform.TestKit;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>Mail about a person's own account security, which they cannot switch off, through the real host and SMTP server.</summary>
public sealed class SecurityMailTests : MailFixture
{
    [Test]
    public async Task Turning_two_step_sign_in_on_and_off_mails_the_user_each_time()
    {
        var user = await app.AddUserAsync(owner, "editor");
        var enrolment = await (await user.Client.PostAsync("/api/v1/me/mfa/enroll", null)).Content.ReadFromJsonAsync<JsonElement>();
        var secret = Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString()!);
        var confirmed = await user.Client.PostAsJsonAsync("/api/v1/me/mfa/confirm", new { code = new Totp(secret).ComputeTotp(DateTime.UtcNow) });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var recoveryCode = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")[0].GetString();

        var on = (await Smtp4dev.WaitForMailAsync(user.Email)).ShouldHaveSingleItem();
        on.Subject.ShouldBe("Two-step sign-in was turned on for your account");
        on.Text.ShouldContain($"{NotificationsApp.AppBaseUrl}/settings");

        var disabled = await user.Client.PostAsJsonAsync("/api/v1/me/mfa/disable", new { password = user.Password, code = recoveryCode });
        disabled.StatusCode.ShouldBe(HttpStatusCode.NoContent, await disabled.Content.ReadAsStringAsync());

        var mail = await Smtp4dev.WaitForMailAsync(user.Email, 2);
        mail[1].Subject.ShouldBe("Two-step sign-in was turned off for your account");
        var listed = await Eventually.WaitForAsync(
            async () => (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items"), items => items.GetArrayLength() == 2);
        listed.EnumerateArray().ShouldAllBe(i => i.GetProperty("kind").GetString() == "MfaChanged");
    }

    [Test]
    public async Task Security_changes_cannot_be_switched_off()
    {
        var refused = await owner.Client.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { preferences = new[] { new { kind = "MfaChanged", enabled = false } } });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_refused_code_changes_nothing_and_mails_nobody()
    {
        var user = await app.AddUserAsync(owner, "editor");
        (await user.Client.PostAsync("/api/v1/me/mfa/enroll", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await user.Client.PostAsJsonAsync("/api/v1/me/mfa/confirm", new { code = "000000" });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Smtp4dev.MailToAsync(user.Email)).ShouldBeEmpty();
    }
}
