namespace Platform.Media.Storage;

/// <summary>Object keys carry the tenant, so no key of one tenant can ever name another's object.</summary>
internal static class ObjectKeys
{
    public static string TenantPrefix(Guid tenantId) => $"tenants/{tenantId:N}/";

    public static string Original(Guid tenantId, Guid mediaId) => $"{TenantPrefix(tenantId)}media/{mediaId:N}/original";

    public static string Thumbnail(Guid tenantId, Guid mediaId) => $"{TenantPrefix(tenantId)}media/{mediaId:N}/thumbnail.jpg";

    /// <summary>True for keys this module makes: no dots, backslashes or empty segments that could climb out of a folder.</summary>
    public static bool IsWellFormed(string key) =>
        key.StartsWith("tenants/", StringComparison.Ordinal) &&
        key.Split('/').All(segment => segment.Length > 0 && segment != ".." && segment != ".") &&
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-');
}
