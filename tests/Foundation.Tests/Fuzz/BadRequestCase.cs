using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Foundation.Tests.Fuzz;

/// <summary>One request that differs from a sensible one in one place; <see cref="Label"/> says where and how.</summary>
internal sealed record BadRequestCase(string Label, string Method, string Url, string? Body, string? ContentType)
{
    public HttpRequestMessage Build()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8, ContentType ?? "application/json");
        }
        return request;
    }

    /// <summary>Every bad request for <paramref name="operation"/>: each route and query parameter, the body as a whole, each body property at any depth.</summary>
    public static IEnumerable<BadRequestCase> For(ApiOperation operation, SchemaValues values, Func<string, string, string> routeValue)
    {
        string Path(string? badName = null, string? badText = null)
        {
            var path = operation.Path;
            foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            {
                var text = parameter.Name == badName ? badText! : routeValue(operation.Path, parameter.Name);
                path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(text), StringComparison.Ordinal);
            }
            return path;
        }

        var plausibleBody = operation.BodySchema is { } schema && IsJson(operation) ? values.Plausible(schema) : null;
        var body = plausibleBody?.ToJsonString() ?? (operation.BodySchema is null ? null : "fuzz");

        foreach (var parameter in operation.Parameters)
        {
            // A NUL in the path is refused by the server itself (Kestrel, and the test server alike) before the
            // application runs: Kestrel answers 400 with no body and lets no application change that
            // (https://github.com/aspnet/KestrelHttpServer/issues/2947). Only the query can carry one to us.
            foreach (var (label, text) in values.BadTexts(parameter.Schema).Where(t => parameter.In != "path" || !t.Text.Contains('\0')))
            {
                var url = parameter.In == "path"
                    ? Path(parameter.Name, text)
                    : Path() + "?" + Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(text);
                yield return new BadRequestCase($"{parameter.In} {parameter.Name}: {label}", operation.Method, url, body, operation.BodyContentType);
            }
        }
        if (operation.BodySchema is not { } bodySchema)
        {
            yield break;
        }
        if (!IsJson(operation))
        {
            foreach (var (label, text) in BadTextBodies())
            {
                yield return new BadRequestCase($"body: {label}", operation.Method, Path(), text, operation.BodyContentType);
            }
            yield break;
        }
        foreach (var (label, text, contentType) in BadJsonBodies())
        {
            yield return new BadRequestCase($"body: {label}", operation.Method, Path(), text, contentType);
        }
        foreach (var (where, label, badBody) in PropertyCases(values, bodySchema, plausibleBody!, []))
        {
            yield return new BadRequestCase($"body {where}: {label}", operation.Method, Path(), badBody, operation.BodyContentType);
        }
    }

    private static IEnumerable<(string Where, string Label, string Body)> PropertyCases(SchemaValues values, JsonElement schema, JsonNode root, List<object> at)
    {
        schema = values.Resolve(schema);
        var node = Navigate(root, at);
        if (SchemaValues.Kind(schema) == "array" && node is JsonArray { Count: > 0 })
        {
            foreach (var found in PropertyCases(values, schema.GetProperty("items"), root, [.. at, 0]))
            {
                yield return found;
            }
            yield break;
        }
        if (SchemaValues.Kind(schema) != "object" || node is not JsonObject || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }
        foreach (var property in properties.EnumerateObject())
        {
            List<object> here = [.. at, property.Name];
            foreach (var bad in values.BadValues(property.Value, property.Name))
            {
                var copy = root.DeepClone();
                var parent = (JsonObject)Navigate(copy, at)!;
                if (bad.Omit)
                {
                    parent.Remove(property.Name);
                }
                else
                {
                    parent[property.Name] = bad.Value?.DeepClone();
                }
                yield return (Where(here), bad.Label, copy.ToJsonString());
            }
            foreach (var deeper in PropertyCases(values, property.Value, root, here))
            {
                yield return deeper;
            }
        }
    }

    private static JsonNode? Navigate(JsonNode? node, List<object> at)
    {
        foreach (var step in at)
        {
            node = step is int index ? node?.AsArray()[index] : node?.AsObject()[(string)step];
        }
        return node;
    }

    private static string Where(List<object> at) => string.Concat(at.Select(step => step is int index ? $"[{index}]" : "." + step)).TrimStart('.');

    private static bool IsJson(ApiOperation operation) => operation.BodyContentType?.Contains("json", StringComparison.Ordinal) == true;

    private static IEnumerable<(string Label, string? Body, string? ContentType)> BadJsonBodies() =>
    [
        ("none", null, null),
        ("empty", "", "application/json"),
        ("JSON null", "null", "application/json"),
        ("an empty object", "{}", "application/json"),
        ("an array", "[]", "application/json"),
        ("a string", "\"\\u0000\"", "application/json"),
        ("truncated", "{\"a\":", "application/json"),
        ("a NUL key", "{\"\\u0000\":\"\\u0000\"}", "application/json"),
        ("plain text", "hello", "text/plain"),
        ("form", "a=b", "application/x-www-form-urlencoded"),
    ];

    private static IEnumerable<(string Label, string Body)> BadTextBodies() =>
    [
        ("empty", ""),
        ("NUL", "\0"),
        ("NUL cells", "a,b\n\0,\0\n"),
        ("an unterminated quote", "\"abc,def\n"),
        ("a header only", "title,content\n"),
        ("a NUL in a readable row", $"scheduled_at,accounts,content\n2030-01-01T00:00:00Z,{Guid.NewGuid()},a\0b\n"),
        ("JSON", "{\"a\":1}"),
        ("100,000 commas", new string(',', 100_000)),
    ];
}
