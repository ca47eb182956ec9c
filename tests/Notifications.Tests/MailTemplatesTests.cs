using Platform.Notifications.Contracts;
using Platform.Notifications.Email;
using Shouldly;

namespace Platform.Notifications.Tests;

public sealed class MailTemplatesTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["invitationId"] = Guid.NewGuid().ToString(), ["resetId"] = Guid.NewGuid().ToString(), ["postId"] = Guid.NewGuid().ToString(),
        ["role"] = "Editor", ["invitedBy"] = "<b>Mallory</b>", ["expiresAt"] = "2026-12-07 12:00 UTC",
        ["platform"] = "X", ["status"] = "Unconfirmed", ["invoiceId"] = "in_123",
        ["enabled"] = "true", ["changedAt"] = "2026-12-07 12:00 UTC",
        ["month"] = "2026-12", ["percent"] = "80", ["limit"] = "25.00", ["usage"] = "20.50", ["reason"] = "<script>alert(1)</script>",
        ["verificationId"] = Guid.NewGuid().ToString(), ["signedInAt"] = "2026-12-07 12:00 UTC", ["ipAddress"] = "192.0.2.1",
        ["userAgent"] = "<img src=x onerror=alert(1)>",
    };

    [Test]
    public void Every_kind_has_a_text_and_an_html_part_with_the_link()
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            var content = MailTemplates.Write(kind, Values, "https://app.example.test/x?token=abc");
            content.Subject.ShouldNotBeNullOrWhiteSpace();
            content.Text.ShouldContain("https://app.example.test/x?token=abc");
            content.Html.ShouldContain("https://app.example.test/x?token=abc");
        }
    }

    [Test]
    public void What_users_wrote_is_encoded_in_the_html_part()
    {
        var invitation = MailTemplates.Write(NotificationKind.Invitation, Values, "https://app.example.test/");
        invitation.Html.ShouldNotContain("<b>Mallory</b>");
        invitation.Html.ShouldContain("&lt;b&gt;Mallory&lt;/b&gt;");
        MailTemplates.Write(NotificationKind.PostFailed, Values, "https://app.example.test/").Html.ShouldNotContain("<script>");
        MailTemplates.Write(NotificationKind.NewDeviceSignIn, Values, "https://app.example.test/").Html.ShouldNotContain("<img");
    }

    [Test]
    public void An_unconfirmed_post_is_told_apart_from_a_failed_one()
    {
        MailTemplates.Write(NotificationKind.PostUnconfirmed, Values, "").Summary.ShouldContain("could not be confirmed");
        MailTemplates.Write(NotificationKind.PostFailed, Values, "").Summary.ShouldNotContain("could not be confirmed");
    }

    [Test]
    public void Two_step_sign_in_mail_says_whether_it_was_turned_on_or_off()
    {
        MailTemplates.Write(NotificationKind.MfaChanged, Values, "").Subject.ShouldBe("Two-step sign-in was turned on for your account");
        MailTemplates.Write(NotificationKind.MfaChanged, new Dictionary<string, string>(Values) { ["enabled"] = "false" }, "").Subject
            .ShouldBe("Two-step sign-in was turned off for your account");
    }
}
