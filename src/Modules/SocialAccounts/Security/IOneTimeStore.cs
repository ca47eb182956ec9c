namespace Platform.SocialAccounts.Security;

/// <summary>Short-lived values that can be taken once (state nonces, pending account selections).</summary>
internal interface IOneTimeStore
{
    Task PutAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <returns>The value, or null when it expired or was already taken.</returns>
    Task<string?> TakeAsync(string key, CancellationToken cancellationToken);
}
