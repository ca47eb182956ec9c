using Platform.Media.Contracts;
using Platform.Media.Detection;
using Shouldly;

namespace Platform.Media.Tests;

public sealed class DetectionTests
{
    [Test]
    public void Images_are_recognised_by_their_signatures()
    {
        MediaSniffer.Sniff(TestFiles.NoisePng(4, 4)).Type!.ContentType.ShouldBe("image/png");
        MediaSniffer.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).Type!.ContentType.ShouldBe("image/jpeg");
        MediaSniffer.Sniff(TestFiles.Gif()).Type!.Kind.ShouldBe(MediaKind.Gif);
        MediaSniffer.Sniff([.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8]).Type!.ContentType.ShouldBe("image/webp");
    }

    [Test]
    public void Videos_are_recognised_by_their_container_headers()
    {
        MediaSniffer.Sniff(TestFiles.Mp4(1000, 1000, 16, 16)).Type!.ContentType.ShouldBe("video/mp4");
        MediaSniffer.Sniff(TestFiles.Mp4(1000, 1000, 16, 16, majorBrand: "qt  ")).Type!.ContentType.ShouldBe("video/quicktime");
        MediaSniffer.Sniff(TestFiles.Webm(1000, 16, 16)).Type!.ContentType.ShouldBe("video/webm");
    }

    [Test]
    public void Other_files_are_refused_with_what_they_are()
    {
        MediaSniffer.Sniff("#!/bin/sh\nrm -rf /\n"u8).Description.ShouldContain("script");
        MediaSniffer.Sniff("<?php system($_GET['c']);"u8).Description.ShouldContain("PHP");
        MediaSniffer.Sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"u8).Description.ShouldContain("SVG");
        MediaSniffer.Sniff("%PDF-1.7"u8).Description.ShouldContain("PDF");
        MediaSniffer.Sniff(TestFiles.Mp4(1, 1, 1, 1, majorBrand: "heic")).Type.ShouldBeNull();
        MediaSniffer.Sniff([0, 1, 2, 3]).Type.ShouldBeNull();
    }

    [Test]
    public void Mp4_duration_and_size_come_from_the_movie_box()
    {
        using var file = new MemoryStream(TestFiles.Mp4(timeScale: 600, duration: 7500, width: 1280, height: 720));
        Mp4Header.Read(file).ShouldBe(new VideoFacts(1280, 720, 12.5));
    }

    [Test]
    public void Mp4_without_a_movie_box_is_unreadable()
    {
        var whole = TestFiles.Mp4(600, 7500, 1280, 720);
        using var file = new MemoryStream(whole[..^50]);
        Mp4Header.Read(file).ShouldBeNull();
    }

    [Test]
    public void Webm_duration_and_size_come_from_info_and_tracks()
    {
        using var file = new MemoryStream(TestFiles.Webm(durationMilliseconds: 4250, width: 640, height: 360));
        WebmHeader.Read(file).ShouldBe(new VideoFacts(640, 360, 4.25));
    }
}
