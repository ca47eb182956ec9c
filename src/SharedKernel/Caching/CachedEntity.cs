namespace Platform.SharedKernel.Caching;

/// <summary>A table whose rows feed a cached entry: which entry a saved row ends.</summary>
public sealed class CachedEntity
{
    private CachedEntity(Type type, Func<object, CacheKey> keyOf)
    {
        Type = type;
        KeyOf = keyOf;
    }

    public Type Type { get; }

    public Func<object, CacheKey> KeyOf { get; }

    public static CachedEntity Of<TEntity>(Func<TEntity, CacheKey> keyOf) where TEntity : class =>
        new(typeof(TEntity), entity => keyOf((TEntity)entity));
}
