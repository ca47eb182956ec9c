using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>An account's follower counts on the first and the last day of a range that have one.</summary>
internal sealed record FollowerRange(Guid AccountId, SocialPlatform Platform, long First, long Latest)
{
    /// <summary>Latest minus first: negative when followers were lost; zero with a single day collected.</summary>
    public long Change => Latest - First;
}
