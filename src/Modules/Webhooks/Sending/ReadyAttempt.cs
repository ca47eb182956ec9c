namespace Platform.Webhooks.Sending;

/// <summary>What an attempt sends, read in the claiming unit of work so that sending needs no connection.</summary>
internal sealed record ReadyAttempt(string Url, IReadOnlyList<string> SigningSalts, Guid EventId, string EventType, string Body);
