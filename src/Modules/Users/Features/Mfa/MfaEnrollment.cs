namespace Platform.Users.Features.Mfa;

internal sealed record MfaEnrollment(string Secret, string OtpAuthUri);
