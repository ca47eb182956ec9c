using Platform.Media.Data;
using Shouldly;

namespace Platform.Media.Tests;

/// <summary>What completing a direct upload decides from the stored object's size and the clock alone.</summary>
public sealed class PendingUploadTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PendingUpload Upload = PendingUpload.Start(Guid.NewGuid(), Guid.NewGuid(), 100, "tenants/a/media/b/original", Guid.NewGuid(), Started, TimeSpan.FromHours(1));

    [Test]
    public void The_declared_size_arriving_in_time_is_accepted() => Upload.Check(100, Started.AddMinutes(59)).ShouldBe(UploadArrival.Arrived);

    [Test]
    public void Nothing_stored_yet_is_not_sent() => Upload.Check(null, Started.AddMinutes(1)).ShouldBe(UploadArrival.NotSent);

    [TestCase(99L)]
    [TestCase(101L)]
    public void Another_size_than_declared_differs(long stored) => Upload.Check(stored, Started.AddMinutes(1)).ShouldBe(UploadArrival.SizeDiffers);

    [Test]
    public void After_the_url_expired_the_upload_is_over_even_if_the_bytes_arrived() =>
        Upload.Check(100, Started.AddHours(1).AddSeconds(1)).ShouldBe(UploadArrival.Expired);

    [Test]
    public void An_upload_declares_at_least_one_byte() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PendingUpload.Start(Guid.NewGuid(), Guid.NewGuid(), 0, "k", Guid.NewGuid(), Started, TimeSpan.FromHours(1)));

    private static readonly PendingUpload Multipart = PendingUpload.StartMultipart(
        Guid.NewGuid(), Guid.NewGuid(), 25, "tenants/a/media/c/original", Guid.NewGuid(), Started, TimeSpan.FromHours(1), "upload-1", 10);

    [Test]
    public void A_multipart_upload_is_cut_into_parts_of_its_part_size_the_last_smaller()
    {
        Multipart.IsMultipart.ShouldBeTrue();
        Multipart.PartCount.ShouldBe(3);
        Upload.PartCount.ShouldBe(1);
    }

    [TestCase(new[] { 1, 2, 3 }, true)]
    [TestCase(new[] { 3, 1, 2 }, true)]
    [TestCase(new[] { 1, 2 }, false)]
    [TestCase(new[] { 1, 2, 2 }, false)]
    [TestCase(new[] { 1, 2, 3, 4 }, false)]
    [TestCase(new[] { 0, 1, 2 }, false)]
    public void Completing_needs_every_part_exactly_once(int[] reported, bool complete) => Multipart.HasAllParts(reported).ShouldBe(complete);

    [Test]
    public void An_upload_is_abandoned_only_once_it_is_older_than_the_configured_age()
    {
        Upload.IsAbandoned(Started.AddHours(23), TimeSpan.FromDays(1)).ShouldBeFalse();
        Upload.IsAbandoned(Started.AddDays(1).AddSeconds(1), TimeSpan.FromDays(1)).ShouldBeTrue();
    }
}
