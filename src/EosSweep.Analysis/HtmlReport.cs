using System.Globalization;
using System.Net;
using System.Text;
using EosSweep.Core;
using EosSweep.Core.Models;

namespace EosSweep.Analysis;

/// <summary>
/// The report a researcher opens: <c>index.html</c>, one self-contained file (figures embedded as base64 PNG,
/// inline CSS, no external assets — it opens from disk with no server), and <c>report.md</c> for terminals and
/// Git (figures linked as the PNG files beside it). Both show the spec, the regime counts, the theory checks and
/// every figure. A few lines of inline script record in <c>data-broken-images</c> how many images failed to
/// decode, so a headless browser's DOM dump can check the page.
/// </summary>
public static class HtmlReport
{
    /// <summary>The HTML file name.</summary>
    public const string HtmlFile = "index.html";

    /// <summary>The Markdown file name.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>Writes both files into <paramref name="dir"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string dir, SweepSpec spec, ModelInfo model, long rows,
        IReadOnlyDictionary<Regime, long> counts, IReadOnlyList<TheoryCheck> checks, IReadOnlyList<string> figures, IReadOnlyList<string> notes)
    {
        var settings = SpecJson.ToSettings(spec);
        var specRows = new List<(string Key, string Value)>
        {
            ("model", $"{model.Name} — {model.Description}"),
            ("loss", settings.Loss ?? string.Empty),
        };
        specRows.AddRange(spec.Axes.Select(a => ($"axis {a.Name}", a.Count == 1 ? a.Text : $"{a.Text} ({a.Count} values)")));
        specRows.Add(spec.Tau is { } tau ? ("steps", $"round(τ/η), τ = {Num(tau)} (at most {spec.Steps:N0})") : ("steps", spec.Steps.ToString("N0", CultureInfo.InvariantCulture)));
        specRows.AddRange(spec.Options.Select(o => ($"option {o.Key}", o.Value)));
        specRows.Add(("precision", SpecResolver.Name(spec.Precision)));
        specRows.Add(("accelerator", SpecResolver.Name(spec.Accelerator)));
        specRows.Add(("tolerance / divergence bound / eos margin", $"{Num(spec.Tolerance)} / {Num(spec.DivergenceBound)} / {Num(spec.EosMargin)}"));
        specRows.Add(("trajectories", rows.ToString("N0", CultureInfo.InvariantCulture)));

        var pngs = figures.Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).ToList();
        string html = Path.Combine(dir, HtmlFile), md = Path.Combine(dir, MarkdownFile);
        File.WriteAllText(html, Html(spec, model, specRows, rows, counts, checks, pngs, notes), new UTF8Encoding(false));
        File.WriteAllText(md, Markdown(spec, model, specRows, rows, counts, checks, pngs, notes), new UTF8Encoding(false));
        return [html, md];
    }

    private static string Html(SweepSpec spec, ModelInfo model, List<(string Key, string Value)> specRows, long rows,
        IReadOnlyDictionary<Regime, long> counts, IReadOnlyList<TheoryCheck> checks, List<string> pngs, IReadOnlyList<string> notes)
    {
        var h = new StringBuilder();
        string title = $"EosSweep report — {model.Name}, {Core.Models.LossInfo.Of(spec.Loss).Name}";
        h.AppendLine("<!DOCTYPE html>");
        h.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.AppendLine($"<title>{E(title)}</title>");
        h.AppendLine("<style>body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em auto;max-width:1000px;color:#222}" +
                     "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}" +
                     "th{background:#eee}td.num{text-align:right}.pass{color:#176b2c}.fail{color:#b00020;font-weight:bold}" +
                     "figure{margin:1em 0}img{max-width:100%;border:1px solid #ddd}figcaption{color:#555;font-size:90%}</style>");
        h.AppendLine("</head><body data-broken-images=\"unknown\">");
        h.AppendLine($"<h1>{E(title)}</h1>");
        h.AppendLine("<h2>Spec</h2><table>");
        foreach (var (k, v) in specRows)
        {
            h.AppendLine($"<tr><th>{E(k)}</th><td>{E(v)}</td></tr>");
        }

        h.AppendLine("</table><h2>Regimes</h2><table><tr><th>regime</th><th>trajectories</th><th>share</th></tr>");
        foreach (var r in RegimeRules.All)
        {
            long n = counts.GetValueOrDefault(r);
            h.AppendLine($"<tr><td>{E(RegimeRules.Name(r))}</td><td class=\"num\">{n:N0}</td><td class=\"num\">{Share(n, rows)}</td></tr>");
        }

        h.AppendLine($"</table><p>{E(RegimeRules.Text)}</p>");
        h.AppendLine("<h2>Theory checks</h2><table><tr><th>check</th><th>value</th><th>expected</th><th>verdict</th><th>what</th></tr>");
        foreach (var c in checks)
        {
            var (verdict, cls) = c.Passed switch { true => ("pass", "pass"), false => ("FAIL", "fail"), null => ("—", string.Empty) };
            h.AppendLine($"<tr><td>{E(c.Name)}</td><td class=\"num\">{E(Num(c.Value))}</td><td>{E(c.Expected)}</td><td class=\"{cls}\">{verdict}</td><td>{E(c.Description)}</td></tr>");
        }

        h.AppendLine("</table><h2>Figures</h2>");
        foreach (var png in pngs)
        {
            string name = Path.GetFileName(png);
            string svg = Path.ChangeExtension(name, ".svg");
            h.AppendLine($"<figure><img alt=\"{E(name)}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(png))}\">");
            h.AppendLine($"<figcaption>{E(name)} (vector copy: {E(svg)})</figcaption></figure>");
        }

        foreach (var note in notes)
        {
            h.AppendLine($"<p class=\"note\">Note: {E(note)}</p>");
        }

        h.AppendLine("<script>window.addEventListener('load',function(){var b=0;for(var i of document.images){if(!i.complete||i.naturalWidth===0){b++;}}" +
                     "document.body.setAttribute('data-broken-images',String(b));});</script>");
        h.AppendLine("</body></html>");
        return h.ToString();
    }

    private static string Markdown(SweepSpec spec, ModelInfo model, List<(string Key, string Value)> specRows, long rows,
        IReadOnlyDictionary<Regime, long> counts, IReadOnlyList<TheoryCheck> checks, List<string> pngs, IReadOnlyList<string> notes)
    {
        var m = new StringBuilder();
        m.AppendLine($"# EosSweep report — {model.Name}, {Core.Models.LossInfo.Of(spec.Loss).Name}");
        m.AppendLine();
        m.AppendLine("## Spec");
        m.AppendLine();
        m.AppendLine("| setting | value |");
        m.AppendLine("|---|---|");
        foreach (var (k, v) in specRows)
        {
            m.AppendLine($"| {Md(k)} | {Md(v)} |");
        }

        m.AppendLine();
        m.AppendLine("## Regimes");
        m.AppendLine();
        m.AppendLine("| regime | trajectories | share |");
        m.AppendLine("|---|---:|---:|");
        foreach (var r in RegimeRules.All)
        {
            long n = counts.GetValueOrDefault(r);
            m.AppendLine($"| {RegimeRules.Name(r)} | {n:N0} | {Share(n, rows)} |");
        }

        m.AppendLine();
        m.AppendLine("## Theory checks");
        m.AppendLine();
        m.AppendLine("| check | value | expected | verdict | what |");
        m.AppendLine("|---|---:|---|---|---|");
        foreach (var c in checks)
        {
            string verdict = c.Passed switch { true => "pass", false => "**FAIL**", null => "—" };
            m.AppendLine($"| {Md(c.Name)} | {Md(Num(c.Value))} | {Md(c.Expected)} | {verdict} | {Md(c.Description)} |");
        }

        m.AppendLine();
        m.AppendLine("## Figures");
        m.AppendLine();
        foreach (var png in pngs)
        {
            string name = Path.GetFileName(png);
            m.AppendLine($"![{name}]({name})");
            m.AppendLine();
        }

        foreach (var note in notes)
        {
            m.AppendLine($"Note: {note}");
            m.AppendLine();
        }

        return m.ToString();
    }

    private static string Share(long n, long rows) => rows == 0 ? "—" : (100.0 * n / rows).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Num(double v) => double.IsNaN(v) ? "—" : v.ToString("G6", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Md(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
