namespace Platform.SocialAccounts.RateLimits;

/// <summary>Whose calls a limit counts together.</summary>
internal enum LimitScope
{
    /// <summary>Per connected account (the platform's per-user limit).</summary>
    Account,
    /// <summary>Per platform app, across every tenant (the platform's per-app limit).</summary>
    App,
}
