using Platform.Webhooks.Data;
using Platform.Webhooks.Sending;
using Shouldly;

namespace Platform.Webhooks.Tests;

/// <summary>The rules of a delivery and a subscription, without a database.</summary>
public sealed class DeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly AttemptOutcome Failed = new(503, TimeSpan.FromMilliseconds(20), "busy", "The receiver answered 503.");
    private static readonly AttemptOutcome Answered = new(204, TimeSpan.FromMilliseconds(20), null, null);

    [Test]
    public void Failed_attempts_wait_1_2_4_8_seconds_then_the_delivery_is_dead_lettered()
    {
        var delivery = Delivery.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "ping", "{}", attemptLimit: 5, Now);
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            delivery.NextAttempt.ShouldBe(attempt);
            Claim(delivery);
            if (delivery.Record(Failed, Now))
            {
                waits.Add(delivery.NextAttemptAt!.Value - Now);
            }
        }

        waits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)]);
        delivery.Status.ShouldBe(DeliveryStatus.DeadLetter);
        delivery.AttemptsMade.ShouldBe(5);
        delivery.NextAttemptAt.ShouldBeNull();
    }

    [Test]
    public void A_refused_address_dead_letters_at_once()
    {
        var delivery = Delivery.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "ping", "{}", attemptLimit: 5, Now);
        Claim(delivery);

        delivery.Record(new AttemptOutcome(null, TimeSpan.Zero, null, "loopback", Refused: true), Now).ShouldBeFalse();

        delivery.Status.ShouldBe(DeliveryStatus.DeadLetter);
    }

    [Test]
    public void Only_the_attempt_under_way_may_be_recorded_so_a_late_sender_never_records_one_the_sweep_wrote_off()
    {
        var delivery = Delivery.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "ping", "{}", attemptLimit: 5, Now);
        delivery.IsSending(1).ShouldBeFalse();
        Claim(delivery);
        delivery.IsSending(1).ShouldBeTrue();
        delivery.IsSending(2).ShouldBeFalse();

        delivery.Record(Failed, Now).ShouldBeTrue();

        delivery.IsSending(1).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => delivery.Record(Answered, Now));
        Claim(delivery);
        delivery.IsSending(2).ShouldBeTrue();
        delivery.Record(Answered, Now).ShouldBeFalse();
        delivery.Status.ShouldBe(DeliveryStatus.Succeeded);
    }

    [Test]
    public void An_attempt_is_stalled_only_while_it_is_under_way_since_before_the_cut_off()
    {
        var delivery = Delivery.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "ping", "{}", attemptLimit: 5, Now);
        delivery.IsStalled(Now.AddMinutes(5)).ShouldBeFalse();
        Claim(delivery);

        delivery.IsStalled(Now).ShouldBeFalse();
        delivery.IsStalled(Now.AddSeconds(1)).ShouldBeTrue();
        delivery.Record(Failed, Now);
        delivery.IsStalled(Now.AddMinutes(5)).ShouldBeFalse();
    }

    [Test]
    public void A_redelivery_grants_fresh_attempts_numbered_after_the_earlier_ones_but_not_while_one_is_due()
    {
        var delivery = Delivery.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "ping", "{}", attemptLimit: 1, Now);
        delivery.Redeliver(3, Now).ShouldBeFalse();
        Claim(delivery);
        delivery.Redeliver(3, Now).ShouldBeFalse();
        delivery.Record(Failed, Now).ShouldBeFalse();

        delivery.Redeliver(3, Now).ShouldBeTrue();

        delivery.Status.ShouldBe(DeliveryStatus.Pending);
        delivery.NextAttempt.ShouldBe(2);
        delivery.AttemptLimit.ShouldBe(4);
        delivery.NextAttemptAt.ShouldBe(Now);
    }

    [Test]
    public void A_rotated_out_secret_signs_beside_the_new_one_until_its_grace_period_ends()
    {
        var subscription = Subscription.Create(Guid.NewGuid(), "https://93.184.215.14/", [Contracts.WebhookEventType.PostPublished], true, "old", Now);

        subscription.RotateSecret("new", TimeSpan.FromHours(1), Now);

        subscription.SigningSaltsAt(Now.AddMinutes(59)).ShouldBe(["new", "old"]);
        subscription.SigningSaltsAt(Now.AddHours(1)).ShouldBe(["new"]);
    }

    [Test]
    public void An_inactive_subscription_wants_no_event()
    {
        var subscription = Subscription.Create(Guid.NewGuid(), "https://93.184.215.14/", [Contracts.WebhookEventType.PostPublished], true, "salt", Now);
        subscription.Wants(Contracts.WebhookEventType.PostPublished).ShouldBeTrue();
        subscription.Wants(Contracts.WebhookEventType.PostFailed).ShouldBeFalse();

        subscription.Change(null, null, active: false, Now);

        subscription.Wants(Contracts.WebhookEventType.PostPublished).ShouldBeFalse();
    }

    [Test]
    public void A_response_excerpt_keeps_1_KB_and_never_splits_a_character()
    {
        var text = new string('a', 1023) + "é" + new string('b', 100);

        var excerpt = ResponseExcerpt.Cut(System.Text.Encoding.UTF8.GetBytes(text));

        excerpt.ShouldBe(new string('a', 1023));
        ResponseExcerpt.Cut("short"u8).ShouldBe("short");
    }

    /// <summary>Marks the delivery Sending at <see cref="Now"/>, as the dispatcher's claim (in SQL) leaves it.</summary>
    private static void Claim(Delivery delivery)
    {
        typeof(Delivery).GetProperty(nameof(Delivery.Status))!.SetValue(delivery, DeliveryStatus.Sending);
        typeof(Delivery).GetProperty(nameof(Delivery.UpdatedAt))!.SetValue(delivery, Now);
    }
}
