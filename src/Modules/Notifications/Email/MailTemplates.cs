using System.Net;
using Platform.Notifications.Contracts;

namespace Platform.Notifications.Email;

/// <summary>
/// The text of each kind of mail, from its parameters and (for mail with a link) the link. Values from users are
/// HTML-encoded in the HTML part. Without a link the summary alone is known: that is what the in-app list shows.
/// </summary>
internal static class MailTemplates
{
    public static MailContent Write(NotificationKind kind, IReadOnlyDictionary<string, string> values, string link) => kind switch
    {
        NotificationKind.Invitation => Compose(
            $"{values["invitedBy"]} invited you to join their team",
            $"{values["invitedBy"]} invited you to join their team as {values["role"].ToLowerInvariant()}.",
            $"Accept the invitation (it works once, until {values["expiresAt"]}):",
            "Accept the invitation", link,
            "If you did not expect this invitation, ignore this mail."),
        NotificationKind.PasswordReset => Compose(
            "Reset your password",
            "Someone asked to reset the password of your account.",
            $"Choose a new password (the link works once, until {values["expiresAt"]}); every signed-in session ends when you do:",
            "Choose a new password", link,
            "If it was not you, ignore this mail: your password stays as it is."),
        NotificationKind.AccountNeedsReconnect => Compose(
            $"Reconnect your {values["platform"]} account",
            $"Your {values["platform"]} account stopped working and needs to be reconnected: {values["reason"]}",
            "Nothing is published to it until it is reconnected:",
            "Open accounts", link,
            "You get this mail as an admin of the team; switch it off in your notification preferences."),
        NotificationKind.PostFailed => Compose(
            $"A post to {values["platform"]} did not go out",
            $"A post to {values["platform"]} failed: {values["reason"]}",
            "See the post and try again:",
            "Open the post", link,
            "You get this mail as an admin of the team; switch it off in your notification preferences."),
        NotificationKind.PostUnconfirmed => Compose(
            $"Check whether your post to {values["platform"]} went out",
            $"A post to {values["platform"]} could not be confirmed: {values["reason"]}",
            $"It may or may not be on {values["platform"]}; it is not sent again by itself. Look for it there, then mark or retry it:",
            "Open the post", link,
            "You get this mail as an admin of the team; switch it off in your notification preferences."),
        NotificationKind.PaymentFailed => Compose(
            "A payment for your subscription failed",
            $"The payment of invoice {values["invoiceId"]} failed. The payment provider tries again; update your card to keep your plan.",
            "Update your payment details:",
            "Open settings", link,
            "You get this mail as an owner of the team; switch it off in your notification preferences."),
        NotificationKind.MfaChanged => Compose(
            $"Two-step sign-in was turned {(values["enabled"] == "true" ? "on" : "off")} for your account",
            $"Two-step sign-in was turned {(values["enabled"] == "true" ? "on" : "off")} for your account at {values["changedAt"]}.",
            "Review your account's security:",
            "Open settings", link,
            "If it was not you, change your password now: someone may be signed in as you."),
        NotificationKind.AiBudgetNearlySpent => Compose(
            $"Your team has used {values["percent"]} % of its AI budget for {values["month"]}",
            $"AI requests this month have used {values["usage"]} of {values["limit"]} USD; past the limit they are refused until next month.",
            "Raise the team's AI cap or its plan:",
            "Open settings", link,
            "You get this mail as an admin of the team, once a month at most; switch it off in your notification preferences."),
        NotificationKind.EmailVerification => Compose(
            "Verify your e-mail address",
            "Confirm that this address is yours to finish setting up your account.",
            $"Verify your address (the link works once, until {values["expiresAt"]}):",
            "Verify my address", link,
            "If you did not sign up, ignore this mail: the address stays unverified."),
        NotificationKind.NewDeviceSignIn => Compose(
            "New sign-in to your account",
            $"Your account was signed in to from a new device at {values["signedInAt"]}, from IP address {values["ipAddress"]} with {values["userAgent"]}.",
            "If it was you, there is nothing to do. If it was not, change your password now: every session, theirs too, ends when you do. " +
            "Turning on two-step sign-in keeps a known password from being enough:",
            "Open settings", link,
            "You get this mail whenever your account is signed in to from a device it was not used on before; it cannot be switched off."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No template for this kind."),
    };

    private static MailContent Compose(string subject, string summary, string lead, string action, string link, string footer) => new(
        subject,
        summary,
        $"{summary}\n\n{lead}\n{link}\n\n{footer}\n",
        $"""
        <!DOCTYPE html>
        <html><body style="font-family: sans-serif; line-height: 1.5">
        <p>{WebUtility.HtmlEncode(summary)}</p>
        <p>{WebUtility.HtmlEncode(lead)}</p>
        <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
        <p style="color: #666">{WebUtility.HtmlEncode(footer)}</p>
        </body></html>
        """);
}
