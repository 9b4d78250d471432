using System.Globalization;
using System.Text;
using EosSweep.Core;
using EosSweep.Core.Models;

namespace EosSweep.Analysis;

/// <summary>
/// Writes <c>summary.csv</c>: header <c>section,name,value,expected,passed,description</c>; one
/// <c>regime</c> row per regime (value = count, description = fraction of rows), one <c>rows</c> row
/// (the total), then one <c>check</c> row per theory check (passed = true, false or blank when it cannot
/// be judged). Invariant culture, RFC 4180 quoting; a NaN value is written blank, infinities as
/// <c>inf</c>/<c>-inf</c>.
/// </summary>
internal static class SummaryCsv
{
    public const string Header = "section,name,value,expected,passed,description";

    public static void Write(string path, long rows, IReadOnlyDictionary<Regime, long> counts, IReadOnlyList<TheoryCheck> checks)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (var r in RegimeRules.All)
        {
            long n = counts.GetValueOrDefault(r);
            double fraction = rows == 0 ? 0 : (double)n / rows;
            Row(sb, "regime", RegimeRules.Name(r), n.ToString(CultureInfo.InvariantCulture), "", "",
                "fraction " + fraction.ToString("0.######", CultureInfo.InvariantCulture));
        }

        Row(sb, "rows", "total", rows.ToString(CultureInfo.InvariantCulture), "", "", "trajectories in the table");
        foreach (var c in checks)
        {
            Row(sb, "check", c.Name, Number(c.Value), c.Expected, c.Passed switch { true => "true", false => "false", null => "" }, c.Description);
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    /// <summary>A double as CSV text: round-trip digits, blank for NaN, inf/-inf for infinities.</summary>
    public static string Number(double v) =>
        double.IsNaN(v) ? "" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Quotes a field when it holds a comma, quote, line break or edge space.</summary>
    public static string Quote(string field)
    {
        bool needs = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '));
        return needs ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }

    private static void Row(StringBuilder sb, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Quote(fields[i]));
        }

        sb.Append('\n');
    }
}
