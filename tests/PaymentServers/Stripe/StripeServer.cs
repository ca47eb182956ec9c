using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.PlatformServers.Hosting;

namespace Platform.PaymentServers.Stripe;

/// <summary>
/// A stateful local Stripe written from its API reference (https://docs.stripe.com/api): customers, prices the test
/// configures, Checkout Sessions in subscription mode, customer portal sessions, subscriptions, invoices and events,
/// with Stripe's authentication, form encoding, errors, idempotent requests, expansion and pagination. Billing changes
/// that happen on Stripe's side (a customer paying, a renewal, a failed payment) are driven by <see cref="Billing"/>,
/// and their events reach the endpoint through <see cref="Webhooks"/>.
/// </summary>
public sealed partial class StripeServer : PlatformServer
{
    /// <summary>Fault plan step names, one per endpoint.</summary>
    public static class Steps
    {
        public const string CreateCustomer = "customers.create";
        public const string ListCustomers = "customers.list";
        public const string RetrieveCustomer = "customers.retrieve";
        public const string CreateCheckoutSession = "checkout.sessions.create";
        public const string RetrieveCheckoutSession = "checkout.sessions.retrieve";
        public const string CreatePortalSession = "billing_portal.sessions.create";
        public const string RetrieveSubscription = "subscriptions.retrieve";
        public const string RetrievePrice = "prices.retrieve";
        public const string RetrieveInvoice = "invoices.retrieve";
        public const string ListEvents = "events.list";
        public const string RetrieveEvent = "events.retrieve";
    }

    private static readonly HttpClient WebhookHttp = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly StripeParameters RetrieveParameters = new(["expand[#]"]);
    // Expandable fields per object: https://docs.stripe.com/api/checkout/sessions/object (customer, subscription),
    // https://docs.stripe.com/api/subscriptions/object (customer, latest_invoice), https://docs.stripe.com/api/invoices/object (customer).
    private static readonly StripeParameters RetrieveSessionParameters = new(["expand[#]"], expandable: ["customer", "subscription"]);
    private static readonly StripeParameters RetrieveSubscriptionParameters = new(["expand[#]"], expandable: ["customer", "latest_invoice"]);
    private static readonly StripeParameters RetrieveInvoiceParameters = new(["expand[#]"], expandable: ["customer"]);

    private readonly StripeIdempotency idempotency;

    public StripeServer(TimeProvider? clock = null) : base("stripe", "stripe")
    {
        Store = new StripeStore(clock ?? TimeProvider.System);
        idempotency = new StripeIdempotency(Store.Clock);
        Webhooks = new StripeWebhooks(Store, WebhookHttp);
        Billing = new StripeBilling(Store, Webhooks, () => Url);
    }

    /// <summary>The one secret key this account accepts (https://docs.stripe.com/keys: test keys start <c>sk_test_</c>).</summary>
    public string SecretKey { get; set; } = "sk_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public StripeStore Store { get; }

    public StripeWebhooks Webhooks { get; }

    public StripeBilling Billing { get; }

    /// <summary>What a client sets as its API base (Stripe.net: <c>StripeClient(apiBase: ...)</c>).</summary>
    public override IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string> { ["ApiBase"] = Url };

    protected override void Map(IEndpointRouteBuilder routes)
    {
        // https://docs.stripe.com/api/customers/create, /list, /retrieve
        routes.MapPost("/v1/customers", (Delegate)((HttpContext context) => HandleAsync(context, Steps.CreateCustomer,
            new(["description", "email", "name", "phone", "metadata[*]", "expand[#]"]), CreateCustomer)));
        routes.MapGet("/v1/customers", (Delegate)((HttpContext context) => HandleAsync(context, Steps.ListCustomers,
            new(["limit", "starting_after", "ending_before", "email", "expand[#]"]), ListCustomers)));
        routes.MapGet("/v1/customers/{id}", (HttpContext context, string id) => HandleAsync(context, Steps.RetrieveCustomer, RetrieveParameters,
            form => Store.Get(id, "customer", "id")));
        // https://docs.stripe.com/api/checkout/sessions/create, /retrieve
        routes.MapPost("/v1/checkout/sessions", (Delegate)((HttpContext context) => HandleAsync(context, Steps.CreateCheckoutSession,
            new(["mode", "line_items[#][price]", "line_items[#][quantity]", "customer", "customer_email", "success_url", "cancel_url",
                "client_reference_id", "metadata[*]", "subscription_data[metadata][*]", "expand[#]"], ["mode"], ["customer", "subscription"]), Billing.CreateCheckoutSession)));
        routes.MapGet("/v1/checkout/sessions/{id}", (HttpContext context, string id) => HandleAsync(context, Steps.RetrieveCheckoutSession, RetrieveSessionParameters,
            form => Store.Get(id, "checkout.session", "id")));
        // https://docs.stripe.com/api/customer_portal/sessions/create
        routes.MapPost("/v1/billing_portal/sessions", (Delegate)((HttpContext context) => HandleAsync(context, Steps.CreatePortalSession,
            new(["customer", "return_url", "expand[#]"], ["customer"]), Billing.CreatePortalSession)));
        // https://docs.stripe.com/api/subscriptions/retrieve, https://docs.stripe.com/api/prices/retrieve,
        // https://docs.stripe.com/api/invoices/retrieve, https://docs.stripe.com/api/events/list, /retrieve
        routes.MapGet("/v1/subscriptions/{id}", (HttpContext context, string id) => HandleAsync(context, Steps.RetrieveSubscription, RetrieveSubscriptionParameters,
            form => Store.Get(id, "subscription", "id")));
        routes.MapGet("/v1/prices/{id}", (HttpContext context, string id) => HandleAsync(context, Steps.RetrievePrice, RetrieveParameters,
            form => Store.Get(id, "price", "id")));
        routes.MapGet("/v1/invoices/{id}", (HttpContext context, string id) => HandleAsync(context, Steps.RetrieveInvoice, RetrieveInvoiceParameters,
            form => Store.Get(id, "invoice", "id")));
        routes.MapGet("/v1/events", (Delegate)((HttpContext context) => HandleAsync(context, Steps.ListEvents,
            new(["type", "limit", "starting_after", "ending_before", "expand[#]"]), ListEvents)));
        routes.MapGet("/v1/events/{id}", (HttpContext context, string id) => HandleAsync(context, Steps.RetrieveEvent, RetrieveParameters,
            form => Store.Get(id, "event", "id")));
        StripeHostedPages.Map(routes, Store, Billing);
        // Any other API URL: Stripe's 404 naming it.
        routes.Map("/v1/{**rest}", (HttpContext context) => Error(context, StripeError.UnrecognizedUrl(context.Request.Method, context.Request.Path)));
    }

