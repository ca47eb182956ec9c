using System.Text.Json.Nodes;

namespace Platform.PaymentServers.Stripe;

/// <summary>
/// Checkout and customer portal sessions, and the billing changes that happen on Stripe's side, which a test drives in
/// place of a paying customer and the passing of time: completing a Checkout Session
/// (https://docs.stripe.com/payments/checkout/fulfill-orders: <c>checkout.session.completed</c>; the subscription and
/// its first invoice, https://docs.stripe.com/billing/subscriptions/webhooks: <c>customer.subscription.created</c>,
/// <c>invoice.paid</c>), a renewal, a failed payment (<c>invoice.payment_failed</c>, the subscription
/// <c>past_due</c>), a cancellation (<c>customer.subscription.deleted</c>) and a plan change
/// (<c>customer.subscription.updated</c> with <c>previous_attributes</c>).
/// </summary>
public sealed class StripeBilling(StripeStore store, StripeWebhooks webhooks, Func<string> serverUrl)
{
    private readonly Dictionary<string, CheckoutDetails> checkouts = new(StringComparer.Ordinal);

    // https://docs.stripe.com/api/checkout/sessions/create: mode, line_items[][price|quantity], customer or
    // customer_email, success_url, cancel_url, client_reference_id, metadata, subscription_data[metadata].
    internal JsonObject CreateCheckoutSession(StripeForm form)
    {
        var mode = form.Value("mode");
        if (mode is not ("payment" or "setup" or "subscription"))
        {
            throw StripeError.InvalidValue("mode", $"Invalid mode: must be one of payment, setup, or subscription");
        }
        if (mode != "subscription")
        {
            throw StripeError.InvalidValue("mode", "This local server models mode=subscription only.");
        }
        var indices = form.Indices("line_items");
        if (indices.Count == 0)
        {
            // https://docs.stripe.com/api/checkout/sessions/create, line_items: required in subscription mode.
            throw StripeError.MissingParameter("line_items");
        }
        var items = new List<(JsonObject Price, long Quantity)>();
        foreach (var index in indices)
        {
            var param = $"line_items[{index}]";
            var priceId = form.Value(param + "[price]") ?? throw StripeError.MissingParameter(param + "[price]");
            var price = store.Get(priceId, "price", param + "[price]");
            var quantity = 1L;
            if (form.Value(param + "[quantity]") is { } text && (!long.TryParse(text, out quantity) || quantity < 1))
            {
                throw StripeError.InvalidValue(param + "[quantity]", $"Invalid integer: {text}");
            }
            items.Add((price, quantity));
        }
        if (!items.Any(item => item.Price["recurring"] is JsonObject))
        {
            throw StripeError.InvalidValue("line_items", "You must provide at least one recurring price in `subscription` mode when using prices.");
        }
        var customer = form.Value("customer");
        if (customer is not null)
        {
            store.Get(customer, "customer", "customer");
            if (form.Value("customer_email") is not null)
            {
                throw StripeError.InvalidValue("customer_email", "You may only specify one of these parameters: customer, customer_email.");
            }
        }
        var successUrl = form.Value("success_url") ?? throw StripeError.MissingParameter("success_url");
        RequireUrl("success_url", successUrl);
        if (form.Value("cancel_url") is { } cancelUrl)
        {
            RequireUrl("cancel_url", cancelUrl);
        }
        var metadata = Metadata(form, "metadata");
        var subscriptionMetadata = Metadata(form, "subscription_data[metadata]");
        var id = StripeStore.NewId("cs");
        checkouts[id] = new CheckoutDetails(items, subscriptionMetadata);
        // https://docs.stripe.com/api/checkout/sessions/object
        return store.Add(new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["amount_total"] = items.Sum(item => (long)item.Price["unit_amount"]! * item.Quantity),
            ["cancel_url"] = form.Value("cancel_url"),
            ["client_reference_id"] = form.Value("client_reference_id"),
            ["created"] = store.Now,
            ["currency"] = (string?)items[0].Price["currency"],
            ["customer"] = customer,
            ["customer_email"] = form.Value("customer_email"),
            ["expires_at"] = store.Now + (long)TimeSpan.FromHours(24).TotalSeconds,
            ["livemode"] = false,
            ["metadata"] = metadata,
            ["mode"] = mode,
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["subscription"] = null,
            ["success_url"] = successUrl,
            ["url"] = $"{serverUrl()}/c/pay/{id}",
        });
    }

    // https://docs.stripe.com/api/customer_portal/sessions/create: customer (required), return_url.
    internal JsonObject CreatePortalSession(StripeForm form)
    {
        var customer = form.Value("customer")!;
        store.Get(customer, "customer", "customer");
        if (form.Value("return_url") is { } returnUrl)
        {
            RequireUrl("return_url", returnUrl);
        }
        var id = StripeStore.NewId("bps");
        // https://docs.stripe.com/api/customer_portal/sessions/object
        return store.Add(new JsonObject
        {
            ["id"] = id,
            ["object"] = "billing_portal.session",
            ["configuration"] = "bpc_default",
            ["created"] = store.Now,
            ["customer"] = customer,
            ["livemode"] = false,
            ["locale"] = null,
            ["return_url"] = form.Value("return_url"),
            ["url"] = $"{serverUrl()}/p/session/{id}",
        });
    }

    /// <summary>
    /// The customer pays on the Checkout page: the session completes, a customer is made when none was given, the
    /// subscription starts with a paid first invoice, and the events go out.
    /// </summary>
    public async Task<BillingChange> CompleteCheckoutSessionAsync(string sessionId)
    {
        BillingChange change;
        lock (store.Gate)
        {
            var session = store.Find(sessionId, "checkout.session") ?? throw new ArgumentException($"No such checkout session: {sessionId}", nameof(sessionId));
            if ((string?)session["status"] != "open")
            {
                throw new InvalidOperationException($"Checkout session {sessionId} is {(string?)session["status"]}, not open.");
            }
            var details = checkouts[sessionId];
            var events = new List<string>();
            var customerId = (string?)session["customer"];
            if (customerId is null)
            {
                var (customer, created) = AddCustomer((string?)session["customer_email"], null, null, null, []);
                customerId = (string)customer["id"]!;
                events.Add(created);
            }
            var start = store.Now;
            var subscriptionId = StripeStore.NewId("sub");
            var subscription = store.Add(new JsonObject
            {
                ["id"] = subscriptionId,
                ["object"] = "subscription",
                ["billing_cycle_anchor"] = start,
                ["cancel_at_period_end"] = false,
                ["canceled_at"] = null,
                ["collection_method"] = "charge_automatically",
                ["created"] = start,
                ["currency"] = (string?)details.Items[0].Price["currency"],
                ["customer"] = customerId,
                ["ended_at"] = null,
                ["items"] = ItemList(subscriptionId, details.Items, start),
                ["latest_invoice"] = null,
                ["livemode"] = false,
                ["metadata"] = details.SubscriptionMetadata.DeepClone(),
                ["start_date"] = start,
                ["status"] = "active",
            });
            var invoice = AddInvoice(subscription, "subscription_create", paid: true);
            session["status"] = "complete";
            session["payment_status"] = "paid";
            session["customer"] = customerId;
            session["subscription"] = subscriptionId;
            events.Add(webhooks.Record("checkout.session.completed", session));
            events.Add(webhooks.Record("customer.subscription.created", subscription));
            events.Add(webhooks.Record("invoice.paid", invoice));
            change = new BillingChange(subscriptionId, (string)invoice["id"]!, events);
        }
        await webhooks.FlushAsync();
        return change;
    }

    /// <summary>
    /// The session passes its <c>expires_at</c> unpaid (https://docs.stripe.com/api/checkout/sessions/expire): it becomes
    /// <c>expired</c> and <c>checkout.session.expired</c> goes out.
    /// </summary>
    public async Task<IReadOnlyList<string>> ExpireCheckoutSessionAsync(string sessionId)
    {
        string eventId;
        lock (store.Gate)
        {
            var session = store.Find(sessionId, "checkout.session") ?? throw new ArgumentException($"No such checkout session: {sessionId}", nameof(sessionId));
            if ((string?)session["status"] != "open")
            {
                throw new InvalidOperationException($"Checkout session {sessionId} is {(string?)session["status"]}, not open.");
            }
            session["status"] = "expired";
            session["url"] = null;
            eventId = webhooks.Record("checkout.session.expired", session);
        }
        await webhooks.FlushAsync();
        return [eventId];
    }

    /// <summary>A billing period ends and the renewal invoice is paid: the period moves on.</summary>
    public Task<BillingChange> RenewAsync(string subscriptionId) => ChangeAsync(subscriptionId, subscription =>
    {
        RequireStatus(subscription, "active", "past_due");
        var previous = new JsonObject { ["latest_invoice"] = subscription["latest_invoice"]?.DeepClone(), ["status"] = (string?)subscription["status"] };
        foreach (var item in Items(subscription))
        {
            var end = (long)item["current_period_end"]!;
            item["current_period_start"] = end;
            item["current_period_end"] = PeriodEnd(end, (string)item["price"]!["recurring"]!["interval"]!);
        }
        var invoice = AddInvoice(subscription, "subscription_cycle", paid: true);
        subscription["status"] = "active";
        return (invoice, [webhooks.Record("invoice.paid", invoice), webhooks.Record("customer.subscription.updated", subscription, previous)]);
    });

    /// <summary>The renewal payment fails: the invoice stays open and the subscription goes <c>past_due</c>.</summary>
    public Task<BillingChange> FailPaymentAsync(string subscriptionId) => ChangeAsync(subscriptionId, subscription =>
    {
        RequireStatus(subscription, "active", "past_due");
        var previous = new JsonObject { ["latest_invoice"] = subscription["latest_invoice"]?.DeepClone(), ["status"] = (string?)subscription["status"] };
        var invoice = AddInvoice(subscription, "subscription_cycle", paid: false);
        subscription["status"] = "past_due";
        return (invoice, [webhooks.Record("invoice.payment_failed", invoice), webhooks.Record("customer.subscription.updated", subscription, previous)]);
    });

    /// <summary>The subscription ends now (canceled in the portal, or after failed retries).</summary>
    public Task<BillingChange> CancelAsync(string subscriptionId) => ChangeAsync(subscriptionId, subscription =>
    {
        RequireStatus(subscription, "active", "past_due", "trialing");
        subscription["status"] = "canceled";
        subscription["canceled_at"] = store.Now;
        subscription["ended_at"] = store.Now;
        return (null, [webhooks.Record("customer.subscription.deleted", subscription)]);
    });

    /// <summary>The customer switches to another price (in the portal): every item moves to <paramref name="priceId"/>.</summary>
    public Task<BillingChange> UpdatePlanAsync(string subscriptionId, string priceId) => ChangeAsync(subscriptionId, subscription =>
    {
        RequireStatus(subscription, "active", "past_due", "trialing");
        var price = store.Find(priceId, "price") ?? throw new ArgumentException($"No such price: {priceId}", nameof(priceId));
        var previous = new JsonObject { ["items"] = subscription["items"]!.DeepClone() };
        foreach (var item in Items(subscription))
        {
            item["price"] = price.DeepClone();
        }
        return (null, [webhooks.Record("customer.subscription.updated", subscription, previous)]);
    });

    // https://docs.stripe.com/api/customers/object; https://docs.stripe.com/api/events/types: customer.created occurs
    // whenever a new customer is created. Call under the store's gate.
    internal (JsonObject Customer, string EventId) AddCustomer(string? email, string? name, string? description, string? phone, JsonObject metadata)
    {
        var customer = store.Add(new JsonObject
        {
            ["id"] = StripeStore.NewId("cus"),
            ["object"] = "customer",
            ["balance"] = 0,
            ["created"] = store.Now,
            ["currency"] = null,
            ["delinquent"] = false,
            ["description"] = description,
            ["email"] = email,
            ["livemode"] = false,
            ["metadata"] = metadata,
            ["name"] = name,
            ["phone"] = phone,
        });
        return (customer, webhooks.Record("customer.created", customer));
    }

    /// <summary>
    /// Metadata as https://docs.stripe.com/api/metadata limits it: up to 50 keys, keys up to 40 characters, values up to
    /// 500 characters, no square brackets in keys.
    /// </summary>
    internal static JsonObject Metadata(StripeForm form, string prefix)
    {
        var hash = form.Hash(prefix);
        if (hash.Count > 50)
        {
            throw StripeError.InvalidValue(prefix, "Invalid metadata: metadata can have up to 50 keys.");
        }
        var metadata = new JsonObject();
        foreach (var (key, value) in hash)
        {
            if (key.Length > 40 || key.Contains('[', StringComparison.Ordinal) || key.Contains(']', StringComparison.Ordinal))
            {
                throw StripeError.InvalidValue($"{prefix}[{key}]", "Invalid metadata key: keys are up to 40 characters and cannot contain square brackets.");
            }
            if (value.Length > 500)
            {
                throw StripeError.InvalidValue($"{prefix}[{key}]", "Invalid metadata value: values are up to 500 characters.");
            }
            metadata[key] = value;
        }
        return metadata;
    }

    private async Task<BillingChange> ChangeAsync(string subscriptionId, Func<JsonObject, (JsonObject? Invoice, IReadOnlyList<string> Events)> change)
    {
        BillingChange result;
        lock (store.Gate)
        {
            var subscription = store.Find(subscriptionId, "subscription") ?? throw new ArgumentException($"No such subscription: {subscriptionId}", nameof(subscriptionId));
            var (invoice, events) = change(subscription);
            result = new BillingChange(subscriptionId, (string?)invoice?["id"], events);
        }
        await webhooks.FlushAsync();
        return result;
    }

    private static void RequireStatus(JsonObject subscription, params string[] allowed)
    {
        var status = (string?)subscription["status"];
        if (!allowed.Contains(status))
        {
            throw new InvalidOperationException($"Subscription {(string?)subscription["id"]} is {status}.");
        }
    }

    private static IEnumerable<JsonObject> Items(JsonObject subscription) => subscription["items"]!["data"]!.AsArray().OfType<JsonObject>();

    // https://docs.stripe.com/api/subscriptions/object: items is a list of subscription items, each with its price,
    // quantity and current period (https://docs.stripe.com/api/subscription_items/object).
    private JsonObject ItemList(string subscriptionId, IReadOnlyList<(JsonObject Price, long Quantity)> items, long start) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject
        {
            ["id"] = StripeStore.NewId("si"),
            ["object"] = "subscription_item",
            ["created"] = start,
            ["current_period_end"] = PeriodEnd(start, (string?)item.Price["recurring"]?["interval"] ?? "month"),
            ["current_period_start"] = start,
            ["metadata"] = new JsonObject(),
            ["price"] = item.Price.DeepClone(),
            ["quantity"] = item.Quantity,
            ["subscription"] = subscriptionId,
        })]),
        ["has_more"] = false,
        ["url"] = $"/v1/subscription_items?subscription={subscriptionId}",
    };

    // https://docs.stripe.com/api/invoices/object: status paid or open, amounts, billing_reason, attempt_count, the
    // subscription it bills under parent.subscription_details, and one line per subscription item
    // (https://docs.stripe.com/api/invoice-line-item/object: amount, quantity, period, pricing.price_details.price).
    private JsonObject AddInvoice(JsonObject subscription, string billingReason, bool paid)
    {
        var items = Items(subscription).ToList();
        var amount = items.Sum(item => (long)item["price"]!["unit_amount"]! * (long)item["quantity"]!);
        var invoiceId = StripeStore.NewId("in");
        var lines = items.Select(item => (JsonNode)new JsonObject
        {
            ["id"] = StripeStore.NewId("il"),
            ["object"] = "line_item",
            ["amount"] = (long)item["price"]!["unit_amount"]! * (long)item["quantity"]!,
            ["currency"] = (string?)subscription["currency"],
            ["invoice"] = invoiceId,
            ["period"] = new JsonObject { ["start"] = (long)item["current_period_start"]!, ["end"] = (long)item["current_period_end"]! },
            ["pricing"] = new JsonObject
            {
                ["type"] = "price_details",
                ["price_details"] = new JsonObject { ["price"] = (string?)item["price"]!["id"], ["product"] = (string?)item["price"]!["product"] },
            },
            ["quantity"] = (long)item["quantity"]!,
        });
        var invoice = store.Add(new JsonObject
        {
            ["id"] = invoiceId,
            ["object"] = "invoice",
            ["amount_due"] = amount,
            ["amount_paid"] = paid ? amount : 0,
            ["amount_remaining"] = paid ? 0 : amount,
            ["attempt_count"] = 1,
            ["attempted"] = true,
            ["billing_reason"] = billingReason,
            ["collection_method"] = "charge_automatically",
            ["created"] = store.Now,
            ["currency"] = (string?)subscription["currency"],
            ["customer"] = (string?)subscription["customer"],
            ["lines"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray([.. lines]),
                ["has_more"] = false,
                ["url"] = $"/v1/invoices/{invoiceId}/lines",
            },
            ["livemode"] = false,
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new JsonObject
                {
                    ["metadata"] = subscription["metadata"]!.DeepClone(),
                    ["subscription"] = (string?)subscription["id"],
                },
            },
            ["period_end"] = (long)items[0]["current_period_end"]!,
            ["period_start"] = (long)items[0]["current_period_start"]!,
            ["status"] = paid ? "paid" : "open",
        });
        subscription["latest_invoice"] = (string)invoice["id"]!;
        return invoice;
    }

    private long PeriodEnd(long start, string interval)
    {
        var from = DateTimeOffset.FromUnixTimeSeconds(start);
        return (interval switch
        {
            "day" => from.AddDays(1),
            "week" => from.AddDays(7),
            "year" => from.AddYears(1),
            _ => from.AddMonths(1),
        }).ToUnixTimeSeconds();
    }

    private static void RequireUrl(string param, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw StripeError.InvalidValue(param, "Not a valid URL");
        }
    }

    private sealed record CheckoutDetails(IReadOnlyList<(JsonObject Price, long Quantity)> Items, JsonObject SubscriptionMetadata);
}
