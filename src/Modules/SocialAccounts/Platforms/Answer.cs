using System.Net;
using System.Net.Http.Headers;

namespace Platform.SocialAccounts.Platforms;

/// <summary>A platform's HTTP answer as a client reads it: status, headers and the body as text.</summary>
internal sealed record Answer(HttpStatusCode Status, HttpResponseHeaders Headers, string Body);
