namespace Platform.Audit.Features.ListAuditEntries;

/// <summary>Entries newest first; <see cref="NextCursor"/> fetches the next (older) page, null on the last.</summary>
internal sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, string? NextCursor);
