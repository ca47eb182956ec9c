using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.SharedKernel.Json;

/// <summary>
/// The JSON the REST API answers (web defaults, enums by name), for a contract that hands another module an answer in the
/// same shape, such as the agents' tools passing on what the REST endpoints would show.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
