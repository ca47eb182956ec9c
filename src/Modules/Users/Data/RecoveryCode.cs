namespace Platform.Users.Data;

internal sealed class RecoveryCode
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public required byte[] CodeHash { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
