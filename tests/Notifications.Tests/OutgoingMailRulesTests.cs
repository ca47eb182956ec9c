using Platform.Notifications.Contracts;
using Platform.Notifications.Data;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>The claim that keeps two runs of the send job from sending one mail twice, without a database.</summary>
public sealed class OutgoingMailRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    [Test]
    public void A_claimed_mail_is_busy_until_its_claim_lapses_or_is_released()
    {
        var mail = NewMail();
        mail.ClaimAt(Now, Hold).ShouldBe(MailClaim.Claimed);
        mail.ClaimAt(Now + TimeSpan.FromMinutes(1), Hold).ShouldBe(MailClaim.Busy);
        mail.ClaimAt(Now + Hold + TimeSpan.FromSeconds(1), Hold).ShouldBe(MailClaim.Claimed);
        mail.Release();
        mail.ClaimAt(Now + Hold + TimeSpan.FromSeconds(2), Hold).ShouldBe(MailClaim.Claimed);
        mail.Attempts.ShouldBe(3);
    }

    [Test]
    public void A_sent_mail_is_never_claimed_again()
    {
        var mail = NewMail();
        mail.ClaimAt(Now, Hold).ShouldBe(MailClaim.Claimed);
        mail.MarkSent(Now);
        mail.ClaimAt(Now + TimeSpan.FromDays(1), Hold).ShouldBe(MailClaim.AlreadySent);
        mail.Attempts.ShouldBe(1);
    }

    [Test]
    public void Only_invitations_password_resets_two_step_changes_verifications_and_new_devices_are_security_mail() =>
        Enum.GetValues<NotificationKind>().Where(k => k.IsSecurity())
            .ShouldBe([NotificationKind.Invitation, NotificationKind.PasswordReset, NotificationKind.MfaChanged,
                NotificationKind.EmailVerification, NotificationKind.NewDeviceSignIn]);

    private static OutgoingMail NewMail() => new()
    {
        Id = Guid.NewGuid(),
        TenantId = Guid.NewGuid(),
        SourceEventId = Guid.NewGuid(),
        Kind = NotificationKind.PostFailed,
        RecipientEmail = "a@example.com",
        Parameters = "{}",
        CreatedAt = Now,
    };
}
