namespace Platform.SharedKernel.Security;

/// <summary>
/// Endpoint metadata: one endpoint serves operations of several scopes (the agents' protocol endpoint, one tool per call),
/// so an API key passes the endpoint and each operation checks the scope it needs itself.
/// </summary>
public sealed class ScopesCheckedPerCall
{
    public static readonly ScopesCheckedPerCall Instance = new();

    private ScopesCheckedPerCall()
    {
    }
}
