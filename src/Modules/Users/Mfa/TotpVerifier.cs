using OtpNet;
using Platform.Users.Data;

namespace Platform.Users.Mfa;

/// <summary>RFC 6238 codes (SHA-1, 6 digits, 30 s), one step of clock drift either way, each step accepted once.</summary>
internal sealed class TotpVerifier(TimeProvider clock)
{
    public const string Issuer = "Platform";

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public static string OtpAuthUri(string secret, string email) =>
        new OtpUri(OtpType.Totp, secret, email, Issuer).ToString();

    /// <summary>Accepts the code and records its step when it is right and newer than the last one used.</summary>
    public bool TryAccept(User user, string code)
    {
        if (user.MfaSecret is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(user.MfaSecret));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        if (user.MfaLastStep is { } last && step <= last)
        {
            return false;
        }
        user.MfaLastStep = step;
        return true;
    }
}
