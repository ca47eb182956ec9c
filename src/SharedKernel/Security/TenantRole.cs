namespace Platform.SharedKernel.Security;

/// <summary>A user's role in its tenant, ordered by power.</summary>
public enum TenantRole
{
    Viewer = 0,
    Editor = 1,
    Admin = 2,
    Owner = 3,
}
