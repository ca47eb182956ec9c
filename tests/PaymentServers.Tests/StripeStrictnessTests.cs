namespace Platform.PaymentServers.Tests;

/// <summary>The server refuses what Stripe refuses, in Stripe's error shape, and a refused request changes nothing.</summary>
public sealed class StripeStrictnessTests
{
    private StripeServer server = null!;

    [SetUp]
    public async Task StartAsync()
    {
        server = new StripeServer();
        server.AddPrice("price_pro_monthly", 2_000);
        await server.StartAsync();
    }

    [TearDown]
    public async Task StopAsync() => await server.DisposeAsync();

    [Test]
    public async Task Refuses_a_missing_or_wrong_key_and_basic_auth_with_401_in_stripes_error_shape()
    {
        var missing = await StripeHttp.SendAsync(HttpMethod.Post, server.Url + "/v1/customers", null, new FormUrlEncodedContent([new("email", "a@example.com")]), null);
        var wrong = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], apiKey: "sk_test_not_this_one");
        var basic = await StripeHttp.SendAsync(HttpMethod.Get, server.Url + "/v1/customers", Convert.ToBase64String("x:y"u8), null, null, scheme: "Basic");

        missing.Status.ShouldBe(401);
        missing.ErrorType.ShouldBe("invalid_request_error");
        missing.Body.GetProperty("error").GetProperty("message").GetString().ShouldStartWith("You did not provide an API key");
        wrong.Status.ShouldBe(401);
        wrong.Body.GetProperty("error").GetProperty("message").GetString()!.ShouldNotContain("sk_test_not_this_one");
        basic.Status.ShouldBe(401);
        server.Store.All("customer").ShouldBeEmpty();
    }

    [Test]
    public async Task Refuses_an_api_version_that_is_no_release()
    {
        using var content = new FormUrlEncodedContent([new("email", "a@example.com")]);
        content.Headers.Add("Stripe-Version", "latest");
        var refused = await StripeHttp.SendAsync(HttpMethod.Post, server.Url + "/v1/customers", server.SecretKey, content, null);

        refused.Status.ShouldBe(400);
        refused.ErrorParam.ShouldBe("Stripe-Version");
        NothingWasCreated();
    }

    [Test]
    public async Task Refuses_unknown_parameters_top_level_and_nested_naming_them()
    {
        var topLevel = await StripeHttp.PostAsync(server, "/v1/customers", ("email", "a@example.com"), ("nickname", "x"));
        var nested = await StripeHttp.PostAsync(server, "/v1/checkout/sessions", ("mode", "subscription"), ("success_url", "https://app.example/ok"),
            ("line_items[0][price]", "price_pro_monthly"), ("line_items[0][colour]", "red"));
        var onGet = await StripeHttp.GetAsync(server, "/v1/customers?limit=3&page=2");

        topLevel.Status.ShouldBe(400);
        topLevel.ErrorType.ShouldBe("invalid_request_error");
        topLevel.ErrorParam.ShouldBe("nickname");
        topLevel.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("parameter_unknown");
        nested.ErrorParam.ShouldBe("line_items[0][colour]");
        onGet.Status.ShouldBe(400);
        onGet.ErrorParam.ShouldBe("page");
        NothingWasCreated();
    }

    [Test]
    public async Task Refuses_missing_required_parameters_naming_them()
    {
        var noMode = await StripeHttp.PostAsync(server, "/v1/checkout/sessions", ("success_url", "https://app.example/ok"), ("line_items[0][price]", "price_pro_monthly"));
        var noItems = await StripeHttp.PostAsync(server, "/v1/checkout/sessions", ("mode", "subscription"), ("success_url", "https://app.example/ok"));
        var noCustomer = await StripeHttp.PostAsync(server, "/v1/billing_portal/sessions", ("return_url", "https://app.example/billing"));

        noMode.Status.ShouldBe(400);
        noMode.ErrorParam.ShouldBe("mode");
        noMode.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("parameter_missing");
        noItems.ErrorParam.ShouldBe("line_items");
        noCustomer.ErrorParam.ShouldBe("customer");
        NothingWasCreated();
    }

    [Test]
    public async Task Refuses_json_bodies_unknown_prices_and_customers_and_one_time_prices_in_subscription_mode()
    {
        var json = await StripeHttp.SendAsync(HttpMethod.Post, server.Url + "/v1/customers", server.SecretKey, StripeHttp.Json("""{"email":"a@example.com"}"""), null);
        var unknownPrice = await StripeHttp.PostAsync(server, "/v1/checkout/sessions", ("mode", "subscription"), ("success_url", "https://app.example/ok"),
            ("line_items[0][price]", "price_nope"));
        var unknownCustomer = await StripeHttp.PostAsync(server, "/v1/checkout/sessions", ("mode", "subscription"), ("success_url", "https://app.example/ok"),
            ("line_items[0][price]", "price_pro_monthly"), ("customer", "cus_nope"));
        var missingCustomer = await StripeHttp.GetAsync(server, "/v1/customers/cus_nope");
        var unknownRoute = await StripeHttp.GetAsync(server, "/v1/charges");

        json.Status.ShouldBe(400);
        unknownPrice.Status.ShouldBe(404);
        unknownPrice.ErrorParam.ShouldBe("line_items[0][price]");
        unknownPrice.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("resource_missing");
        unknownCustomer.ErrorParam.ShouldBe("customer");
        missingCustomer.Status.ShouldBe(404);
        missingCustomer.Body.GetProperty("error").GetProperty("message").GetString().ShouldBe("No such customer: 'cus_nope'");
        unknownRoute.Status.ShouldBe(404);
        unknownRoute.ErrorType.ShouldBe("invalid_request_error");
        NothingWasCreated();
    }

    [Test]
    public async Task A_checkout_session_keeps_what_was_sent_and_answers_a_url()
    {
        var customer = await StripeHttp.PostAsync(server, "/v1/customers", ("email", "owner@example.com"), ("metadata[tenant_id]", "t-1"));
        var session = await StripeHttp.PostAsync(server, "/v1/checkout/sessions", ("mode", "subscription"), ("customer", customer.Id),
            ("line_items[0][price]", "price_pro_monthly"), ("line_items[0][quantity]", "3"), ("success_url", "https://app.example/ok"),
            ("cancel_url", "https://app.example/cancel"), ("client_reference_id", "t-1"), ("metadata[plan]", "pro"),
            ("subscription_data[metadata][tenant_id]", "t-1"));

        session.Status.ShouldBe(200, session.Text);
        session.Body.GetProperty("object").GetString().ShouldBe("checkout.session");
        session.Body.GetProperty("url").GetString().ShouldStartWith(server.Url);
        session.Body.GetProperty("status").GetString().ShouldBe("open");
        session.Body.GetProperty("amount_total").GetInt64().ShouldBe(6_000);
        session.Body.GetProperty("metadata").GetProperty("plan").GetString().ShouldBe("pro");
        customer.Body.GetProperty("metadata").GetProperty("tenant_id").GetString().ShouldBe("t-1");
        var created = (await StripeHttp.GetAsync(server, "/v1/events?type=customer.created")).Body.GetProperty("data")[0];
        created.GetProperty("data").GetProperty("object").GetProperty("id").GetString().ShouldBe(customer.Id);

        var fetched = await StripeHttp.GetAsync(server, $"/v1/checkout/sessions/{session.Id}?expand[]=customer");
        fetched.Body.GetProperty("customer").GetProperty("email").GetString().ShouldBe("owner@example.com");
        (await StripeHttp.GetAsync(server, $"/v1/checkout/sessions/{session.Id}?expand[]=mode")).Status.ShouldBe(400);
        var unpaid = await StripeHttp.GetAsync(server, $"/v1/checkout/sessions/{session.Id}?expand[]=subscription");
        unpaid.Body.GetProperty("subscription").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var portal = await StripeHttp.PostAsync(server, "/v1/billing_portal/sessions", ("customer", customer.Id), ("return_url", "https://app.example/billing"));
        portal.Body.GetProperty("object").GetString().ShouldBe("billing_portal.session");
        portal.Body.GetProperty("url").GetString().ShouldStartWith(server.Url);
    }

    [Test]
    public async Task A_create_asking_to_expand_what_cannot_be_expanded_creates_nothing()
    {
        var refused = await StripeHttp.PostAsync(server, "/v1/customers", ("email", "a@example.com"), ("expand[]", "email"));

        refused.Status.ShouldBe(400);
        refused.ErrorParam.ShouldBe("expand");
        NothingWasCreated();
        server.Store.All("event").ShouldBeEmpty();
    }

    [Test]
    public async Task Lists_customers_newest_first_in_pages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await StripeHttp.PostAsync(server, "/v1/customers", ("email", $"c{i}@example.com"))).Id);
        }

        var first = await StripeHttp.GetAsync(server, "/v1/customers?limit=2");
        var second = await StripeHttp.GetAsync(server, $"/v1/customers?limit=2&starting_after={first.Body.GetProperty("data")[1].GetProperty("id").GetString()}");

        first.Body.GetProperty("object").GetString().ShouldBe("list");
        first.Body.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        first.Body.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe([ids[2], ids[1]]);
        second.Body.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe([ids[0]]);
        second.Body.GetProperty("has_more").GetBoolean().ShouldBeFalse();
        (await StripeHttp.GetAsync(server, "/v1/customers?limit=101")).ErrorParam.ShouldBe("limit");
    }

    private void NothingWasCreated()
    {
        server.Store.All("customer").ShouldBeEmpty();
        server.Store.All("checkout.session").ShouldBeEmpty();
    }
}
