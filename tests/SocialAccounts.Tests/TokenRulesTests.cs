using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>When an account can get new tokens on its own, and what a refused token makes of it: rules on the entity, no database.</summary>
public sealed class TokenRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_refresh_token_can_refresh_until_it_expires_itself()
    {
        Account(SocialPlatform.X, refresh: "r", refreshExpires: null).CanRefresh(Now).ShouldBeTrue();
        Account(SocialPlatform.LinkedIn, refresh: "r", refreshExpires: Now.AddDays(1)).CanRefresh(Now).ShouldBeTrue();
        Account(SocialPlatform.LinkedIn, refresh: "r", refreshExpires: Now.AddSeconds(-1)).CanRefresh(Now).ShouldBeFalse();
    }

    [TestCase(SocialPlatform.Threads)]
    [TestCase(SocialPlatform.Instagram)]
    public void A_long_lived_token_that_refreshes_itself_needs_no_refresh_token_only_to_be_unexpired(SocialPlatform platform)
    {
        Account(platform, expires: Now.AddDays(30)).CanRefresh(Now).ShouldBeTrue();
        Account(platform, expires: Now.AddSeconds(-1)).CanRefresh(Now).ShouldBeFalse();
        // A Page token has no expiry and nothing refreshes it.
        Account(platform, expires: null).CanRefresh(Now).ShouldBeFalse();
    }

    [TestCase(SocialPlatform.X)]
    [TestCase(SocialPlatform.LinkedIn)]
    [TestCase(SocialPlatform.Facebook)]
    public void Without_a_refresh_token_other_platforms_cannot_refresh(SocialPlatform platform) =>
        Account(platform, expires: Now.AddDays(30)).CanRefresh(Now).ShouldBeFalse();

    [TestCase(PlatformErrorKind.TokenRevoked, AccountStatus.Revoked)]
    [TestCase(PlatformErrorKind.TokenExpired, AccountStatus.Expired)]
    public void A_refused_token_marks_the_account_with_the_platforms_reason(PlatformErrorKind refusal, AccountStatus status)
    {
        var account = Account(SocialPlatform.X);

        account.MarkRefused(refusal, "Error validating access token", Now).ShouldBeTrue();

        account.Status.ShouldBe(status);
        account.StatusReason.ShouldBe("Error validating access token");
        account.UpdatedAt.ShouldBe(Now);
    }

    [Test]
    public void Only_the_first_mark_is_news()
    {
        var account = Account(SocialPlatform.X);
        account.MarkRefused(PlatformErrorKind.TokenExpired, "expired", Now).ShouldBeTrue();

        account.MarkRefused(PlatformErrorKind.TokenRevoked, "revoked", Now).ShouldBeFalse();
        account.MarkUnusable(AccountStatus.NeedsReconnect, "unreadable", Now).ShouldBeFalse();
    }

    [Test]
    public void A_refresh_claim_keeps_others_out_until_its_lease_ends()
    {
        var account = Account(SocialPlatform.X, refresh: "r");
        var first = Guid.NewGuid();

        account.TryClaimRefresh(first, Now, TimeSpan.FromSeconds(45)).ShouldBeTrue();

        account.IsRefreshClaimed(Now.AddSeconds(44)).ShouldBeTrue();
        account.TryClaimRefresh(Guid.NewGuid(), Now.AddSeconds(44), TimeSpan.FromSeconds(45)).ShouldBeFalse();
        account.RefreshClaimId.ShouldBe(first);
        account.IsRefreshClaimed(Now.AddSeconds(45)).ShouldBeFalse();
        account.TryClaimRefresh(Guid.NewGuid(), Now.AddSeconds(45), TimeSpan.FromSeconds(45)).ShouldBeTrue();
    }

    [Test]
    public void Only_the_refresh_holding_the_claim_can_release_it()
    {
        var account = Account(SocialPlatform.X, refresh: "r");
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        account.TryClaimRefresh(first, Now, TimeSpan.FromSeconds(45));
        account.TryClaimRefresh(second, Now.AddMinutes(1), TimeSpan.FromSeconds(45));

        account.ReleaseRefreshClaim(first);
        account.RefreshClaimId.ShouldBe(second);
        account.IsRefreshClaimed(Now.AddMinutes(1)).ShouldBeTrue();

        account.ReleaseRefreshClaim(second);
        account.RefreshClaimId.ShouldBeNull();
        account.RefreshClaimedUntil.ShouldBeNull();
        account.IsRefreshClaimed(Now.AddMinutes(1)).ShouldBeFalse();
    }

    private static SocialAccount Account(SocialPlatform platform, string? refresh = null, DateTimeOffset? refreshExpires = null, DateTimeOffset? expires = null) => new()
    {
        Platform = platform,
        Status = AccountStatus.Active,
        RefreshTokenCipher = refresh,
        RefreshTokenExpiresAt = refreshExpires,
        TokenExpiresAt = expires,
    };
}
