namespace Platform.SharedKernel.Security;

/// <summary>Authorization policy names every module uses; the host defines them from the tenant roles.</summary>
public static class Policies
{
    /// <summary>Any active member of the tenant, viewers included.</summary>
    public const string Viewer = "tenant:viewer";
    /// <summary>Editors, admins and owners: may create and change content.</summary>
    public const string Editor = "tenant:editor";
    /// <summary>Admins and owners: may manage users and settings.</summary>
    public const string Admin = "tenant:admin";
    public const string Owner = "tenant:owner";
    /// <summary>Admins and owners, or an API key holding the scope the endpoint declares (webhook subscriptions).</summary>
    public const string AdminOrKey = "tenant:admin-or-key";
    /// <summary>API keys alone, authenticated by the key scheme only: a person's token is not accepted (401).</summary>
    public const string ApiKey = "api-key";
    /// <summary>Platform operators (not tenant owners): the Hangfire dashboard and cross-tenant administration.</summary>
    public const string PlatformAdmin = "platform:admin";
}
