namespace Platform.Users.Features.Mfa;

internal sealed record MfaRecoveryCodes(IReadOnlyList<string> RecoveryCodes);
