using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.Users.Data;
using Platform.Users.Tokens;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

/// <summary>A verification link's own rules and the user's verified mark, without a database.</summary>
public sealed class EmailVerificationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private static readonly MailTokenSecrets Secrets =
        new(Microsoft.Extensions.Options.Options.Create(new JwtOptions { SigningKey = "verification-rules-test-signing-key-32-bytes" }));

    [Test]
    public void A_new_link_is_pending_until_it_expires_and_keeps_only_the_hash_of_its_secret()
    {
        var (verification, token) = EmailVerification.Create(Guid.NewGuid(), Guid.NewGuid(), Now, Lifetime, Secrets);

        verification.StateAt(Now).ShouldBe(EmailVerificationState.Pending);
        verification.StateAt(Now + Lifetime - TimeSpan.FromSeconds(1)).ShouldBe(EmailVerificationState.Pending);
        verification.StateAt(Now + Lifetime).ShouldBe(EmailVerificationState.Expired);
        verification.TokenHash.ShouldBe(token.SecretHash);
        verification.IsProvenBy(token).ShouldBeTrue();
        token.Encode().ShouldStartWith("evf1.");
    }

    [Test]
    public void A_link_is_spent_once_then_refused_as_used()
    {
        var (verification, _) = EmailVerification.Create(Guid.NewGuid(), Guid.NewGuid(), Now, Lifetime, Secrets);

        verification.Use(Now);

        verification.StateAt(Now).ShouldBe(EmailVerificationState.Used);
        Should.Throw<ProblemException>(() => verification.Use(Now + TimeSpan.FromMinutes(1))).Status.ShouldBe(409);
        verification.UsedAt.ShouldBe(Now);
    }

    [Test]
    public void An_expired_link_is_refused_as_gone_and_stays_unspent()
    {
        var (verification, _) = EmailVerification.Create(Guid.NewGuid(), Guid.NewGuid(), Now, Lifetime, Secrets);

        Should.Throw<ProblemException>(() => verification.Use(Now + Lifetime)).Status.ShouldBe(410);
        verification.UsedAt.ShouldBeNull();
    }

    [Test]
    public void A_token_proves_only_its_own_link()
    {
        var tenantId = Guid.NewGuid();
        var (verification, _) = EmailVerification.Create(tenantId, Guid.NewGuid(), Now, Lifetime, Secrets);
        var (_, another) = EmailVerification.Create(tenantId, Guid.NewGuid(), Now, Lifetime, Secrets);
        var otherTenant = EmailVerificationToken.For(Guid.NewGuid(), verification.Id, Secrets);
        var otherKind = PasswordResetToken.For(tenantId, verification.Id, Secrets).Encode();

        verification.IsProvenBy(another).ShouldBeFalse();
        verification.IsProvenBy(otherTenant).ShouldBeFalse();
        EmailVerificationToken.TryParse(otherKind, out _).ShouldBeFalse();
        EmailVerificationToken.TryParse("evf1.garbage", out _).ShouldBeFalse();
    }

    [Test]
    public void A_user_keeps_the_first_time_their_address_was_verified()
    {
        var user = new User { Email = "a@example.com", EmailNormalized = "a@example.com", PasswordHash = "x" };
        user.IsEmailVerified.ShouldBeFalse();

        user.MarkEmailVerified(Now);
        user.MarkEmailVerified(Now + TimeSpan.FromDays(1));

        user.IsEmailVerified.ShouldBeTrue();
        user.EmailVerifiedAt.ShouldBe(Now);
    }
}
