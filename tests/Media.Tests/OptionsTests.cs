using Shouldly;

namespace Platform.Media.Tests;

/// <summary>The host refuses to start on a public address platforms could not be sent to.</summary>
public sealed class OptionsTests
{
    [TestCase("")]
    [TestCase("api.example.com")]
    [TestCase("ftp://api.example.com")]
    [TestCase("https://api.example.com/?token=1")]
    [TestCase("https://user:secret@api.example.com")]
    public void A_public_base_url_that_is_not_a_plain_http_address_is_refused(string value)
    {
        var result = new MediaOptionsValidator().Validate(null, new MediaOptions { PublicBaseUrl = value });
        result.Failed.ShouldBeTrue();
        result.FailureMessage!.ShouldContain("Media:PublicBaseUrl");
    }

    [TestCase("https://api.example.com")]
    [TestCase("https://example.com/platform/")]
    public void A_public_address_with_an_optional_path_base_is_accepted(string value) =>
        new MediaOptionsValidator().Validate(null, new MediaOptions { PublicBaseUrl = value }).Succeeded.ShouldBeTrue();

    [Test]
    public void A_publish_url_lifetime_too_short_for_a_platform_to_pull_is_refused() =>
        new MediaOptionsValidator().Validate(null, new MediaOptions { PublishUrlLifetime = TimeSpan.FromSeconds(30) }).FailureMessage!.ShouldContain("Media:PublishUrlLifetime");

    [TestCase(1L << 20, "Media:Uploads:PartSizeBytes")]
    [TestCase(6L << 30, "Media:Uploads:PartSizeBytes")]
    public void A_part_size_s3_would_refuse_is_refused(long partSize, string named) =>
        new MediaOptionsValidator().Validate(null, new MediaOptions { Uploads = { PartSizeBytes = partSize } }).FailureMessage!.ShouldContain(named);

    [Test]
    public void A_multipart_threshold_below_the_part_size_is_refused() =>
        new MediaOptionsValidator().Validate(null, new MediaOptions { Uploads = { PartSizeBytes = 16L << 20, MultipartThresholdBytes = 8L << 20 } })
            .FailureMessage!.ShouldContain("Media:Uploads:MultipartThresholdBytes");

    [Test]
    public void Sweeping_uploads_whose_urls_still_work_is_refused() =>
        new MediaOptionsValidator().Validate(null, new MediaOptions { DirectUploadLifetime = TimeSpan.FromHours(2), Uploads = { AbandonedAfter = TimeSpan.FromHours(1) } })
            .FailureMessage!.ShouldContain("Media:Uploads:AbandonedAfter");

    [TestCase(0)]
    [TestCase(1000)]
    public void An_inspection_queue_of_no_or_countless_turns_is_refused(int turns) =>
        new MediaOptionsValidator().Validate(null, new MediaOptions { MaxConcurrentInspections = turns }).FailureMessage!.ShouldContain("Media:MaxConcurrentInspections");

    [Test]
    public void The_defaults_are_accepted() => new MediaOptionsValidator().Validate(null, new MediaOptions()).Succeeded.ShouldBeTrue();
}
