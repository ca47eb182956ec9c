namespace Platform.SocialAccounts.Tokens;

internal enum RefreshClaimOutcome
{
    /// <summary>The tokens are not due (or the account is not active): nothing to refresh.</summary>
    NotNeeded,
    /// <summary>Another refresh holds a live claim.</summary>
    Busy,
    /// <summary>This caller holds the claim and calls the platform.</summary>
    Claimed,
}
