using System.Text.Json.Nodes;

namespace Platform.PaymentServers.Stripe;

/// <summary>
/// An error answer in Stripe's documented shape, <c>{"error":{"type","code","message","param","doc_url"}}</c>
/// (https://docs.stripe.com/api/errors), with the documented types (<c>api_error</c>, <c>idempotency_error</c>,
/// <c>invalid_request_error</c>) and HTTP statuses (400, 401, 404, 429, 500).
/// </summary>
public sealed class StripeError(int status, string type, string message, string? code = null, string? param = null, bool refusedBeforeExecution = false)
    : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>
    /// Refused before the endpoint began executing (malformed parameters), so never saved under an idempotency key
    /// (https://docs.stripe.com/error-low-level#idempotency: the same holds for most 400s sent for invalid parameters).
    /// </summary>
    public bool RefusedBeforeExecution { get; } = refusedBeforeExecution;

    public JsonObject Body()
    {
        var error = new JsonObject { ["type"] = type, ["message"] = Message };
        if (code is not null)
        {
            error["code"] = code;
            // https://docs.stripe.com/error-codes: every code has its page, linked from doc_url.
            error["doc_url"] = "https://docs.stripe.com/error-codes/" + code.Replace('_', '-');
        }
        if (param is not null)
        {
            error["param"] = param;
        }
        return new JsonObject { ["error"] = error };
    }

    // https://docs.stripe.com/api/authentication: the key goes in Authorization as a bearer token; without one, 401.
    public static StripeError NoApiKey() => new(401, "invalid_request_error",
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");

    // https://docs.stripe.com/api/errors: 401 Unauthorized, "No valid API key provided."
    public static StripeError InvalidApiKey(string key) => new(401, "invalid_request_error",
        $"Invalid API Key provided: {(key.Length > 4 ? key[..Math.Min(8, key.Length - 4)] + "****" + key[^4..] : "****")}", "api_key_invalid");

    public static StripeError UnknownParameter(string key) =>
        new(400, "invalid_request_error", $"Received unknown parameter: {key}", "parameter_unknown", key, refusedBeforeExecution: true);

    public static StripeError MissingParameter(string name) =>
        new(400, "invalid_request_error", $"Missing required param: {name}.", "parameter_missing", name, refusedBeforeExecution: true);

    public static StripeError InvalidValue(string param, string message) =>
        new(400, "invalid_request_error", message, null, param, refusedBeforeExecution: true);

    // https://docs.stripe.com/error-codes#resource-missing: "No such customer: 'cus_...'", with the parameter that named it.
    public static StripeError NoSuch(string kind, string id, string param) =>
        new(404, "invalid_request_error", $"No such {kind}: '{id}'", "resource_missing", param);

    // https://docs.stripe.com/api/idempotent_requests: a key reused for another endpoint or other parameters is refused.
    public static StripeError IdempotencyMismatch(string message) => new(400, "idempotency_error", message);

    // https://docs.stripe.com/api: the API accepts form-encoded request bodies.
    public static StripeError NotFormEncoded(string? contentType) => new(400, "invalid_request_error",
        $"Invalid request: unsupported Content-Type {contentType}. The Stripe API accepts form-encoded request bodies (application/x-www-form-urlencoded).");

    public static StripeError UnrecognizedUrl(string method, string path) => new(404, "invalid_request_error",
        $"Unrecognized request URL ({method}: {path}). Please see https://docs.stripe.com/api.");
}
