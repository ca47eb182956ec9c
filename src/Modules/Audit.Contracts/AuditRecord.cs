namespace Platform.Audit.Contracts;

/// <summary>
/// One change to append: what was done, to which resource, and a short summary of the resource before and after.
/// A summary names what changed, never a secret (no token, password, key or webhook secret, MFA secret or code).
/// </summary>
public sealed record AuditRecord(AuditAction Action, Guid? ResourceId)
{
    public object? Before { get; init; }

    public object? After { get; init; }

    /// <summary>The person acting, when the request is not signed in as them yet (a sign-in, an accepted invitation).</summary>
    public Guid? ActorUserId { get; init; }
}
