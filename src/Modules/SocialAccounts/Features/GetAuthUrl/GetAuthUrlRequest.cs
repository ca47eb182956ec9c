using Microsoft.AspNetCore.Mvc;

namespace Platform.SocialAccounts.Features.GetAuthUrl;

internal sealed record GetAuthUrlRequest([FromRoute] string Platform, [FromQuery] string? RedirectUri);
