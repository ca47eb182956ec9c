using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.CheckContent;

/// <param name="Length">The text's length as the platform counts it.</param>
/// <param name="MaxLength">The longest text the platform takes, in the same units.</param>
internal sealed record PlatformContentCheck(SocialPlatform Platform, int Length, int MaxLength, IReadOnlyList<ContentViolation> Violations);
