using System.Text.Json.Serialization;

namespace Platform.SharedKernel.Security;

/// <summary>What an API key may do; each endpoint a key may call declares the one it needs (<see cref="ScopeEndpointExtensions"/>).</summary>
public enum ApiScope
{
    [JsonStringEnumMemberName("posts:read")] PostsRead,
    [JsonStringEnumMemberName("posts:write")] PostsWrite,
    [JsonStringEnumMemberName("publish")] Publish,
    [JsonStringEnumMemberName("accounts:read")] AccountsRead,
    [JsonStringEnumMemberName("analytics:read")] AnalyticsRead,
    [JsonStringEnumMemberName("ai:generate")] AiGenerate,
    [JsonStringEnumMemberName("media:write")] MediaWrite,
    [JsonStringEnumMemberName("webhooks:manage")] WebhooksManage,
}
