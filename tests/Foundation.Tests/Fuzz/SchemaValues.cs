using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Foundation.Tests.Fuzz;

/// <summary>One bad value for one place of a request: a replacement, or the value left out.</summary>
internal sealed record BadValue(string Label, JsonNode? Value, bool Omit = false);

/// <summary>
/// Reads schemas of the OpenAPI document: a plausible value for each (so that a request differs from a
/// sensible one in exactly the place being tested), and the bad values a careless client sends in its place.
/// </summary>
internal sealed class SchemaValues(JsonElement document, Func<string, JsonNode?> hint)
{
    private const int LongText = 100_000;
    private const int ManyItems = 200;

    public JsonElement Resolve(JsonElement schema)
    {
        while (true)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
            }
            else if (schema.TryGetProperty("allOf", out var allOf) && allOf.GetArrayLength() == 1)
            {
                schema = allOf[0];
            }
            else
            {
                return schema;
            }
        }
    }

    public static string Kind(JsonElement schema) =>
        schema.TryGetProperty("enum", out _) ? "enum"
        : schema.TryGetProperty("type", out var type) ? type.GetString()!
        : schema.TryGetProperty("properties", out _) ? "object"
        : "any";

    public static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    /// <summary>A value the endpoint could accept, hinted by the property's name where a bare type says too little.</summary>
    public JsonNode? Plausible(JsonElement schema, string name = "", int depth = 0)
    {
        if (hint(name) is { } hinted)
        {
            return hinted.DeepClone();
        }
        schema = Resolve(schema);
        switch (Kind(schema))
        {
            case "enum":
                return JsonValue.Create(schema.GetProperty("enum")[0].GetString());
            case "string":
                return Format(schema) switch
                {
                    "uuid" => JsonValue.Create(Guid.NewGuid()),
                    "date-time" => JsonValue.Create(DateTimeOffset.UtcNow.AddDays(2).ToString("O")),
                    _ => JsonValue.Create("fuzz"),
                };
            case "integer":
            case "number":
                return JsonValue.Create(1);
            case "boolean":
                return JsonValue.Create(false);
            case "array":
                return depth > 4 ? new JsonArray() : new JsonArray(Plausible(schema.GetProperty("items"), Singular(name), depth + 1));
            case "object":
                var value = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        value[property.Name] = depth > 4 ? null : Plausible(property.Value, property.Name, depth + 1);
                    }
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
                {
                    value["key"] = Plausible(additional, "", depth + 1);
                }
                return value;
            default:
                return JsonValue.Create("fuzz");
        }
    }

    /// <summary>What a careless client puts where <paramref name="schema"/> is expected: missing, null, the wrong type, NUL, out of range.</summary>
    public IEnumerable<BadValue> BadValues(JsonElement schema, string name)
    {
        schema = Resolve(schema);
        yield return new BadValue("missing", null, Omit: true);
        yield return new BadValue("null", null);
        switch (Kind(schema))
        {
            case "enum":
                yield return new BadValue("not one of the values", "NotAValue");
                yield return new BadValue("NUL", "\0");
                yield return new BadValue("a number", 7);
                break;
            case "string":
                yield return new BadValue("a number", 12345);
                yield return new BadValue("an object", new JsonObject { ["a"] = 1 });
                yield return new BadValue("NUL inside", "a\0b");
                yield return new BadValue("empty", "");
                yield return new BadValue($"{LongText} characters", new string('x', LongText));
                foreach (var value in FormatValues(Format(schema)))
                {
                    yield return new BadValue(value.Label, value.Text);
                }
                break;
            case "integer":
            case "number":
                yield return new BadValue("text", "abc");
                yield return new BadValue("NUL", "\0");
                yield return new BadValue("largest int", int.MaxValue);
                yield return new BadValue("smallest int", int.MinValue);
                yield return new BadValue("largest long", long.MaxValue);
                yield return new BadValue("beyond any integer", JsonNode.Parse("1e400"));
                yield return new BadValue("a fraction", 1.5);
                yield return new BadValue("negative", -1);
                yield return new BadValue("zero", 0);
                break;
            case "boolean":
                yield return new BadValue("text", "yes");
                yield return new BadValue("NUL", "\0");
                break;
            case "array":
                var item = Plausible(schema.GetProperty("items"), Singular(name));
                yield return new BadValue("an object", new JsonObject());
                yield return new BadValue("text", "a\0b");
                yield return new BadValue("empty", new JsonArray());
                yield return new BadValue("a null item", new JsonArray((JsonNode?)null));
                yield return new BadValue("a NUL item", new JsonArray(JsonValue.Create("\0")));
                yield return new BadValue($"{ManyItems} items", new JsonArray(Enumerable.Range(0, ManyItems).Select(_ => item?.DeepClone()).ToArray()));
                break;
            case "object":
                yield return new BadValue("text", "a\0b");
                yield return new BadValue("an array", new JsonArray());
                yield return new BadValue("a NUL key and value", new JsonObject { ["\0"] = "\0" });
                break;
        }
    }

    /// <summary>Text that is a bad value for a parameter of this schema in a query or a route.</summary>
    public IEnumerable<(string Label, string Text)> BadTexts(JsonElement schema)
    {
        schema = Resolve(schema);
        yield return ("empty", "");
        yield return ("NUL", "\0");
        yield return ("NUL inside", "a\0b");
        yield return ("words", "not a value");
        yield return ("5,000 characters", new string('x', 5_000));
        switch (Kind(schema))
        {
            case "integer":
            case "number":
                yield return ("largest int", int.MaxValue.ToString());
                yield return ("smallest int", int.MinValue.ToString());
                yield return ("beyond int", "99999999999");
                yield return ("zero", "0");
                yield return ("negative", "-1");
                yield return ("a fraction", "1.5");
                break;
            case "enum":
                yield return ("a number", "99");
                break;
        }
        foreach (var value in FormatValues(Format(schema)))
        {
            yield return value;
        }
    }

    private static IEnumerable<(string Label, string Text)> FormatValues(string? format) => format switch
    {
        "uuid" => [("empty uuid", Guid.Empty.ToString()), ("unknown uuid", Guid.NewGuid().ToString()), ("not a uuid", "not-a-uuid")],
        "date-time" => [("year 1", "0001-01-01T00:00:00Z"), ("year 9999", "9999-12-31T23:59:59Z"), ("not a date", "2026-13-45T99:99")],
        _ => [],
    };

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
