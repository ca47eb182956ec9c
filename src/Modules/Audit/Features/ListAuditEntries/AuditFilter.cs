using System.Globalization;
using Platform.Audit.Contracts;
using Platform.Audit.Recording;
using Platform.SharedKernel.Errors;

namespace Platform.Audit.Features.ListAuditEntries;

/// <summary>A checked <see cref="ListAuditEntriesRequest"/>: any value that cannot mean anything is a 400 naming it.</summary>
internal sealed record AuditFilter(
    Guid? Actor, AuditAction? Action, string? ResourceType, Guid? ResourceId, DateTimeOffset? From, DateTimeOffset? To, AuditCursor? Cursor, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public static AuditFilter Parse(ListAuditEntriesRequest request)
    {
        AuditAction? action = null;
        if (request.Action is { } actionName)
        {
            action = AuditActionNames.TryParse(actionName, out var known) ? known : throw Bad($"'{actionName}' is not an audit action.");
        }
        if (request.ResourceType is { } type && !AuditActionNames.KnownResourceTypes.Contains(type))
        {
            throw Bad($"'{type}' is not a resource type of the audit log ({string.Join(", ", AuditActionNames.KnownResourceTypes.Order(StringComparer.Ordinal))}).");
        }
        AuditCursor? cursor = null;
        if (request.Cursor is { } text && !AuditCursor.TryDecode(text, out cursor))
        {
            throw Bad("The cursor is not one this endpoint gave out.");
        }
        var from = Time(request.From, "from");
        var to = Time(request.To, "to");
        if (from >= to)
        {
            throw Bad("'from' must be before 'to'.");
        }
        var limit = request.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            throw Bad($"'limit' must be between 1 and {MaxLimit}.");
        }
        return new AuditFilter(Id(request.Actor, "actor"), action, request.ResourceType, Id(request.ResourceId, "resourceId"), from, to, cursor, limit);
    }

    private static Guid? Id(string? value, string name) =>
        value is null ? null : Guid.TryParse(value, out var id) ? id : throw Bad($"'{name}' must be an id (a UUID).");

    private static DateTimeOffset? Time(string? value, string name) =>
        value is null ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime()
        : throw Bad($"'{name}' must be a date and time (ISO 8601).");

    private static ProblemException Bad(string detail) => ProblemException.BadRequest(detail);
}
