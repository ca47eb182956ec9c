using Platform.SharedKernel.Throttling;

namespace Platform.Users.Features.PasswordReset;

/// <summary>Section <c>Users:PasswordReset</c>: how long a mailed reset link works, and how often one may be asked for.</summary>
internal sealed class PasswordResetOptions
{
    public const string Section = "Users:PasswordReset";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Requests for one address that cost nothing; each after waits longer (per e-mail address, whoever asks).</summary>
    public int FreeRequestsPerEmail { get; set; } = 3;
    /// <summary>Requests from one client address that cost nothing, whatever addresses they name.</summary>
    public int FreeRequestsPerClient { get; set; } = 10;
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(2);

    // Every request is recorded, so the last free one already starts the wait that the next one meets.
    public BackoffRule EmailRule => new(FreeRequestsPerEmail - 1, FirstDelay, MaxDelay, ForgetAfter);
    public BackoffRule ClientRule => new(FreeRequestsPerClient - 1, FirstDelay, MaxDelay, ForgetAfter);

    public bool IsValid => Lifetime > TimeSpan.Zero && Lifetime <= TimeSpan.FromDays(1) && FreeRequestsPerEmail >= 1 && FreeRequestsPerClient >= 1
        && FirstDelay > TimeSpan.Zero && MaxDelay >= FirstDelay && ForgetAfter >= MaxDelay;
}
