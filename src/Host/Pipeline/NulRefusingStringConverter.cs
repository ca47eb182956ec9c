using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.SharedKernel.Errors;

namespace Platform.Host.Pipeline;

/// <summary>
/// Reads every JSON string of a request body, refusing one that holds a NUL character (\u0000) with 400:
/// PostgreSQL text cannot store it, so it would otherwise fail deep inside a unit of work.
/// </summary>
internal sealed class NulRefusingStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string? Checked(string? text) => NulCharacterGuardMiddleware.HasNul(text)
        ? throw ProblemException.BadRequest("A text field of the body contains a NUL character (\\u0000).")
        : text;
}
