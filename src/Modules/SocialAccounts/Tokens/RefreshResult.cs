namespace Platform.SocialAccounts.Tokens;

/// <summary>What a call to <see cref="TokenRefresh.RefreshAsync"/> came to.</summary>
internal enum RefreshResult
{
    /// <summary>The tokens were not due (or the account is no longer active, which reading it tells).</summary>
    NotNeeded,
    /// <summary>This call stored new tokens.</summary>
    Refreshed,
    /// <summary>Another caller's refresh ended while this one waited for it.</summary>
    RefreshedElsewhere,
    /// <summary>Another caller's refresh is still under way; this one did not wait.</summary>
    UnderWayElsewhere,
}
