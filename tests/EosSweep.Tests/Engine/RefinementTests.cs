using EosSweep.Benchmarks;
using EosSweep.Core;
using EosSweep.Core.Refine;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Storage;
using EosSweep.Tests.Cli;

namespace EosSweep.Tests.Engine;

/// <summary>Adaptive refinement (--refine): every refined row equals the dense finest grid's row, and the refined
/// image recovers the dense boundary from a fraction of its trajectories.</summary>
public sealed class RefinementTests
{
    // The xy model on the logistic loss: the edge-of-stability boundary y0² = 8/η crosses this window diagonally.
    private static SweepSpec Coarse(int n, int steps) => SweepHarness.Spec(new SweepSettings
    {
        Model = "xy",
        Loss = "logistic",
        Steps = steps,
        Axes = new Dictionary<string, string> { ["eta"] = $"log:0.05:1:{n}", ["y0"] = $"lin:0.5:16:{n}" },
    });

    private static (RefinePlanner Planner, List<RefinedRows> Levels) Refine(SweepSpec coarse, int levels, int margin)
    {
        var planner = new RefinePlanner(RefineGrid.Create(coarse, levels), margin);
        var done = new List<RefinedRows>();
        RefinedSweep.RunAsync(planner, 0, (rows, _) =>
        {
            done.Add(rows);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        return (planner, done);
    }

    [Fact]
    public void Refinement_EqualsDenseGrid_BitForBit()
    {
        var coarse = Coarse(9, 300);
        var (planner, levels) = Refine(coarse, 2, 1);
        var dense = SweepHarness.Run(planner.Grid.Finest);

        Assert.Equal(3, levels.Count);
        Assert.True(levels[1].Count > 0 && levels[2].Count > 0, "the boundary crosses the window, so levels 1 and 2 compute points");
        int p = 2;
        foreach (var rows in levels)
        {
            for (int r = 0; r < rows.Count; r++)
            {
                var want = dense[(int)rows.TrajIds[r]];
                Assert.Equal(want.Index, rows.TrajIds[r]);
                Assert.Equal(planner.Grid.TrajId(rows.I[r], rows.J[r]), rows.TrajIds[r]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(want.Parameters[0]), BitConverter.DoubleToInt64Bits(rows.Doubles[0][r]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(want.Parameters[1]), BitConverter.DoubleToInt64Bits(rows.Doubles[1][r]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(want.FinalLoss), BitConverter.DoubleToInt64Bits(rows.Doubles[ResultLayout.FinalLoss(p)][r]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(want.SharpnessMax), BitConverter.DoubleToInt64Bits(rows.Doubles[ResultLayout.SharpnessMax(p)][r]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(want.Ratio), BitConverter.DoubleToInt64Bits(rows.Doubles[ResultLayout.StabilityRatio(p)][r]));
                Assert.Equal(want.Steps, rows.Ints[ResultLayout.StepsColumn][r]);
                Assert.Equal(want.DivergedStep, rows.Ints[ResultLayout.DivergedStepColumn][r]);
                Assert.Equal((int)want.Regime, rows.Ints[ResultLayout.RegimeColumn][r]);
            }
        }

        // No point is computed twice.
        var ids = levels.SelectMany(l => l.TrajIds.Take(l.Count)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Refinement_RecoversDenseBoundary_WithinOneCell_FromAFractionOfTrajectories()
    {
        // 16 × 16 refined by 3 levels against the dense 121 × 121 grid (the issue's 64 → 1024 case is the benchmark).
        var coarse = Coarse(16, 300);
        var (planner, _) = Refine(coarse, 3, 1);
        var grid = planner.Grid;
        var dense = SweepHarness.Run(grid.Finest);
        var denseImage = new byte[grid.Rows * grid.Columns];
        foreach (var row in dense)
        {
            int i = (int)(row.Index / grid.Finest.Grid.Stride(grid.RowAxis) % grid.Rows);
            int j = (int)(row.Index / grid.Finest.Grid.Stride(grid.ColumnAxis) % grid.Columns);
            denseImage[(i * grid.Columns) + j] = (byte)row.Regime;
        }

        var want = RefinePlanner.BoundaryOf(denseImage, grid.Rows, grid.Columns);
        var got = RefinePlanner.BoundaryOf(planner.Image(grid.Levels), grid.Rows, grid.Columns);
        Assert.True(want.Count(b => b) > grid.Rows, "the dense grid has a boundary to recover");
        Assert.Equal(0, RefineBoundary.Unmatched(want, got, grid.Rows, grid.Columns, 1));
        Assert.Equal(0, RefineBoundary.Unmatched(got, want, grid.Rows, grid.Columns, 1));
        double share = (double)planner.Computed / (grid.Rows * grid.Columns);
        // At this scale the bands around the boundary are a large share of the small grid (the level-0 grid alone is
        // 1.7 %); the issue's 64 → 1024 case, where the share falls with the resolution, is the benchmark's.
        Assert.True(share < 0.35, $"refinement ran {share:P1} of the dense grid's trajectories");
    }

    [Fact]
    public async Task Refinement_AtTheIssuesScale_64By4Levels_RecoversThe1009GridBoundary_FromUnder15PercentOfItsTrajectories()
    {
        // The issue's case: 64 × 64 refined by 4 levels against the dense 1009 × 1009 grid (about 10⁶ trajectories;
        // 100 steps keep the dense run to seconds on the SIMD path).
        var r = await RefineBenchmark.RunAsync(64, 4, 100, 1);
        Assert.Equal(1009, r.Rows);
        Assert.Equal(1009L * 1009, r.Dense);
        Assert.True(r.DenseBoundary > 4 * r.Rows, $"the dense grid has a long boundary to recover ({r.DenseBoundary} cells)");
        Assert.Equal(0, r.Missed);
        Assert.Equal(0, r.Extra);
        Assert.True(r.Share < 0.15, $"refinement ran {r.Share:P1} of the dense grid's trajectories");
    }

    public static TheoryData<string> ModelsWithData => ["mlp", "sparse-coding"];

    [Theory]
    [MemberData(nameof(ModelsWithData))]
    public void Refinement_OfAModelWithData_EqualsDenseGrid_BitForBit_EveryColumn(string model)
    {
        // The data is generated per value of the data axes, so a refined point reads the dense point's data; for
        // sparse-coding one refined axis (λ) is itself a data axis.
        var coarse = SweepHarness.Spec(model == "mlp"
            ? new SweepSettings
            {
                Model = "mlp",
                Steps = 40,
                Axes = new Dictionary<string, string> { ["eta1"] = "log:0.5:200:5", ["eta2"] = "log:0.5:40:5", ["m"] = "4", ["d"] = "3", ["seed"] = "3" },
                Options = new Dictionary<string, string> { ["sharpness_every"] = "5" },
            }
            : new SweepSettings
            {
                Model = "sparse-coding",
                Steps = 60,
                Axes = new Dictionary<string, string> { ["eta"] = "log:0.02:4:5", ["lambda"] = "lin:1:5:5", ["d"] = "8", ["n"] = "24", ["n_test"] = "50", ["seed"] = "1" },
            });
        var (planner, levels) = Refine(coarse, 2, 1);
        var dense = SweepHarness.Run(planner.Grid.Finest);
        Assert.True(levels[1].Count > 0, "the regimes change inside the window, so level 1 computes points");
        int p = dense[0].Parameters.Length;
        foreach (var rows in levels)
        {
            for (int r = 0; r < rows.Count; r++)
            {
                var want = dense[(int)rows.TrajIds[r]];
                double[] expected = [.. want.Parameters, want.FinalLoss, want.MinLoss, want.SharpnessFinal, want.SharpnessMax, want.Ratio, .. want.Extras];
                Assert.Equal(expected.Length, rows.Doubles.Length);
                for (int c = 0; c < expected.Length; c++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[c]), BitConverter.DoubleToInt64Bits(rows.Doubles[c][r]));
                }

                Assert.Equal(want.Steps, rows.Ints[ResultLayout.StepsColumn][r]);
                Assert.Equal((int)want.Regime, rows.Ints[ResultLayout.RegimeColumn][r]);
            }
        }

        Assert.Equal(p, ModelCatalog.Find(model).Parameters.Count);
    }

    [Fact]
    public void RefineGrid_RefusesAGridThatIsNot2D()
    {
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "xy",
            Axes = new Dictionary<string, string> { ["eta"] = "log:0.05:1:8" },
        });
        var e = Assert.Throws<SweepInputException>(() => RefineGrid.Create(spec, 2));
        Assert.Contains("2-axis grid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefinedDataSet_ResumesAtTheFirstUnrecordedLevel_WithTheSameRows()
    {
        var coarse = Coarse(9, 200);
        var dir = Path.Combine(Path.GetTempPath(), "eos-refine-" + Guid.NewGuid().ToString("N"));
        try
        {
            var model = ModelCatalog.Find("xy");
            var grid = RefineGrid.Create(coarse, 2);
            using (var set = RefinedDataSet.Open(dir, grid, 1, model, overwrite: false))
            {
                // A run that stops after level 1 was recorded (as if killed while level 2 computed).
                var planner = new RefinePlanner(grid, 1);
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RefinedSweep.RunAsync(planner, 0, async (rows, ct) =>
                {
                    await set.WriteLevelAsync(rows, ct);
                    if (rows.Level == 1)
                    {
                        throw new OperationCanceledException();
                    }
                }));
            }

            List<RefinedRows> resumed = [];
            using (var set = RefinedDataSet.Open(dir, grid, 1, model, overwrite: false))
            {
                Assert.Equal(2, set.Plan.CompletedLevels);
                var planner = new RefinePlanner(grid, 1);
                await set.LoadAsync(planner);
                await RefinedSweep.RunAsync(planner, set.Plan.CompletedLevels, async (rows, ct) =>
                {
                    resumed.Add(rows);
                    await set.WriteLevelAsync(rows, ct);
                });
                Assert.True(set.Plan.Complete);
            }

            var (_, uninterrupted) = Refine(coarse, 2, 1);
            Assert.True(uninterrupted[2].Count > 0, "the boundary crosses the window, so level 2 computes points");
            AssertSameRows(uninterrupted[2], Assert.Single(resumed));

            // Every stored level — the two written before the interruption and the one written after — holds the
            // uninterrupted run's rows in every column, read back by DuckDB.
            for (int level = 0; level <= 2; level++)
            {
                AssertStoredLevel(grid, uninterrupted[level], Path.Combine(dir, RefinedDataSet.LevelFile(level)));
            }
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>The same rows in the same order, every column bit for bit.</summary>
    private static void AssertSameRows(RefinedRows want, RefinedRows got)
    {
        Assert.Equal(want.Level, got.Level);
        Assert.Equal(want.Count, got.Count);
        int n = want.Count;
        Assert.Equal(want.TrajIds.Take(n), got.TrajIds.Take(n));
        Assert.Equal(want.I.Take(n), got.I.Take(n));
        Assert.Equal(want.J.Take(n), got.J.Take(n));
        Assert.Equal(want.Doubles.Length, got.Doubles.Length);
        for (int c = 0; c < want.Doubles.Length; c++)
        {
            Assert.Equal(want.Doubles[c].Take(n).Select(BitConverter.DoubleToInt64Bits), got.Doubles[c].Take(n).Select(BitConverter.DoubleToInt64Bits));
        }

        for (int c = 0; c < want.Ints.Length; c++)
        {
            Assert.Equal(want.Ints[c].Take(n), got.Ints[c].Take(n));
        }
    }

    /// <summary>The level file holds exactly <paramref name="want"/>'s rows: traj_id, level, cell, axis values of that
    /// traj_id in the finest grid, every double bit for bit, steps, diverged, diverged_step and regime.</summary>
    private static void AssertStoredLevel(RefineGrid grid, RefinedRows want, string path)
    {
        var model = ModelCatalog.Find("xy");
        var schema = new ResultSchema(model);
        var stored = ParquetRows.Read(path);
        Assert.Equal(want.Count, stored.Rows.Count);
        var order = Enumerable.Range(0, want.Count).OrderBy(r => want.TrajIds[r]).ToArray();
        for (int k = 0; k < order.Length; k++)
        {
            int r = order[k];
            long id = want.TrajIds[r];
            Assert.Equal(id, (long)stored.Value(k, ResultColumns.TrajId));
            Assert.Equal(want.Level, (int)stored.Value(k, RefinedDataSet.LevelColumn));
            Assert.Equal(want.I[r], (int)stored.Value(k, RefinedDataSet.RowColumn));
            Assert.Equal(want.J[r], (int)stored.Value(k, RefinedDataSet.ColumnColumn));
            Assert.Equal("xy", stored.Value(k, ResultColumns.Model));
            Assert.Equal("logistic", stored.Value(k, ResultColumns.Loss));
            for (int a = 0; a < grid.Finest.Axes.Count; a++)
            {
                var axis = model.Axes[a];
                double value = grid.Finest.Grid.Value(id, a);
                Assert.True(ParquetRows.Same(axis.Integer ? (object)(long)value : value, stored.Value(k, axis.Name)), $"{path}: traj_id {id}, axis {axis.Name}");
            }

            for (int c = 0; c < schema.DoubleFields.Count; c++)
            {
                var name = schema.DoubleFields[c].Name;
                Assert.True(ParquetRows.Same(want.Doubles[c][r], stored.Value(k, name)), $"{path}: traj_id {id}, column {name}");
            }

            var regime = (Regime)want.Ints[ResultLayout.RegimeColumn][r];
            Assert.Equal(want.Ints[ResultLayout.StepsColumn][r], (int)stored.Value(k, ResultColumns.Steps));
            Assert.Equal(regime == Regime.Diverged, (bool)stored.Value(k, ResultColumns.Diverged));
            Assert.Equal(want.Ints[ResultLayout.DivergedStepColumn][r], (int)stored.Value(k, ResultColumns.DivergedStep));
            Assert.Equal(RegimeRules.Name(regime), stored.Value(k, ResultColumns.Regime));
        }
    }
}
