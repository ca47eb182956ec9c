using Microsoft.Extensions.Options;

namespace Platform.Host.WebApp;

/// <summary>Section <c>WebApp</c>: where the built web app (src/Web, <c>npm run build</c>) is served from.</summary>
internal sealed class WebAppOptions
{
    public const string Section = "WebApp";

    /// <summary>
    /// The folder holding <c>index.html</c> and <c>assets/</c>; empty means <c>web</c> beside the binaries, where the
    /// host's build copies src/Web/dist. A folder named here must exist.
    /// </summary>
    public string RootPath { get; set; } = "";

    public string ResolvedRootPath => string.IsNullOrWhiteSpace(RootPath) ? Path.Combine(AppContext.BaseDirectory, "web") : Path.GetFullPath(RootPath);

    public sealed class Validation : IValidateOptions<WebAppOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebAppOptions options) =>
            string.IsNullOrWhiteSpace(options.RootPath) || File.Exists(Path.Combine(options.ResolvedRootPath, "index.html"))
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:RootPath names a folder without index.html (build src/Web first): {options.RootPath}");
    }
}
