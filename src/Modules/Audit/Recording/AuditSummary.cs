using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.Audit.Recording;

/// <summary>
/// A before or after summary as stored: JSON, with a guard behind the callers' care. Any text under a property whose
/// name suggests a secret is replaced by a marker, so a summary that carries one by mistake still stores none;
/// flags and numbers under such names (<c>secretRotated: true</c>) stay, as they reveal nothing.
/// </summary>
internal static class AuditSummary
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretNameParts = ["secret", "token", "password", "hash", "code", "credential", "signing", "privatekey"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string? Serialize(object? summary)
    {
        if (summary is null)
        {
            return null;
        }
        var node = JsonSerializer.SerializeToNode(summary, summary.GetType(), Json);
        Redact(node);
        return node?.ToJsonString();
    }

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject properties:
                foreach (var (name, value) in properties.ToList())
                {
                    if (LooksSecret(name) && ContainsText(value))
                    {
                        properties[name] = Redacted;
                    }
                    else
                    {
                        Redact(value);
                    }
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Redact(item);
                }
                break;
        }
    }

    private static bool LooksSecret(string name) =>
        SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    private static bool ContainsText(JsonNode? node) => node switch
    {
        JsonValue value => value.GetValueKind() == JsonValueKind.String,
        JsonObject or JsonArray => true,
        _ => false,
    };
}
