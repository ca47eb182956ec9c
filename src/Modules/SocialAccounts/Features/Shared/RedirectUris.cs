using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Features.Shared;

internal static class RedirectUris
{
    public static bool IsValid(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Fragment.Length == 0 && value.Length <= 512;

    public static string Resolve(string? requested, IPlatformClient client) =>
        requested ?? client.Options.RedirectUri
            ?? throw ProblemException.BadRequest($"redirectUri is required (or configure Platforms:{client.Platform}:RedirectUri).");
}
