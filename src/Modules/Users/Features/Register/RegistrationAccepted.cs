namespace Platform.Users.Features.Register;

/// <summary>The one answer every valid registration gets, whether or not its email had an account.</summary>
internal sealed record RegistrationAccepted(string Message)
{
    public static readonly RegistrationAccepted Neutral = new(
        "Registration received. If this email address had no account, it has one now: sign in with POST /api/v1/auth/login. " +
        "If it had one, nothing changed.");
}