    /// <summary>A recurring price the account offers (prices are created in the Dashboard or by the test, not by our client).</summary>
    public JsonObject AddPrice(string id, long unitAmount, string currency = "usd", string interval = "month", string? lookupKey = null)
    {
        lock (Store.Gate)
        {
            // https://docs.stripe.com/api/prices/object
            return Store.Add(new JsonObject
            {
                ["id"] = id,
                ["object"] = "price",
                ["active"] = true,
                ["billing_scheme"] = "per_unit",
                ["created"] = Store.Now,
                ["currency"] = currency,
                ["livemode"] = false,
                ["lookup_key"] = lookupKey,
                ["metadata"] = new JsonObject(),
                ["product"] = "prod_" + id,
                ["recurring"] = new JsonObject { ["interval"] = interval, ["interval_count"] = 1, ["usage_type"] = "licensed" },
                ["type"] = "recurring",
                ["unit_amount"] = unitAmount,
            });
        }
    }

    // https://docs.stripe.com/api/errors: 500, 502, 503, 504 "Something went wrong on Stripe's end", type api_error.
    // A planned 5xx answers in front of the API, before its idempotency layer (like the rate limiter,
    // https://docs.stripe.com/error-low-level#idempotency), so it is not saved under the request's key.
    protected override IResult ServerError(int status, string step) =>
        Error(null, new StripeError(status, "api_error", "Something went wrong on Stripe's end."));

