namespace Platform.Notifications.Live;

/// <summary>A live event as a stream writes it: its id, its name and its data (JSON), made once for every client it reaches.</summary>
internal sealed record LiveMessage(LiveEventId Id, LiveEventType Type, string Data);
