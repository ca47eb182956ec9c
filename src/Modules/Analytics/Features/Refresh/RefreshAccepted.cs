namespace Platform.Analytics.Features.Refresh;

/// <summary>The answer to a refresh request: its id and when it was asked for.</summary>
internal sealed record RefreshAccepted(Guid RefreshId, DateTimeOffset RequestedAt);
