using Platform.SharedKernel.Errors;

namespace Platform.Host.Pipeline;

/// <summary>
/// Refuses a NUL character anywhere in the query (decoded) before any endpoint binds it: PostgreSQL cannot
/// store one in text, and no filter or identifier of ours contains one. The server itself refuses one in the
/// path; JSON bodies are guarded by <see cref="NulRefusingStringConverter"/>.
/// </summary>
internal sealed class NulCharacterGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue)
        {
            foreach (var (name, values) in context.Request.Query)
            {
                if (HasNul(name) || values.Any(HasNul))
                {
                    throw ProblemException.BadRequest("The query contains a NUL character.");
                }
            }
        }
        return next(context);
    }

    public static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);
}
