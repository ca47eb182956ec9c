using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.AI.Contracts;
using Platform.SocialAccounts.Contracts;

namespace Platform.AI.Generation;

/// <summary>
/// One generation asked of the AI module, provider-neutral. It is what the request stores as its input, what the
/// cache key is made of, and what the offline provider works from.
/// </summary>
internal sealed record AiTask(
    AiRequestType Type,
    string Text,
    IReadOnlyList<SocialPlatform> Platforms,
    int Variants = 1,
    string? Tone = null,
    string? Goal = null,
    int Count = 0,
    Guid? TemplateId = null,
    string? Guidance = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new PlatformSlugConverter(), new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AiTask FromJson(string json) =>
        JsonSerializer.Deserialize<AiTask>(json, Json) ?? throw new InvalidOperationException("Empty AI task.");
}

/// <summary>Platforms stored and shown as the API spells them ("linkedin", "x").</summary>
internal sealed class PlatformSlugConverter : JsonConverter<SocialPlatform>
{
    public override SocialPlatform Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SocialPlatforms.TryParse(reader.GetString(), out var platform) ? platform : throw new JsonException($"Unknown platform {reader.GetString()}.");

    public override void Write(Utf8JsonWriter writer, SocialPlatform value, JsonSerializerOptions options) => writer.WriteStringValue(value.Slug());
}

/// <summary>Ways to improve existing content.</summary>
internal static class ImproveGoals
{
    public const string Shorter = "shorter";
    public const string MoreEngaging = "more_engaging";
    public const string ChangeTone = "change_tone";
    public const string AdaptToPlatform = "adapt_to_platform";

    public static readonly string[] All = [Shorter, MoreEngaging, ChangeTone, AdaptToPlatform];
}