    protected override IResult RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        // https://docs.stripe.com/rate-limits: 429 with the error code rate_limit.
        var error = new StripeError(429, "invalid_request_error", "Too many requests hit the API too quickly.", "rate_limit");
        var headers = RequestHeaders(context);
        foreach (var (name, value) in RetryAfterHeader(retryAfter) ?? [])
        {
            headers[name] = value;
        }
        return new StripeAnswer(429, error.Body().ToJsonString(), headers);
    }

    private JsonObject CreateCustomer(StripeForm form)
    {
        var email = form.Value("email");
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            throw StripeError.InvalidValue("email", $"Invalid email address: {email}");
        }
        return Billing.AddCustomer(email, form.Value("name"), form.Value("description"), form.Value("phone"), StripeBilling.Metadata(form, "metadata")).Customer;
    }

    private JsonObject ListCustomers(StripeForm form) =>
        Page(form, "customer", "/v1/customers", customer => form.Value("email") is not { } email || (string?)customer["email"] == email);

    // https://docs.stripe.com/api/events/list: type filters by event type, with * as a wildcard ("customer.subscription.*").
    private JsonObject ListEvents(StripeForm form) => Page(form, "event", "/v1/events", evt => form.Value("type") is not { } type
        || (type.EndsWith('*') ? ((string)evt["type"]!).StartsWith(type[..^1], StringComparison.Ordinal) : (string?)evt["type"] == type));

    // https://docs.stripe.com/api/pagination: limit 1 to 100 (default 10), starting_after / ending_before an object id,
    // newest first; the answer is a list object with data, has_more and url.
    private JsonObject Page(StripeForm form, string type, string url, Func<JsonObject, bool> filter)
    {
        var limit = 10;
        if (form.Value("limit") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            throw StripeError.InvalidValue("limit", "Invalid integer: limit must be between 1 and 100.");
        }
        var all = Store.All(type).Where(filter).ToList();
        var start = 0;
        var end = all.Count;
        if (form.Value("starting_after") is { } after)
        {
            start = all.FindIndex(item => (string?)item["id"] == after) + 1;
            if (start == 0)
            {
                throw StripeError.NoSuch(type, after, "starting_after");
            }
        }
        else if (form.Value("ending_before") is { } before)
        {
            end = all.FindIndex(item => (string?)item["id"] == before);
            if (end < 0)
            {
                throw StripeError.NoSuch(type, before, "ending_before");
            }
            start = Math.Max(0, end - limit);
        }
        var page = all.Skip(start).Take(Math.Min(limit, end - start)).ToList();
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. page.Select(item => item.DeepClone())]),
            ["has_more"] = form.Value("ending_before") is not null ? start > 0 : start + page.Count < end,
            ["url"] = url,
        };
    }

    private async Task<IResult> HandleAsync(HttpContext context, string step, StripeParameters parameters, Func<StripeForm, JsonObject> execute)
    {
        StripeForm form;
        string? key;
        try
        {
            Authenticate(context);
            CheckApiVersion(context);
            form = await ReadFormAsync(context);
            key = IdempotencyKey(context);
        }
        catch (StripeError error)
        {
            return Error(context, error);
        }
        var answer = await StepAsync(context, step, () =>
        {
            var headers = RequestHeaders(context);
            var path = context.Request.Path.Value ?? "";
            lock (Store.Gate)
            {
                try
                {
                    if (key is not null && idempotency.Replay(key, path, form) is { } saved)
                    {
                        // https://docs.stripe.com/error-low-level#idempotency: a replayed answer says so in Idempotent-Replayed.
                        headers["Idempotent-Replayed"] = "true";
                        return new StripeAnswer(saved.Status, saved.Json, headers);
                    }
                    parameters.Check(form);
                    var json = Store.Expanded(execute(form), form.List("expand")).ToJsonString();
                    if (key is not null)
                    {
                        idempotency.Save(key, path, form, 200, json);
                    }
                    return new StripeAnswer(200, json, headers);
                }
                catch (StripeError error)
                {
                    var json = error.Body().ToJsonString();
                    if (key is not null && !error.RefusedBeforeExecution)
                    {
                        idempotency.Save(key, path, form, error.Status, json);
                    }
                    return new StripeAnswer(error.Status, json, headers);
                }
            }
        });
        await Webhooks.FlushAsync();
        return answer;
    }

    // https://docs.stripe.com/api/authentication: "Authorization: Bearer sk_test_..."; no key or another key is a 401.
    private void Authenticate(HttpContext context)
    {
        var key = Bearer(context);
        if (string.IsNullOrEmpty(key))
        {
            throw StripeError.NoApiKey();
        }
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(SecretKey)))
        {
            throw StripeError.InvalidApiKey(key);
        }
    }

    // https://docs.stripe.com/api/versioning: a request may name its API version in Stripe-Version (a release date and
    // its name, such as 2026-10-28.endive); a version that is no such release is refused.
    private static void CheckApiVersion(HttpContext context)
    {
        var version = context.Request.Headers["Stripe-Version"].ToString();
        if (version.Length > 0 && !ApiVersionPattern().IsMatch(version))
        {
            throw StripeError.InvalidValue("Stripe-Version", $"Invalid Stripe API version: {version}");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$")]
    private static partial Regex ApiVersionPattern();

    // https://docs.stripe.com/api: POST bodies are form-encoded; GET parameters travel in the query string.
    private static async Task<StripeForm> ReadFormAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return StripeForm.Parse(context.Request.QueryString.Value ?? "");
        }
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if ((body.Length > 0 || context.Request.ContentType is not null) && !HasContentType(context, "application/x-www-form-urlencoded"))
        {
            throw StripeError.NotFormEncoded(context.Request.ContentType);
        }
        return StripeForm.Parse(body);
    }

    // https://docs.stripe.com/api/idempotent_requests: the Idempotency-Key header on POST, up to 255 characters;
    // on GET and DELETE it has no effect.
    private static string? IdempotencyKey(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Headers["Idempotency-Key"].ToString() is not { Length: > 0 } key)
        {
            return null;
        }
        return key.Length <= StripeIdempotency.MaxKeyLength
            ? key
            : throw StripeError.InvalidValue("Idempotency-Key", $"Idempotency keys are up to {StripeIdempotency.MaxKeyLength} characters long.");
    }

    // https://docs.stripe.com/api/request_ids: every answer carries a Request-Id header.
    private static Dictionary<string, string> RequestHeaders(HttpContext? context)
    {
        var headers = new Dictionary<string, string> { ["Request-Id"] = StripeStore.NewId("req") };
        if (context?.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key && HttpMethods.IsPost(context.Request.Method))
        {
            headers["Idempotency-Key"] = key;
        }
        return headers;
    }

    private static StripeAnswer Error(HttpContext? context, StripeError error) =>
        new(error.Status, error.Body().ToJsonString(), RequestHeaders(context));
}
