namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>The Graph API version Facebook and Instagram are called with (https://developers.facebook.com/docs/graph-api/changelog).</summary>
internal static class MetaGraph
{
    public const string Version = "v25.0";
}
