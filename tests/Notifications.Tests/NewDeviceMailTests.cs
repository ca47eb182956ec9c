using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Platform.Users.Contracts;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>The mail a user gets when their account is signed in to from a device not seen before, through the real host and SMTP server.</summary>
public sealed class NewDeviceMailTests : MailFixture
{
    private const string Subject = "New sign-in to your account";
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";

    [Test]
    public async Task A_sign_in_from_a_new_device_is_mailed_once_naming_when_where_and_what()
    {
        var user = await app.AddUserAsync(owner, "editor");

        (await LoginAsync(user, Firefox, "198.51.100.23")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The same browser a version later on the same line, and the device the user first signed in from, are known.
        (await LoginAsync(user, Firefox.Replace("121.0", "122.0", StringComparison.Ordinal), "198.51.100.99")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.LoginAsync(user.Email, user.Password);

        var mail = (await Smtp4dev.WaitForMailAsync(user.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe(Subject);
        mail.Text.ShouldContain("198.51.100.23");
        mail.Text.ShouldContain(Firefox);
        mail.Text.ShouldContain(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        mail.Text.ShouldContain("change your password");
        mail.Text.ShouldContain($"{NotificationsApp.AppBaseUrl}/settings");
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Smtp4dev.MailToAsync(user.Email)).Count.ShouldBe(1);
        var listed = await Eventually.WaitForAsync(
            async () => (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items"), items => items.GetArrayLength() == 1);
        listed[0].GetProperty("kind").GetString().ShouldBe("NewDeviceSignIn");
    }

    [Test]
    public async Task The_first_sign_in_of_a_user_made_by_an_admin_mails_nothing()
    {
        var email = $"made-{Guid.NewGuid():N}@example.com";
        (await owner.Client.PostAsJsonAsync("/api/v1/users", new { email, password = TestAccounts.Password, role = "viewer" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = new TestAccount(Guid.Empty, owner.TenantId, email, TestAccounts.Password, "", "", app.CreateClient());

        (await LoginAsync(user, Firefox, "192.0.2.10")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Smtp4dev.MailToAsync(email)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_refused_sign_in_from_a_new_device_records_and_mails_nothing()
    {
        var user = await app.AddUserAsync(owner, "editor");
        var devices = await DevicesAsync(user);

        (await LoginAsync(user with { Password = "not-the-password" }, Firefox, "203.0.113.5")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Smtp4dev.MailToAsync(user.Email)).ShouldBeEmpty();
        (await DevicesAsync(user)).ShouldBe(devices);
    }

    [Test]
    public async Task A_redelivered_sign_in_event_mails_nobody_twice()
    {
        var user = await app.AddUserAsync(owner, "editor");
        var signedIn = new NewDeviceSignedIn
        {
            TenantId = user.TenantId, OccurredAt = DateTimeOffset.UtcNow, UserId = user.UserId, Email = user.Email,
            IpAddress = "192.0.2.44", UserAgent = "curl/8.5.0",
        };

        await app.RaiseAsync(signedIn);
        await Smtp4dev.WaitForMailAsync(user.Email);
        await app.RaiseAsync(signedIn);
        await Task.Delay(TimeSpan.FromSeconds(4));

        (await Smtp4dev.MailToAsync(user.Email)).ShouldHaveSingleItem().Text.ShouldContain("curl/8.5.0");
        (await app.Database.ScalarAsTenantAsync(user.TenantId,
            "SELECT count(*) FROM notifications.messages WHERE source_event_id = $1", signedIn.EventId)).ShouldBe(1L);
    }

    [Test]
    public async Task New_device_mail_cannot_be_switched_off()
    {
        var refused = await owner.Client.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { preferences = new[] { new { kind = "NewDeviceSignIn", enabled = false } } });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<HttpResponseMessage> LoginAsync(TestAccount user, string userAgent, string forwardedFor)
    {
        using var anonymous = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = user.Email, password = user.Password }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await anonymous.SendAsync(request);
    }

    private async Task<long> DevicesAsync(TestAccount user) =>
        (long)(await app.Database.ScalarAsTenantAsync(user.TenantId, "SELECT count(*) FROM users.known_devices WHERE user_id = $1", user.UserId))!;
}
