using Microsoft.Extensions.Options;
using Platform.SharedKernel.Throttling;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.VerifyEmail;

/// <summary>Keeps a signed-in user from flooding their own mailbox: every resend counts against the user, and past a few each waits longer.</summary>
internal sealed class ResendVerificationThrottle(IFailureBackoff backoff, IOptions<EmailVerificationOptions> options)
{
    /// <returns>How long the user must wait; zero when this resend counted and may go ahead.</returns>
    public async Task<TimeSpan> AdmitAsync(Guid userId, CancellationToken cancellationToken)
    {
        var key = $"email-verification:user:{userId:N}";
        var wait = await backoff.WaitAsync(key, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            return wait;
        }
        await backoff.RecordFailureAsync(key, options.Value.ResendRule, cancellationToken);
        return TimeSpan.Zero;
    }
}
