using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EosSweep.Tests.Cli;

/// <summary>A sweep with --summarize whose report the HTML tests read.</summary>
public sealed class ReportFixture
{
    public ReportFixture()
    {
        Dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "log:0.05:1:16", "--y0", "lin:0.5:10:12", "--steps", "5000", "--out", Dir, "--summarize");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Report = Path.Combine(Dir, "report");
    }

    public string Dir { get; }

    public string Report { get; }
}

/// <summary>The self-contained HTML report and its Markdown twin; rendered in a real headless browser when one is installed.</summary>
public sealed partial class HtmlReportTests(ReportFixture data) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Html_IsSelfContained_WithEveryFigureEmbedded()
    {
        string html = File.ReadAllText(Path.Combine(data.Report, "index.html"));
        var pngs = Directory.GetFiles(data.Report, "*.png");
        var images = ImgSrc().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(pngs.Length, images.Count);
        Assert.All(images, src => Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal));
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("Theory checks", html, StringComparison.Ordinal);
        Assert.Contains("boundary_agreement", html, StringComparison.Ordinal);

        string md = File.ReadAllText(Path.Combine(data.Report, "report.md"));
        Assert.All(pngs, p => Assert.Contains($"]({Path.GetFileName(p)})", md, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Html_RendersInHeadlessChromium_WithNoBrokenImage()
    {
        string? chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        Skip.If(chromium is null, "chromium is not installed here (.ci/run installs Debian's chromium); the browser check was skipped");

        string page = new Uri(Path.Combine(data.Report, "index.html")).AbsoluteUri;
        string shot = Path.Combine(data.Dir, "shot.png");
        Chromium(chromium!, $"--screenshot={shot} --window-size=1100,1600 {page}");
        Assert.True(File.Exists(shot) && new FileInfo(shot).Length > 10_000, "no screenshot was produced");

        string dom = Chromium(chromium!, $"--virtual-time-budget=5000 --dump-dom {page}");
        Assert.Contains("data-broken-images=\"0\"", dom, StringComparison.Ordinal);
        Assert.Equal(Directory.GetFiles(data.Report, "*.png").Length, ImgSrc().Matches(dom).Count);
    }

    private string Chromium(string exe, string args)
    {
        string profile = Path.Combine(data.Dir, "profile-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo(exe,
            $"--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --user-data-dir={profile} {args}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "chromium did not finish within 120 s");
        return stdout.Result;
    }

    [GeneratedRegex("<img[^>]*src=\"([^\"]*)\"")]
    private static partial Regex ImgSrc();

    [GeneratedRegex("(src|href)=\"(https?:|//)")]
    private static partial Regex ExternalReference();
}
