using Microsoft.Extensions.Options;
using Platform.SharedKernel.Throttling;

namespace Platform.Users.Credentials;

/// <summary>
/// How failed sign-ins slow their sender down (section <c>Users:SignInThrottle</c>). Two keys count failures: an
/// account together with the client address, and the client address alone. Neither key ever shuts an account
/// out for a sender who did not fail: the right password from another address is not delayed by them.
/// </summary>
internal sealed class SignInThrottleOptions
{
    public const string Section = "Users:SignInThrottle";

    /// <summary>Failures of one account from one address that cost no wait.</summary>
    public int FreeFailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>Failures from one address, over every account, that cost no wait.</summary>
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The wait after the first failure past the free ones; each failure after doubles it.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures are forgotten once this long passes without a new one.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    public BackoffRule AccountAndAddressRule => new(FreeFailuresPerAccountAndAddress, FirstDelay, MaxDelay, ForgetAfter);

    public BackoffRule AddressRule => new(FreeFailuresPerAddress, FirstDelay, MaxDelay, ForgetAfter);
}

internal sealed class SignInThrottleOptionsValidator : IValidateOptions<SignInThrottleOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInThrottleOptions options)
    {
        var failures = new List<string>();
        const string at = SignInThrottleOptions.Section + ":";
        if (options.FreeFailuresPerAccountAndAddress < 0)
        {
            failures.Add($"{at}{nameof(options.FreeFailuresPerAccountAndAddress)} must be 0 or more.");
        }
        if (options.FreeFailuresPerAddress < 0)
        {
            failures.Add($"{at}{nameof(options.FreeFailuresPerAddress)} must be 0 or more.");
        }
        if (options.FirstDelay <= TimeSpan.Zero)
        {
            failures.Add($"{at}{nameof(options.FirstDelay)} must be positive (for example 00:00:01).");
        }
        if (options.MaxDelay < options.FirstDelay)
        {
            failures.Add($"{at}{nameof(options.MaxDelay)} must be at least {at}{nameof(options.FirstDelay)}.");
        }
        if (options.ForgetAfter < options.MaxDelay)
        {
            failures.Add($"{at}{nameof(options.ForgetAfter)} must be at least {at}{nameof(options.MaxDelay)}, or waits would restart from nothing.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
