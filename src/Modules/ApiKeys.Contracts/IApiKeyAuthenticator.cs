using System.Net;

namespace Platform.ApiKeys.Contracts;

/// <summary>Resolves a presented API key to the tenant and scopes it acts with; the host's authentication calls it.</summary>
public interface IApiKeyAuthenticator
{
    /// <returns>The key's identity, or null when it is malformed, unknown, revoked or expired.</returns>
    ValueTask<ApiKeyIdentity?> AuthenticateAsync(string presentedKey, IPAddress? client, CancellationToken cancellationToken);
}
