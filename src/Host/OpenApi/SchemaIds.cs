namespace Platform.Host.OpenApi;

/// <summary>
/// Component names clients can use: the type's own name, a nested type prefixed by its declaring type, and a generic one
/// spelled out (<c>PagedList&lt;PostResponse&gt;</c> is <c>PagedListOfPostResponse</c>). Swashbuckle refuses two types with one id,
/// so a clash fails the document at start-up instead of merging schemas.
/// </summary>
internal static class SchemaIds
{
    public static string For(Type type)
    {
        var name = type.IsNested ? For(type.DeclaringType!) + type.Name : type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }
        var bare = name[..name.IndexOf('`', StringComparison.Ordinal)];
        return bare + "Of" + string.Join("And", type.GetGenericArguments().Select(For));
    }
}
