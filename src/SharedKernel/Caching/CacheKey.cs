namespace Platform.SharedKernel.Caching;

/// <summary>
/// What a cached entry is called: always the tenant's id and the name of the thing, so one tenant's entry can never be
/// looked up for another.
/// </summary>
public readonly record struct CacheKey(Guid TenantId, string Name)
{
    public string Value => $"t:{TenantId:N}:{Name}";

    public override string ToString() => Value;
}
