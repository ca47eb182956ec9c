namespace Platform.SharedKernel.Caching;

/// <summary>
/// The prefix of every Redis key this deployment writes (configuration <c>Redis:InstanceName</c>), so that
/// environments or test runs sharing one Redis never see each other's counters.
/// </summary>
public sealed record RedisNamespace(string Prefix)
{
    public string Key(string name) => Prefix + name;
}
