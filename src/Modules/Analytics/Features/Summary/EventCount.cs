using Platform.Analytics.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Features.Summary;

/// <summary>How many publishing events of one type one platform had in the summary's period.</summary>
internal sealed record EventCount(SocialPlatform Platform, AnalyticsEventType EventType, long Count);
