using Microsoft.Extensions.Options;

namespace Platform.Host.Pipeline;

/// <summary>Section <c>Cors</c>: the web origins whose pages may call the API from a browser.</summary>
internal sealed class BrowserOriginsOptions
{
    public const string Section = "Cors";

    /// <summary>Origins as browsers send them: scheme, host and port, no path (<c>https://app.example.com</c>).</summary>
    public string[] Origins { get; set; } = [];

    public sealed class Validation : IValidateOptions<BrowserOriginsOptions>
    {
        public ValidateOptionsResult Validate(string? name, BrowserOriginsOptions options)
        {
            var wrong = options.Origins.Where(origin => !IsOrigin(origin)).ToList();
            return wrong.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:Origins must be http(s) origins without a path (Cors__Origins__0); refused: {string.Join(", ", wrong)}.");
        }

        private static bool IsOrigin(string? origin) =>
            Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
            uri.AbsolutePath == "/" && !origin.EndsWith('/') && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.UserInfo);
    }
}
