namespace Platform.ApiKeys.Contracts;

/// <summary>How an API key looks from outside: <c>plk_</c>, its id, then its secret, so a bearer credential can be told from a user token.</summary>
public static class ApiKeyFormat
{
    public const string Prefix = "plk_";

    public static bool LooksLikeApiKey(string credential) => credential.StartsWith(Prefix, StringComparison.Ordinal);
}
