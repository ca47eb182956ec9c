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
}
