namespace Platform.SocialAccounts.Contracts;

/// <summary>
/// Account-level numbers a platform reports for a connected account; null where it has no such figure (a hidden subscriber
/// count). <see cref="Offered"/> is false for a platform this integration reads no account numbers from, which is no refusal.
/// </summary>
public sealed record AccountMetrics(long? Followers, bool Offered = true)
{
    /// <summary>The answer for a platform without account numbers: nothing was asked of it.</summary>
    public static AccountMetrics NotOffered { get; } = new(null, Offered: false);
}
