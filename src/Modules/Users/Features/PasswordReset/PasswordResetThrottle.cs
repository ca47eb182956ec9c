using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Throttling;

namespace Platform.Users.Features.PasswordReset;

/// <summary>
/// Keeps reset requests from flooding a mailbox or scanning addresses: every request counts against the e-mail address it
/// names and against the client address it comes from, existing account or not, so the answer tells nothing.
/// </summary>
internal sealed class PasswordResetThrottle(IFailureBackoff backoff, IOptions<PasswordResetOptions> options)
{
    /// <returns>How long the sender must wait; zero when this request counted and may go ahead.</returns>
    public async Task<TimeSpan> AdmitAsync(string emailNormalized, string clientAddress, CancellationToken cancellationToken)
    {
        var (emailKey, clientKey) = (EmailKey(emailNormalized), "password-reset:client:" + clientAddress);
        var emailWait = await backoff.WaitAsync(emailKey, cancellationToken);
        var clientWait = await backoff.WaitAsync(clientKey, cancellationToken);
        var wait = emailWait > clientWait ? emailWait : clientWait;
        if (wait > TimeSpan.Zero)
        {
            return wait;
        }
        await backoff.RecordFailureAsync(emailKey, options.Value.EmailRule, cancellationToken);
        await backoff.RecordFailureAsync(clientKey, options.Value.ClientRule, cancellationToken);
        return TimeSpan.Zero;
    }

    // Hashed so that no e-mail address is written into the shared store.
    private static string EmailKey(string emailNormalized) =>
        "password-reset:email:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(emailNormalized)));
}
