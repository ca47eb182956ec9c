using Microsoft.Extensions.Time.Testing;
using Platform.PlatformServers.Hosting;

namespace Platform.PaymentServers.Tests;

/// <summary>Idempotency keys as https://docs.stripe.com/api/idempotent_requests describes them.</summary>
public sealed class StripeIdempotencyTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private StripeServer server = null!;

    [SetUp]
    public async Task StartAsync()
    {
        server = new StripeServer(clock);
        await server.StartAsync();
    }

    [TearDown]
    public async Task StopAsync() => await server.DisposeAsync();

    [Test]
    public async Task The_same_key_and_parameters_replay_the_first_answer_and_create_nothing_more()
    {
        var first = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-1");
        var again = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-1");

        first.Header("Idempotent-Replayed").ShouldBeNull();
        again.Status.ShouldBe(200);
        again.Header("Idempotent-Replayed").ShouldBe("true");
        again.Text.ShouldBe(first.Text);
        server.Store.All("customer").Count.ShouldBe(1);
        server.Store.All("event").Count.ShouldBe(1);
    }

    [Test]
    public async Task The_same_key_with_other_parameters_or_another_endpoint_is_an_idempotency_error()
    {
        await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-2");

        var otherParameters = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "b@example.com")], idempotencyKey: "key-2");
        var otherEndpoint = await StripeHttp.PostAsync(server, "/v1/billing_portal/sessions", [new("customer", "cus_x")], idempotencyKey: "key-2");

        otherParameters.Status.ShouldBe(400);
        otherParameters.ErrorType.ShouldBe("idempotency_error");
        otherEndpoint.Status.ShouldBe(400);
        otherEndpoint.ErrorType.ShouldBe("idempotency_error");
        server.Store.All("customer").Count.ShouldBe(1);
    }

    [Test]
    public async Task A_refused_request_is_not_saved_so_the_key_can_carry_the_corrected_request()
    {
        var refused = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com"), new("nickname", "x")], idempotencyKey: "key-3");
        var corrected = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-3");

        refused.Status.ShouldBe(400);
        corrected.Status.ShouldBe(200);
        corrected.Header("Idempotent-Replayed").ShouldBeNull();
    }

    [Test]
    public async Task An_error_after_execution_began_is_saved_and_replayed()
    {
        var missing = await StripeHttp.PostAsync(server, "/v1/billing_portal/sessions", [new("customer", "cus_nope")], idempotencyKey: "key-7");
        var again = await StripeHttp.PostAsync(server, "/v1/billing_portal/sessions", [new("customer", "cus_nope")], idempotencyKey: "key-7");

        missing.Status.ShouldBe(404);
        again.Status.ShouldBe(404);
        again.Header("Idempotent-Replayed").ShouldBe("true");
        again.Text.ShouldBe(missing.Text);
    }

    [Test]
    public async Task A_key_older_than_24_hours_starts_a_new_request()
    {
        var first = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-4");
        clock.Advance(TimeSpan.FromHours(23));
        (await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-4")).Id.ShouldBe(first.Id);
        clock.Advance(TimeSpan.FromHours(1));

        var later = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-4");

        later.Header("Idempotent-Replayed").ShouldBeNull();
        later.Id.ShouldNotBe(first.Id);
        server.Store.All("customer").Count.ShouldBe(2);
    }

    [Test]
    public async Task An_answer_lost_after_the_customer_was_created_is_replayed_to_the_retry()
    {
        server.Faults.LoseAnswerAfterAccept(StripeServer.Steps.CreateCustomer);

        await Should.ThrowAsync<HttpRequestException>(() => StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-5"));
        var retry = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-5");

        retry.Status.ShouldBe(200);
        retry.Header("Idempotent-Replayed").ShouldBe("true");
        server.Store.All("customer").Single()["id"]!.GetValue<string>().ShouldBe(retry.Id);
    }

    [Test]
    public async Task Planned_5xx_and_429_answer_in_stripes_shape_before_anything_is_created()
    {
        server.Faults.FailWithServerError(StripeServer.Steps.CreateCustomer, 500).RateLimit(StripeServer.Steps.CreateCustomer, TimeSpan.FromSeconds(2));

        var failed = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-6");
        var limited = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-6");
        server.Store.All("customer").ShouldBeEmpty();
        var created = await StripeHttp.PostAsync(server, "/v1/customers", [new("email", "a@example.com")], idempotencyKey: "key-6");

        failed.Status.ShouldBe(500);
        failed.ErrorType.ShouldBe("api_error");
        limited.Status.ShouldBe(429);
        limited.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("rate_limit");
        limited.Header("Retry-After").ShouldBe("2");
        created.Status.ShouldBe(200);
        server.Store.All("customer").Count.ShouldBe(1);
    }
}
