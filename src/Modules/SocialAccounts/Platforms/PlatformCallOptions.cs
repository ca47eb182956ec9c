namespace Platform.SocialAccounts.Platforms;

/// <summary>How long a call to a social platform may take, section <c>SocialAccounts</c>.</summary>
internal sealed class PlatformCallOptions
{
    public const string Section = "SocialAccounts";

    /// <summary>The timeout of every call to a social platform.</summary>
    public double HttpTimeoutSeconds { get; set; } = 30;

    public TimeSpan HttpTimeout => TimeSpan.FromSeconds(HttpTimeoutSeconds);

    /// <summary>
    /// How long a token refresh holds its claim: past the timeout of its platform call, so that a second refresh starts
    /// only when the first can no longer store an answer.
    /// </summary>
    public TimeSpan RefreshClaimLease => HttpTimeout + TimeSpan.FromSeconds(15);
}
