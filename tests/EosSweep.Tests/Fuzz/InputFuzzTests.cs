using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Engine;
using EosSweep.Tests.Cli;

namespace EosSweep.Tests.Fuzz;

/// <summary>
/// Seeded random and malformed inputs to the axis parser, the spec-file reader and the command line: each either
/// parses or fails with <see cref="SweepInputException"/> (one clear line on the CLI) — never another exception.
/// </summary>
public sealed class InputFuzzTests
{
    private static readonly string[] AxisPieces =
        ["log:", "lin:", ":", ",", "0", "1", "2", "5", "9", ".", "e", "E", "-", "+", "1e-3", "NaN", "Infinity", "-Infinity", " ", "x", "1e400", "100000000000", "0.5"];

    [Fact]
    public void AxisParser_NeverThrowsAnythingButSweepInputException()
    {
        var rng = new Random(1234);
        int parsed = 0;
        for (int i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, rng.Next(0, 9)).Select(_ => AxisPieces[rng.Next(AxisPieces.Length)]));
            try
            {
                var axis = AxisSpec.Parse("eta", text, integer: rng.Next(2) == 0);
                Assert.All(axis.Values, v => Assert.True(double.IsFinite(v), $"'{text}' gave a non-finite value"));
                Assert.InRange(axis.Count, 1, AxisSpec.MaxCount);
                parsed++;
            }
            catch (SweepInputException e)
            {
                Assert.DoesNotContain('\n', e.Message);
            }
        }

        Assert.True(parsed > 50, $"only {parsed} inputs parsed: the fuzzer should also reach valid axes");
    }

    [Fact]
    public void SpecReader_NeverThrowsAnythingButSweepInputException()
    {
        const string valid = """{ "model": "xy", "loss": "sqrt", "axes": { "eta": "log:0.01:1:8", "y0": "1,2,3" }, "steps": 100, "precision": "f64", "tau": null, "options": {} }""";
        var rng = new Random(99);
        const string alphabet = "{}[]\":,0123456789.-e abcxyz_";
        for (int i = 0; i < 3000; i++)
        {
            var chars = valid.ToCharArray().ToList();
            for (int m = rng.Next(1, 6); m > 0; m--)
            {
                int at = rng.Next(chars.Count);
                switch (rng.Next(3))
                {
                    case 0:
                        chars.RemoveAt(at);
                        break;
                    case 1:
                        chars.Insert(at, alphabet[rng.Next(alphabet.Length)]);
                        break;
                    default:
                        chars[at] = alphabet[rng.Next(alphabet.Length)];
                        break;
                }
            }

            var json = new string(chars.ToArray());
            try
            {
                var spec = SpecResolver.Resolve(SpecJson.Parse(json), ModelCatalog.All);
                Assert.True(spec.Grid.Count >= 1);
            }
            catch (SweepInputException e)
            {
                Assert.DoesNotContain('\n', e.Message);
            }
        }
    }

    [Fact]
    public void CommandLine_BadArguments_OneLineAndNonZeroExit_NeverAStackTrace()
    {
        string[] flags = ["--model", "--loss", "--eta", "--y0", "--d", "--steps", "--tau", "--precision", "--accelerator", "--batch", "--tol", "--trace", "--step", "--seed"];
        string[] values = ["xy", "mean", "sparse-coding", "nope", "0", "-1", "1e999", "NaN", "log:1:2", "lin:0:1:0", "all", "ids:7", "every:eta:0", "fast", "f16", "cuda", ""];
        var rng = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            var args = new List<string> { "run", "--out", Path.Combine(Path.GetTempPath(), "eos-fuzz-never-created", i.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            for (int k = rng.Next(1, 4); k > 0; k--)
            {
                args.Add(flags[rng.Next(flags.Length)]);
                args.Add(values[rng.Next(values.Length)]);
            }

            // Every generated command holds at least one bad value or an impossible combination, or names no model
            // and no preset; make sure of it by adding a bad step count when it might be valid.
            args.Add("--steps");
            args.Add("0");
            var r = CliRunner.Run([.. args]);
            Assert.NotEqual(0, r.ExitCode);
            Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
            Assert.True(r.ErrorLines.Length >= 1, string.Join(' ', args));
        }
    }
}
