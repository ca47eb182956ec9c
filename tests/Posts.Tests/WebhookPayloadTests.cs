using System.Text.Json;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Events;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>Events reach webhooks and the outbox with enum values by name, the way the API answers, and rows stored with numbers still read.</summary>
public sealed class WebhookPayloadTests
{
    private static readonly PostTargetFailed Failed = new()
    {
        TenantId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UnixEpoch,
        PostId = Guid.NewGuid(), TargetId = Guid.NewGuid(), SocialAccountId = Guid.NewGuid(), Platform = "x",
        Status = TargetStatus.Unconfirmed, ErrorKind = "Transient", ErrorMessage = "No answer",
    };

    [Test]
    public void A_failed_target_event_names_its_status()
    {
        var json = JsonDocument.Parse(JsonSerializer.Serialize(Failed, Outbox.Json)).RootElement;

        json.GetProperty("status").GetString().ShouldBe(nameof(TargetStatus.Unconfirmed));
    }

    [Test]
    public void An_event_stored_with_a_numeric_status_still_reads()
    {
        var stored = JsonSerializer.Serialize(Failed, Outbox.Json).Replace($"\"{nameof(TargetStatus.Unconfirmed)}\"", ((int)TargetStatus.Unconfirmed).ToString(), StringComparison.Ordinal);

        JsonSerializer.Deserialize<PostTargetFailed>(stored, Outbox.Json)!.Status.ShouldBe(TargetStatus.Unconfirmed);
    }
}
