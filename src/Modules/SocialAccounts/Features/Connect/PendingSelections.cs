using System.Text.Json;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Security;

namespace Platform.SocialAccounts.Features.Connect;

/// <summary>
/// When one authorization yields several accounts (a user's Facebook Pages or Instagram accounts), the user picks which
/// to connect. Until then the candidates and their tokens wait, encrypted, in the one-time store for 10 minutes.
/// </summary>
internal sealed class PendingSelections(IOneTimeStore store, TokenCipher cipher, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<SelectionDto> HoldAsync(Guid tenantId, Guid userId, SocialPlatform platform, IReadOnlyList<PlatformIdentity> identities, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var pending = new PendingSelection(tenantId, userId, platform, identities.Select(i => new PendingIdentity(
            i.ExternalId, i.DisplayName, i.Handle, i.AvatarUrl, i.Tokens.AccessToken, i.Tokens.RefreshToken, i.Tokens.ExpiresAt, i.Tokens.Scopes,
            new Dictionary<string, string>(i.Metadata))).ToList());
        await PutAsync(id, pending, Lifetime, cancellationToken);
        return new SelectionDto(id, clock.GetUtcNow().Add(Lifetime),
            identities.Select(i => new CandidateDto(i.ExternalId, i.DisplayName, i.Handle, i.AvatarUrl)).ToList());
    }

    public async Task<PendingSelection?> TakeAsync(Guid id, CancellationToken cancellationToken) =>
        await store.TakeAsync(Key(id), cancellationToken) is { } value
            ? JsonSerializer.Deserialize<PendingSelection>(cipher.Decrypt(value, id))
            : null;

    /// <summary>Puts a selection back after a request that could not use it, so the user can correct it.</summary>
    public Task PutAsync(Guid id, PendingSelection pending, TimeSpan lifetime, CancellationToken cancellationToken) =>
        store.PutAsync(Key(id), cipher.Encrypt(JsonSerializer.Serialize(pending), id), lifetime, cancellationToken);

    private static string Key(Guid id) => "selection:" + id.ToString("N");
}
