using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Platform.SharedKernel.Security;

/// <summary>The wire names of <see cref="ApiScope"/> (<c>posts:read</c>, ...), as JSON, claims, the database and the API document spell them.</summary>
public static class ApiScopeNames
{
    private static readonly FrozenDictionary<ApiScope, string> Names = Enum.GetValues<ApiScope>().ToFrozenDictionary(
        scope => scope,
        scope => typeof(ApiScope).GetField(scope.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    private static readonly FrozenDictionary<string, ApiScope> Scopes = Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Names.Values;

    public static string Name(this ApiScope scope) => Names[scope];

    public static bool TryParse(string name, out ApiScope scope) => Scopes.TryGetValue(name, out scope);
}
