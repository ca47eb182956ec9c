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
        ["platform"] = "X", ["status"] = "Unconfirmed", ["reason"] = "<script>alert(1)</script>",
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
    }

    [Test]
    public void An_unconfirmed_post_is_told_apart_from_a_failed_one() =>
        MailTemplates.Write(NotificationKind.PostFailed, Values, "").Summary.ShouldContain("could not be confirmed");
}
