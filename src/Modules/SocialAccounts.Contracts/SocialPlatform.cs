namespace Platform.SocialAccounts.Contracts;

/// <summary>The platforms an account can be connected on. Serialised in URLs and JSON in lower case.</summary>
public enum SocialPlatform
{
    Instagram,
    X,
    LinkedIn,
    Facebook,
    TikTok,
    YouTube,
    Pinterest,
    Threads,
    Reddit,
}

public static class SocialPlatforms
{
    public static IReadOnlyList<SocialPlatform> All { get; } = Enum.GetValues<SocialPlatform>();

    public static string Slug(this SocialPlatform platform) => platform.ToString().ToLowerInvariant();

    /// <summary>Parses a slug ("linkedin", "x"); names only, never numbers.</summary>
    public static bool TryParse(string? value, out SocialPlatform platform)
    {
        platform = default;
        return !string.IsNullOrWhiteSpace(value) && !char.IsDigit(value[0]) && !value.StartsWith('-') &&
            Enum.TryParse(value, ignoreCase: true, out platform) && Enum.IsDefined(platform);
    }
}

/// <summary>Lifecycle of a connected account's credentials.</summary>
public enum AccountStatus
{
    /// <summary>Tokens work (or can be refreshed).</summary>
    Active,
    /// <summary>The token expired and cannot be refreshed: the user must reconnect.</summary>
    Expired,
    /// <summary>The platform says the grant was revoked: the user must reconnect.</summary>
    Revoked,
    /// <summary>The stored tokens cannot be read (tampered or unknown key): the user must reconnect.</summary>
    NeedsReconnect,
}
