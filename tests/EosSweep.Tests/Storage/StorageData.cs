using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Storage;

namespace EosSweep.Tests.Storage;

/// <summary>A small sweep and deterministic result values (with NaN, ±Inf, −0 and all four regimes) to write and check.</summary>
internal static class StorageData
{
    /// <summary>Run information written with every test data set.</summary>
    public static IReadOnlyDictionary<string, string> RunInfo { get; } =
        new Dictionary<string, string> { ["accelerator"] = "CPUAccelerator (test)", ["precision"] = "f64" };

    /// <summary>5 × 3 × 2 × 2 = 60 trajectories.</summary>
    public static SweepSpec Spec(int steps = 100) => SpecResolver.Resolve(
        new SweepSettings
        {
            Model = FakeXyModel.Instance.Name,
            Loss = "logistic",
            Axes = new Dictionary<string, string>
            {
                ["eta"] = "log:0.01:1:5",
                ["x0"] = "lin:-1:1:3",
                ["y0"] = "0.5,1.5",
                ["seed"] = "0,1",
            },
            Steps = steps,
        },
        [FakeXyModel.Instance]);

    /// <summary>Double column <paramref name="c"/> (ResultLayout order) of trajectory <paramref name="id"/>.</summary>
    public static double Double(long id, int c)
    {
        if (c == 0 && id % 7 == 3)
        {
            return double.NaN;
        }

        if (c == 1 && id % 11 == 5)
        {
            return double.PositiveInfinity;
        }

        if (c == 2 && id % 13 == 2)
        {
            return double.NegativeInfinity;
        }

        if (c == 3 && id % 9 == 4)
        {
            return -0.0;
        }

        if (c == ResultLayout.StabilityRatio(2) && Regime(id) == Core.Regime.Diverged)
        {
            return double.NaN;
        }

        return Math.Sin((id * 0.37) + c) * Math.Pow(10, c - 3);
    }

    public static Regime Regime(long id) => (Regime)(id % 4);

    public static int Steps(long id) => (int)((id * 3) + 1);

    public static int DivergedStep(long id) => Regime(id) == Core.Regime.Diverged ? (int)(id % 50) : -1;

    /// <summary>Fills <paramref name="batch"/> with trajectories [start, start + count).</summary>
    public static void Fill(ResultBatch batch, long start, int count)
    {
        batch.Start = start;
        batch.Count = count;
        int doubles = ResultLayout.DoubleCount(batch.ParameterCount);
        for (int i = 0; i < count; i++)
        {
            long id = start + i;
            for (int c = 0; c < doubles; c++)
            {
                batch.Doubles[(c * batch.Capacity) + i] = Double(id, c);
            }

            batch.Ints[(ResultLayout.StepsColumn * batch.Capacity) + i] = Steps(id);
            batch.Ints[(ResultLayout.DivergedStepColumn * batch.Capacity) + i] = DivergedStep(id);
            batch.Ints[(ResultLayout.RegimeColumn * batch.Capacity) + i] = (int)Regime(id);
        }
    }

    /// <summary>Names of the files and folders in <paramref name="dir"/>, sorted ordinally.</summary>
    public static string[] EntryNames(string dir)
    {
        var names = Directory.GetFileSystemEntries(dir).Select(p => Path.GetFileName(p)).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    /// <summary>Writes the whole grid through one reused batch: the writer's pending parts in order (or reversed),
    /// each in batches of <paramref name="capacity"/>.</summary>
    public static async Task WriteAsync(
        string dir,
        SweepSpec spec,
        int capacity = 7,
        int rowsPerPart = 15,
        bool overwrite = false,
        bool complete = true,
        bool reverseParts = false)
    {
        var batch = new ResultBatch(FakeXyModel.Instance.Parameters.Count, capacity);
        await using var writer = await DataSetWriter.CreateAsync(
            dir, spec, FakeXyModel.Instance, RunInfo, overwrite, new DataSetWriterOptions { RowsPerPart = rowsPerPart, Batch = capacity });
        var parts = writer.Pending.ToList();
        if (reverseParts)
        {
            parts.Reverse();
        }

        foreach (var part in parts)
        {
            for (long start = part.Start; start < part.End; start += capacity)
            {
                Fill(batch, start, (int)Math.Min(capacity, part.End - start));
                await writer.WriteAsync(batch);
            }
        }

        if (complete)
        {
            await writer.CompleteAsync();
        }
    }
}
