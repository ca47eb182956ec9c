namespace Platform.Users.Data;

/// <summary>
/// A single-use link mailed to a user (a password reset, an e-mail verification), stored by the SHA-256 of its token's
/// secret; the token names the row's tenant and id, so it is looked up under that tenant's row-level security.
/// </summary>
internal abstract class MailedLink
{
    public Guid Id { get; protected set; }
    public Guid TenantId { get; protected set; }
    public Guid UserId { get; protected set; }
    public byte[] TokenHash { get; protected set; } = [];
    public DateTimeOffset CreatedAt { get; protected set; }
    public DateTimeOffset ExpiresAt { get; protected set; }
    public DateTimeOffset? UsedAt { get; protected set; }

    /// <summary>A new link of <paramref name="userId"/> for <paramref name="token"/>, the row whose id the token names, working for <paramref name="lifetime"/>.</summary>
    protected static TLink Issue<TLink>(Guid id, LinkToken token, Guid userId, DateTimeOffset now, TimeSpan lifetime)
        where TLink : MailedLink, new() => new TLink
    {
        Id = id,
        TenantId = token.TenantId,
        UserId = userId,
        TokenHash = token.SecretHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsUsableAt(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    /// <summary>Whether <paramref name="token"/> is this link's, compared in constant time.</summary>
    protected bool IsProvenByToken(LinkToken token) => token.Proves(TenantId, Id, TokenHash);
}
