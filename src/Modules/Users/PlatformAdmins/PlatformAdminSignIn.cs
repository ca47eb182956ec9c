using System.Net;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.Users.Contracts;
using Platform.Users.Credentials;
using Platform.Users.Data;
using Platform.Users.Features.Shared;

namespace Platform.Users.PlatformAdmins;

/// <summary>
/// The dashboard's sign-in: the same checks as the API's login (throttle, Argon2, second factor), then the
/// user must be a platform administrator, by the database flag or by <see cref="PlatformAdminOptions.Emails"/>.
/// </summary>
internal sealed class PlatformAdminSignIn(DbSession session, SignInService signIn, IOptions<PlatformAdminOptions> options) : IPlatformAdminSignIn
{
    public async Task<PlatformAdminSignInResult> VerifyAsync(
        string email, string password, string? totpCode, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > 128)
        {
            return new PlatformAdminSignInResult(PlatformAdminSignInOutcome.Refused);
        }
        await session.BeginAsync(cancellationToken);
        User user;
        try
        {
            user = await signIn.AuthenticateAsync(email, password, totpCode, ClientAddress.Of(clientAddress), cancellationToken);
        }
        catch (SignInThrottledException throttled)
        {
            return new PlatformAdminSignInResult(PlatformAdminSignInOutcome.Throttled, RetryAfterSeconds: throttled.RetryAfterSeconds);
        }
        catch (SecondFactorRequiredException)
        {
            return new PlatformAdminSignInResult(PlatformAdminSignInOutcome.SecondFactorRequired);
        }
        catch (ProblemException)
        {
            return new PlatformAdminSignInResult(PlatformAdminSignInOutcome.Refused);
        }
        if (!IsPlatformAdmin(user))
        {
            return new PlatformAdminSignInResult(PlatformAdminSignInOutcome.Refused);
        }
        await session.CommitAsync(cancellationToken);
        return new PlatformAdminSignInResult(PlatformAdminSignInOutcome.SignedIn, new PlatformAdminIdentity(user.Id, user.Email));
    }

    private bool IsPlatformAdmin(User user) =>
        user.IsPlatformAdmin ||
        options.Value.Emails.Any(email => User.Normalize(email) == user.EmailNormalized);
}
