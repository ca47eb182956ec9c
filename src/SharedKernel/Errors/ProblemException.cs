namespace Platform.SharedKernel.Errors;

/// <summary>
/// A failure the caller can act on; the host answers it as RFC 9457 problem details with this status.
/// Throwing it rolls back the unit of work.
/// </summary>
public class ProblemException(int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    /// <summary>The RFC 9457 <c>type</c> URI of a problem with its own documentation; null for the status code's generic one.</summary>
    public string? Type { get; init; }

    public static ProblemException NotFound(string what) => new(404, "Not found", $"{what} was not found.");
    public static ProblemException Conflict(string detail) => new(409, "Conflict", detail);
    public static ProblemException Forbidden(string detail) => new(403, "Forbidden", detail);
    public static ProblemException Unauthorized(string detail) => new(401, "Unauthorized", detail);
    public static ProblemException BadRequest(string detail) => new(400, "Bad request", detail);
    public static ProblemException Unprocessable(string detail) => new(422, "Unprocessable request", detail);
}
