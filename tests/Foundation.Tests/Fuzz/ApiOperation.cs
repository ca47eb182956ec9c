using System.Text.Json;

namespace Platform.Foundation.Tests.Fuzz;

/// <summary>A parameter of an operation as the OpenAPI document declares it.</summary>
internal sealed record ApiParameter(string Name, string In, JsonElement Schema, bool Required);

/// <summary>One operation of the host's OpenAPI document: method, path template, parameters, body.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, string? BodyContentType, JsonElement? BodySchema)
{
    public string Name => $"{Method} {Path}";

    public bool TakesInput => Parameters.Count > 0 || BodySchema is not null;

    /// <summary>Reads every operation of the document (OpenAPI 3.0 as Swashbuckle writes it).</summary>
    public static IReadOnlyList<ApiOperation> ReadAll(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var declared)
                    ? declared.EnumerateArray().Select(p => new ApiParameter(
                        p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.GetProperty("schema"),
                        p.TryGetProperty("required", out var required) && required.GetBoolean())).ToList()
                    : [];
                string? contentType = null;
                JsonElement? bodySchema = null;
                if (operation.Value.TryGetProperty("requestBody", out var body))
                {
                    var content = body.GetProperty("content").EnumerateObject().First();
                    contentType = content.Name;
                    bodySchema = content.Value.GetProperty("schema");
                }
                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, contentType, bodySchema));
            }
        }
        return operations;
    }
}
