using Platform.SharedKernel.Throttling;

namespace Platform.Users.Features.Shared;

/// <summary>Section <c>Users:EmailVerification</c>: how long a mailed verification link works, and how often one may be asked for again.</summary>
internal sealed class EmailVerificationOptions
{
    public const string Section = "Users:EmailVerification";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Resends per user that cost nothing; each after waits longer.</summary>
    public int FreeResends { get; set; } = 3;
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(2);

    // Every resend is recorded, so the last free one already starts the wait that the next one meets.
    public BackoffRule ResendRule => new(FreeResends - 1, FirstDelay, MaxDelay, ForgetAfter);

    public bool IsValid => Lifetime > TimeSpan.Zero && Lifetime <= TimeSpan.FromDays(7) && FreeResends >= 1
        && FirstDelay > TimeSpan.Zero && MaxDelay >= FirstDelay && ForgetAfter >= MaxDelay;
}
