using Microsoft.Extensions.Options;

namespace Platform.Host.Pipeline;

/// <summary>Section <c>Http</c>: how much a client may send.</summary>
internal sealed class HttpLimitsOptions
{
    public const string Section = "Http";

    /// <summary>Larger request bodies (multipart forms included) answer 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    public sealed class Validation : IValidateOptions<HttpLimitsOptions>
    {
        public ValidateOptionsResult Validate(string? name, HttpLimitsOptions options) =>
            options.MaxRequestBodyBytes is >= 1024 and <= 1L << 30
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:MaxRequestBodyBytes must be between 1024 and 1073741824 (Http__MaxRequestBodyBytes).");
    }
}
