using Microsoft.AspNetCore.Http;

namespace Platform.Users.Features;

internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
