using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Validation;
using Platform.Users.Contracts;
using Platform.Users.Credentials;
using Platform.Users.Data;
using Platform.Users.Features.Shared;
using Platform.Users.Tokens;

namespace Platform.Users.Features.PasswordReset;

/// <summary>
/// Mails a single-use reset link to the address when it belongs to an active user. The answer is the same 202, after
/// the same least time, whether or not it does: the mail itself leaves later, through the outbox.
/// </summary>
internal static class RequestPasswordResetEndpoint
{
    /// <summary>Both answers take at least this long, so the time taken does not tell whether the address exists.</summary>
    private static readonly TimeSpan AnswerFloor = TimeSpan.FromMilliseconds(250);

    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/password-reset", HandleAsync)
        .WithName("RequestPasswordReset")
        .WithSummary("Mails a password reset link (valid Users:PasswordReset:Lifetime, 30 minutes by default) when the address has an account; always 202.")
        .WithDescription("Requests count per e-mail address and per client address; past a few, each waits longer (429 with Retry-After).")
        .AllowAnonymous()
        .Validate<RequestPasswordResetRequest>()
        .Produces(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        RequestPasswordResetRequest request, HttpContext context, PasswordResetThrottle throttle, CredentialDirectory directory, DbSession session,
        UsersDbContext db, MailTokenSecrets secrets, Outbox outbox, IOptions<PasswordResetOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var email = User.Normalize(request.Email);
        var wait = await throttle.AdmitAsync(email, ClientAddress.Of(context), cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: "Too many password reset requests; try again later.");
        }
        if (await directory.FindByEmailAsync(email, cancellationToken) is { } account)
        {
            await session.UseTenantAsync(account.TenantId, cancellationToken);
            if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == account.UserId && u.IsActive, cancellationToken) is { } user)
            {
                var (reset, _) = Data.PasswordReset.Create(user.TenantId, user.Id, clock.GetUtcNow(), options.Value.Lifetime, secrets);
                db.PasswordResets.Add(reset);
                await db.SaveChangesAsync(cancellationToken);
                await outbox.AddAsync([new PasswordResetRequested
                {
                    TenantId = user.TenantId,
                    OccurredAt = reset.CreatedAt,
                    UserId = user.Id,
                    ResetId = reset.Id,
                    Email = user.Email,
                    ExpiresAt = reset.ExpiresAt,
                }], cancellationToken);
            }
        }
        var elapsed = clock.GetElapsedTime(started);
        if (elapsed < AnswerFloor)
        {
            await Task.Delay(AnswerFloor - elapsed, clock, cancellationToken);
        }
        return TypedResults.Accepted((string?)null);
    }
}
