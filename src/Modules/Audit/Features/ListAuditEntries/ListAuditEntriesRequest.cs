using Microsoft.AspNetCore.Mvc;

namespace Platform.Audit.Features.ListAuditEntries;

/// <summary>The query of <c>GET /audit</c>: every filter is optional; <c>cursor</c> is the previous page's <c>nextCursor</c>.</summary>
internal sealed record ListAuditEntriesRequest(
    [FromQuery] string? Actor,
    [FromQuery] string? Action,
    [FromQuery] string? ResourceType,
    [FromQuery] string? ResourceId,
    [FromQuery] string? From,
    [FromQuery] string? To,
    [FromQuery] string? Cursor,
    [FromQuery] int? Limit);
