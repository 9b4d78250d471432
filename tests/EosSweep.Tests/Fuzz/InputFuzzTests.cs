using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Engine;
using EosSweep.Storage;
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

    private static readonly string[] Models = ["xy", "mean"];

    [Fact]
    public async Task CommandLine_FuzzedRunArguments_RunCompletely_OrAreRefusedInOneLineWithExit2_NeverAStackTrace()
    {
        // Real flags with bad, edge and valid values, and no poison flag: a command may be valid (a model and nothing
        // wrong), and then it must run to a complete data set in its own temporary --out. Valid values are cheap ones
        // (one-point or 2 × 2 grids, 3 steps or the default budget of a one-point xy or mean grid, on the SIMD path:
        // milliseconds). Left out because a valid run of them compiles an ILGPU kernel (seconds each): the model
        // sparse-coding (its data generator) and --trace all (the traced kernel); their bad input is in BadInputTests and
        // TraceTests.
        // "cuda" is bad only where no GPU is present; where one is, the command runs, and either outcome is checked.
        string[] flags = ["--model", "--loss", "--eta", "--y0", "--d", "--steps", "--tau", "--precision", "--accelerator", "--batch", "--tol", "--trace", "--step", "--seed"];
        string[] bad = ["nope", "0", "-1", "1e999", "NaN", "log:1:2", "lin:0:1:0", "ids:7", "every:eta:0", "fast", "f16", "cuda", ""];
        string[] good = ["xy", "mean", "3", "0.5", "lin:0.2:0.4:2", "f32", "cpu", "square", "logistic1"];
        var root = CliRunner.TempDir();
        var rng = new Random(7);
        int ran = 0, refused = 0;
        try
        {
            for (int i = 0; i < 300; i++)
            {
                var dir = Path.Combine(root, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var args = new List<string> { "run", "--out", dir };
                if (rng.Next(2) == 0)
                {
                    // Half the commands name a model first, so that valid commands are common enough to test.
                    args.AddRange(["--model", Models[rng.Next(Models.Length)]]);
                }

                for (int k = rng.Next(1, 4); k > 0; k--)
                {
                    args.Add(flags[rng.Next(flags.Length)]);
                    args.Add(rng.Next(2) == 0 ? good[rng.Next(good.Length)] : bad[rng.Next(bad.Length)]);
                }

                var command = string.Join(' ', args.Select(a => a.Length == 0 ? "''" : a));
                var r = CliRunner.Run([.. args]);
                Assert.DoesNotContain("   at ", r.Stderr + r.Stdout, StringComparison.Ordinal);
                Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
                if (r.ExitCode == 0)
                {
                    var reader = await DataSetReader.OpenAsync(dir);
                    Assert.True(reader.Complete, $"{command}: exit 0 without a complete data set");
                    Assert.Equal(SpecResolver.Resolve(reader.Settings, ModelCatalog.All).Grid.Count, reader.RowCount);
                    ran++;
                }
                else
                {
                    Assert.True(r.ExitCode == 2, $"{command}: exit {r.ExitCode}, expected 2 for bad input: {r.Stderr}");
                    var line = Assert.Single(r.ErrorLines);
                    Assert.StartsWith("eos-sweep: error: ", line, StringComparison.Ordinal);
                    Assert.False(Directory.Exists(dir), $"{command}: refused, yet created {dir}");
                    refused++;
                }
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        // Both outcomes are reached, so neither branch above is vacuous.
        Assert.True(ran >= 5 && refused >= 100, $"{ran} commands ran, {refused} were refused");
    }
}
