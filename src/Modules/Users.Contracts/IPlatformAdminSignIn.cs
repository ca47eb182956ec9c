using System.Net;

namespace Platform.Users.Contracts;

/// <summary>A platform operator who signed in to the operations dashboard.</summary>
public sealed record PlatformAdminIdentity(Guid UserId, string Email);

public enum PlatformAdminSignInOutcome
{
    SignedIn,
    /// <summary>Wrong email, password or code, or the user is no platform administrator: one answer for all.</summary>
    Refused,
    SecondFactorRequired,
    /// <summary>The sender failed too often and must wait <see cref="PlatformAdminSignInResult.RetryAfterSeconds"/> first.</summary>
    Throttled,
}

public sealed record PlatformAdminSignInResult(PlatformAdminSignInOutcome Outcome, PlatformAdminIdentity? Admin = null, int RetryAfterSeconds = 0);

/// <summary>
/// Checks the credentials of a platform administrator (distinct from tenant owners) for the dashboard's cookie sign-in,
/// under the same throttle as the API's sign-in.
/// </summary>
public interface IPlatformAdminSignIn
{
    /// <param name="clientAddress">The client's address as the host sees it (after its trusted proxies).</param>
    Task<PlatformAdminSignInResult> VerifyAsync(string email, string password, string? totpCode, IPAddress? clientAddress, CancellationToken cancellationToken);
}
