namespace Platform.SocialAccounts.RateLimits;

/// <summary>The kind of call a limit counts.</summary>
internal enum PlatformOperation
{
    Publish,
    Read,
}
