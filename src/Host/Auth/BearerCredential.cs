namespace Platform.Host.Auth;

/// <summary>The credential of an <c>Authorization: Bearer …</c> header.</summary>
internal static class BearerCredential
{
    private const string Prefix = "Bearer ";

    public static string? Of(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        return authorization is not null && authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[Prefix.Length..].Trim()
            : null;
    }
}
