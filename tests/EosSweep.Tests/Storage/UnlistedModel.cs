using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Storage;

namespace EosSweep.Tests.Storage;

/// <summary>
/// A model registered nowhere (not built in, in no assembly the CLI loads), with every kind of column a data set can
/// hold: a double and an integer axis besides η and a seed, two parameters, an extra column and an option; and theory
/// (a check and a boundary curve) that a reader only has when the model is loaded. Stands for a user model read
/// without its <c>--model-assembly</c>.
/// </summary>
internal sealed class UnlistedModel : ModelInfo
{
    public const string PeakRatio = "peak_ratio";

    public const string CheckName = "unlisted_check";

    public static UnlistedModel Instance { get; } = new();

    public override string Name => "unlisted";

    public override string Description => "a model only this test knows";

    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta", 0.1, "step size η", PositiveOnly: true),
        new("x0", 1.0, "initial x (sets the sharpness)"),
        new("width", 4, "width of the layer", Integer: true, PositiveOnly: true),
        new("seed", 0, "seed of the start", Integer: true),
    ];

    public override IReadOnlyList<string> Parameters { get; } = ["a", "b"];

    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Square, LossKind.Logistic];

    public override LossKind DefaultLoss => LossKind.Square;

    public override IReadOnlyList<string> ExtraColumns { get; } = [PeakRatio];

    public override string ExtraColumnMeaning(string column) =>
        column == PeakRatio ? "largest loss over the first loss" : base.ExtraColumnMeaning(column);

    public override IReadOnlyList<ModelOption> Options { get; } = [new("init", ["plain", "scaled"], "plain", "how the start is drawn")];

    public override IReadOnlyList<string> Theory { get; } = ["the edge at η·x0/2 = 1"];

    public override IReadOnlyList<TheoryCurve> Curves(SweepSpec spec) =>
        [new("η·x0 = 2", "eta", "x0", [(0.2, 10.0), (10.0, 0.2)])];

    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table) =>
        [new(CheckName, "a check only the loaded model makes", table.Count, "informational", null)];

    /// <summary>12 × 10 × 1 × 2 = 240 trajectories over η and x0, option init = scaled, loss square.</summary>
    public static SweepSpec Spec() => SpecResolver.Resolve(
        new SweepSettings
        {
            Model = Instance.Name,
            Loss = "square",
            Axes = new Dictionary<string, string>
            {
                ["eta"] = "log:0.1:10:12",
                ["x0"] = "lin:0.5:2:10",
                ["width"] = "4",
                ["seed"] = "0,1",
            },
            Options = new Dictionary<string, string> { ["init"] = "scaled" },
            Steps = 100,
        },
        [Instance]);

    /// <summary>
    /// Writes <paramref name="spec"/>'s data set with the storage writer: ratio r = η·x0/2 as the stability ratio (so the
    /// maps show a boundary), gf below 0.9, eos to 1.5, diverged above (ratio NaN there), like a real sweep would.
    /// </summary>
    public static async Task WriteAsync(string dir, SweepSpec spec, bool complete = true, bool overwrite = false)
    {
        const int capacity = 16;
        int p = Instance.Parameters.Count;
        var batch = new ResultBatch(p, capacity, Instance.ExtraColumns.Count);
        await using var writer = await DataSetWriter.CreateAsync(
            dir, spec, Instance, StorageData.RunInfo, overwrite, new DataSetWriterOptions { RowsPerPart = 64, Batch = capacity });
        foreach (var part in writer.Pending)
        {
            for (long start = part.Start; start < part.End; start += capacity)
            {
                int count = (int)Math.Min(capacity, part.End - start);
                batch.Start = start;
                batch.Count = count;
                for (int i = 0; i < count; i++)
                {
                    long id = start + i;
                    double eta = spec.Grid.Value(id, 0), x0 = spec.Grid.Value(id, 1);
                    double r = eta * x0 / 2;
                    var regime = r < 0.9 ? Regime.Gf : r < 1.5 ? Regime.Eos : Regime.Diverged;
                    double Put(int column, double value) => batch.Doubles[(column * capacity) + i] = value;
                    Put(0, x0 / (1 + id));
                    Put(1, -x0);
                    Put(ResultLayout.FinalLoss(p), regime == Regime.Diverged ? double.PositiveInfinity : 1e-3 * r);
                    Put(ResultLayout.MinLoss(p), 1e-4 * r);
                    Put(ResultLayout.SharpnessFinal(p), regime == Regime.Diverged ? double.NaN : x0);
                    Put(ResultLayout.SharpnessMax(p), x0);
                    Put(ResultLayout.StabilityRatio(p), regime == Regime.Diverged ? double.NaN : Math.Min(r, 1));
                    Put(ResultLayout.Extra(p), 1 + r);
                    batch.Ints[(ResultLayout.StepsColumn * capacity) + i] = regime == Regime.Diverged ? 7 : 100;
                    batch.Ints[(ResultLayout.DivergedStepColumn * capacity) + i] = regime == Regime.Diverged ? 7 : -1;
                    batch.Ints[(ResultLayout.RegimeColumn * capacity) + i] = (int)regime;
                }

                await writer.WriteAsync(batch);
            }
        }

        if (complete)
        {
            await writer.CompleteAsync();
        }
    }
}
