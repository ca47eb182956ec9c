namespace Platform.Users.Data;

/// <summary>One link of a rotation chain (family); only the hash of the token is stored.</summary>
internal sealed class RefreshToken
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? ReplacedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }

    public void Revoke(DateTimeOffset now, string reason)
    {
        RevokedAt ??= now;
        RevokedReason ??= reason;
    }
}
