namespace Platform.Host.Pipeline;

/// <summary>
/// The RFC 9457 <c>type</c> of answers ASP.NET Core has no default for (it links 400, 401, 403, 404, 405, 406,
/// 408, 409, 412, 415, 422, 426, 500, 502, 503 and 504 to RFC 9110 itself), so that every problem has one.
/// </summary>
internal static class ProblemTypes
{
    public static string For(int status) => status switch
    {
        402 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.3",
        410 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.11",
        411 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.12",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        414 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.15",
        416 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.17",
        417 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.18",
        428 => "https://www.rfc-editor.org/rfc/rfc6585#section-3",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        431 => "https://www.rfc-editor.org/rfc/rfc6585#section-5",
        501 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.2",
        // RFC 9457 section 4.2.1: "about:blank" means the status code says all there is (e.g. 499, client went away).
        _ => "about:blank",
    };
}
