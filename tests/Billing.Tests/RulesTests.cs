using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Billing.Contracts;
using Platform.Billing.Data;
using Platform.Billing.Plans;
using Platform.Billing.Webhooks;

namespace Platform.Billing.Tests;

/// <summary>The billing rules on their own, without a database or Stripe.</summary>
public sealed class RulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void The_later_reading_of_stripe_wins_whatever_order_the_readings_arrive_in()
    {
        var account = TenantBilling.NotSubscribed(Guid.NewGuid(), Now);

        account.Apply(Snapshot("sub_1", "business", SubscriptionStatus.Active, Now.AddSeconds(2))).ShouldBeTrue();
        account.Apply(Snapshot("sub_1", "pro", SubscriptionStatus.Active, Now.AddSeconds(1))).ShouldBeFalse();

        account.Plan.ShouldBe("business");
    }

    [Test]
    public void A_canceled_subscription_falls_back_to_the_free_plan()
    {
        var account = TenantBilling.NotSubscribed(Guid.NewGuid(), Now);
        account.Apply(Snapshot("sub_1", "pro", SubscriptionStatus.Active, Now));

        account.Apply(Snapshot("sub_1", "pro", SubscriptionStatus.Canceled, Now.AddSeconds(1))).ShouldBeTrue();

        account.Plan.ShouldBe(BillingOptions.FreePlan);
        account.Interval.ShouldBeNull();
        account.AlreadyHas("pro").ShouldBeFalse();
    }

    [Test]
    public void The_end_of_a_replaced_subscription_is_ignored_but_a_new_one_replaces_an_ended_one()
    {
        var account = TenantBilling.NotSubscribed(Guid.NewGuid(), Now);
        account.Apply(Snapshot("sub_2", "business", SubscriptionStatus.Active, Now));

        account.Apply(Snapshot("sub_1", "pro", SubscriptionStatus.Canceled, Now.AddSeconds(1))).ShouldBeFalse();
        account.Apply(Snapshot("sub_2", "business", SubscriptionStatus.Canceled, Now.AddSeconds(2))).ShouldBeTrue();
        account.Apply(Snapshot("sub_3", "pro", SubscriptionStatus.Active, Now.AddSeconds(3))).ShouldBeTrue();

        account.Plan.ShouldBe("pro");
        account.SubscriptionId.ShouldBe("sub_3");
    }

    [Test]
    public void Past_due_keeps_the_plan_and_counts_as_having_it()
    {
        var account = TenantBilling.NotSubscribed(Guid.NewGuid(), Now);
        account.Apply(Snapshot("sub_1", "pro", SubscriptionStatus.PastDue, Now));

        account.AlreadyHas("pro").ShouldBeTrue();
        account.AlreadyHas("business").ShouldBeFalse();
    }

    [Test]
    public void A_signature_verifies_with_any_listed_secret_and_any_v1_within_the_tolerance()
    {
        const string payload = "{\"id\":\"evt_1\"}";
        var header = StripeWebhooks.SignatureHeader(Now.ToUnixTimeSeconds(), payload, ["whsec_new", "whsec_other"]);

        WebhookSignature.IsValid(payload, header, ["whsec_old", "whsec_new"], TimeSpan.FromMinutes(5), Now).ShouldBeTrue();
        WebhookSignature.IsValid(payload, header, ["whsec_old"], TimeSpan.FromMinutes(5), Now).ShouldBeFalse();
        WebhookSignature.IsValid(payload + " ", header, ["whsec_new"], TimeSpan.FromMinutes(5), Now).ShouldBeFalse();
        WebhookSignature.IsValid(payload, header, ["whsec_new"], TimeSpan.FromMinutes(5), Now.AddMinutes(6)).ShouldBeFalse();
        WebhookSignature.IsValid(payload, null, ["whsec_new"], TimeSpan.FromMinutes(5), Now).ShouldBeFalse();
        WebhookSignature.IsValid(payload, header.Split(',')[0], ["whsec_new"], TimeSpan.FromMinutes(5), Now).ShouldBeFalse();
        var twoTimestamps = "t=" + Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "," + header;
        WebhookSignature.IsValid(payload, twoTimestamps, ["whsec_new"], TimeSpan.FromMinutes(5), Now).ShouldBeFalse();
    }

    [Test]
    public void A_limit_takes_new_use_up_to_its_value_and_refuses_past_it_naming_what_to_do()
    {
        var free = new PlanLimits("free", ConnectedAccounts: 2, Seats: 1, PostsPerMonth: 3, AiBudgetUsdPerMonth: 1, MediaStorageBytes: 10, ApiKeys: 0);

        new LimitCheck(free, PlanLimit.ConnectedAccounts, Usage: 1, Adding: 1).Passes.ShouldBeTrue();
        new LimitCheck(free, PlanLimit.ConnectedAccounts, Usage: 2, Adding: 1).Passes.ShouldBeFalse();
        new LimitCheck(free, PlanLimit.ConnectedAccounts, Usage: 1, Adding: 2).Passes.ShouldBeFalse("both of two new accounts must fit");
        new LimitCheck(free, PlanLimit.ApiKeys, Usage: 0, Adding: 1).Passes.ShouldBeFalse("a limit of 0 allows none");
        new LimitCheck(free, PlanLimit.MediaStorageBytes, Usage: 4, Adding: 6).Passes.ShouldBeTrue();

        var refusal = new LimitCheck(free, PlanLimit.PostsPerMonth, Usage: 3, Adding: 1).Refusal();
        refusal.Status.ShouldBe(402);
        refusal.Type.ShouldBe(LimitCheck.ProblemType);
        refusal.Extensions["limit"].ShouldBe("postsPerMonth");
        refusal.Extensions["plan"].ShouldBe("free");
        refusal.Extensions["usage"].ShouldBe(3m);
        refusal.Extensions["limitValue"].ShouldBe(3m);
        refusal.Extensions["action"].ShouldBe("upgrade");
    }

    [Test]
    public void The_shipped_plans_are_valid_and_broken_ones_are_refused()
    {
        var validator = new BillingOptionsValidator();
        var free = new PlanOptions { ConnectedAccounts = 1, Seats = 1, PostsPerMonth = 1, AiBudgetUsdPerMonth = 0, MediaStorageBytes = 1, ApiKeys = 0 };
        var pro = new PlanOptions
        {
            ConnectedAccounts = 5, Seats = 2, PostsPerMonth = 10, AiBudgetUsdPerMonth = 5, MediaStorageBytes = 10, ApiKeys = 1,
            MonthlyPriceId = "price_m", YearlyPriceId = "price_y",
        };

        validator.Validate(null, Options(("free", free), ("pro", pro))).Succeeded.ShouldBeTrue();
        validator.Validate(null, Options(("pro", pro))).Failed.ShouldBeTrue("no free plan");
        validator.Validate(null, Options(("free", free), ("pro", pro), ("team", pro))).Failed.ShouldBeTrue("a price sold by two plans");
        validator.Validate(null, Options(("free", free), ("half", new PlanOptions { MonthlyPriceId = "price_h" }))).Failed.ShouldBeTrue("limits unset, one price");
        validator.Validate(null, Options(("free", free), ("Pro", pro))).Failed.ShouldBeTrue("upper case name");
        validator.Validate(null, new BillingOptions
        {
            Plans = new() { ["free"] = free },
            Stripe = new StripeOptions { SecretKey = "sk_test_1" },
        }).Failed.ShouldBeTrue("a secret key without return URLs");
    }

    [Test]
    public void A_price_names_its_plan_and_interval()
    {
        var catalog = new PlanCatalog(Microsoft.Extensions.Options.Options.Create(Options(
            ("free", new PlanOptions()), ("pro", new PlanOptions { MonthlyPriceId = "price_m", YearlyPriceId = "price_y" }))));

        catalog.FindByPrice("price_y").ShouldBe(new PlanPrice("pro", BillingInterval.Year));
        catalog.FindByPrice("price_unknown").ShouldBeNull();
        catalog.Limits("gone").Plan.ShouldBe(BillingOptions.FreePlan);
    }

    private static BillingOptions Options(params (string Name, PlanOptions Plan)[] plans) =>
        new() { Plans = plans.ToDictionary(p => p.Name, p => p.Plan) };

    private static SubscriptionSnapshot Snapshot(string id, string plan, SubscriptionStatus status, DateTimeOffset observedAt) =>
        new(id, plan, BillingInterval.Month, status, observedAt.AddMonths(1), observedAt);
}
