namespace Platform.SharedKernel.Security;

/// <summary>Endpoint metadata: the scope an API key needs to call the endpoint. An endpoint without it refuses every key.</summary>
public sealed record RequiredScope(ApiScope Scope);
