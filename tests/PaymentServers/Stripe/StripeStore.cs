using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Platform.PaymentServers.Stripe;

/// <summary>
/// Every object the server holds, as its JSON (https://docs.stripe.com/api: each object has an <c>id</c> with a type
/// prefix and an <c>object</c> naming its type), in creation order per type, with expansion of id fields
/// (https://docs.stripe.com/api/expanding_objects).
/// </summary>
public sealed class StripeStore(TimeProvider clock)
{
    private readonly Dictionary<string, JsonObject> objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> byType = new(StringComparer.Ordinal);

    public TimeProvider Clock { get; } = clock;

    /// <summary>One lock for every change and read, so a request sees whole objects.</summary>
    public object Gate { get; } = new();

    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    public static string NewId(string prefix) =>
        prefix + "_test_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24);

    public JsonObject Add(JsonObject value)
    {
        var id = (string)value["id"]!;
        var type = (string)value["object"]!;
        objects[id] = value;
        if (!byType.TryGetValue(type, out var ids))
        {
            byType[type] = ids = [];
        }
        ids.Add(id);
        return value;
    }

    public JsonObject? Find(string id, string type) =>
        objects.TryGetValue(id, out var value) && (string?)value["object"] == type ? value : null;

    public JsonObject Get(string id, string type, string param) =>
        Find(id, type) ?? throw StripeError.NoSuch(type, id, param);

    /// <summary>All objects of a type, newest first, as Stripe's list endpoints return them (https://docs.stripe.com/api/pagination).</summary>
    public IReadOnlyList<JsonObject> All(string type) =>
        byType.TryGetValue(type, out var ids) ? [.. ids.AsEnumerable().Reverse().Select(id => objects[id])] : [];

    /// <summary>
    /// A copy of <paramref name="value"/> with each path of <paramref name="expand"/> (dotted for nested objects) replaced
    /// by the object its id names. A field that holds no id cannot be expanded, and Stripe says so.
    /// </summary>
    public JsonObject Expanded(JsonObject value, IReadOnlyList<string> expand)
    {
        var copy = (JsonObject)value.DeepClone();
        foreach (var path in expand)
        {
            var current = copy;
            var steps = path.Split('.');
            for (var i = 0; i < steps.Length; i++)
            {
                var field = current[steps[i]];
                if (field is null && current.ContainsKey(steps[i]))
                {
                    // An expandable field that is null (a session's subscription before payment) stays null.
                    break;
                }
                if (field is JsonValue id && id.TryGetValue<string>(out var text) && objects.TryGetValue(text, out var target))
                {
                    var expanded = (JsonObject)target.DeepClone();
                    current[steps[i]] = expanded;
                    current = expanded;
                }
                else if (field is JsonObject already)
                {
                    current = already;
                }
                else
                {
                    throw StripeError.InvalidValue("expand", $"This property cannot be expanded ({string.Join('.', steps[..(i + 1)])}).");
                }
            }
        }
        return copy;
    }
}
