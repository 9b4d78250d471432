using EosSweep.Cli;
using EosSweep.Core.Grid;
using EosSweep.Storage;

namespace EosSweep.Tests.Cli;

/// <summary>
/// Storage states why a directory cannot be used and names no flag; the CLI (<see cref="CliErrors.Wording"/>) turns each
/// typed exception into the line users have always seen, flag advice included. Each row pins one line exactly.
/// </summary>
public sealed class StorageErrorWordingTests
{
    private const string Dir = "runs/a";

    public static TheoryData<DataSetException, string> Lines => new()
    {
        { new OutputIsFileException(Dir), "output path 'runs/a' is a file, not a directory; use another --out" },
        { new ForeignDirectoryException(Dir), "output directory 'runs/a' is not empty and holds no EosSweep data set; use another --out" },
        { new OtherSweepException(Dir, OtherSweepException.DifferentSweep), "output directory 'runs/a' holds a different sweep; use --overwrite or another --out" },
        { new OtherSweepException(Dir, OtherSweepException.DifferentRefinedSweep), "output directory 'runs/a' holds a different refined sweep; use --overwrite or another --out" },
        { new OtherSweepException(Dir, OtherSweepException.DenseSweep), "output directory 'runs/a' holds a dense sweep; use --overwrite or another --out" },
        { new OtherSweepException(Dir, OtherSweepException.UnreadableSweepFile("bad JSON")), "output directory 'runs/a' holds an unreadable sweep.json (bad JSON); use --overwrite or another --out" },
        { new NothingToResumeException(Dir), "--resume: 'runs/a' holds no data set to resume; run without --resume to start it" },
        { new WriterBusyException(Dir, Shard.Whole), "another eos-sweep process is writing 'runs/a'; wait for it or stop it" },
        { new WriterBusyException(Dir, new Shard(1, 3)), "shard 1/3 of 'runs/a' is being written by another eos-sweep process; wait for it or stop it" },
        {
            new OtherEngineException(Dir, "0.0.1+elsewhere", "0.1.0"),
            "'runs/a' was started by engine 0.0.1+elsewhere and this is engine 0.1.0: results are bit-identical only within one engine version, so resume it with engine 0.0.1+elsewhere, or start again with --overwrite"
        },
        {
            new IncompleteDataSetException(Dir, 1047, 1070, [new IndexRange(23, 46)]),
            "data set 'runs/a' is incomplete: 1,047 of 1,070 trajectories are done (missing 23..45); the sweep stopped or is still running; 'eos-sweep status runs/a' shows each shard, --allow-incomplete uses the part files there"
        },
        {
            new DamagedDataSetException(Dir, new DamagedPart("part-0000000021-0000000041.parquet", new IndexRange(21, 42), "missing")),
            "part file 'runs/a/part-0000000021-0000000041.parquet' is damaged: missing; 'eos-sweep status runs/a' lists all damage, and running the same 'eos-sweep run' again (or with --resume) recomputes it"
        },
        { new DamagedLevelException(Dir, "'runs/a/level-1.parquet' holds 3 rows, refine.json says 4", whileReading: false), "'runs/a/level-1.parquet' holds 3 rows, refine.json says 4; rerun with --overwrite" },
        { new DamagedLevelException(Dir, "refined level file 'runs/a/level-1.parquet' is missing or damaged (gone)", whileReading: true), "refined level file 'runs/a/level-1.parquet' is missing or damaged (gone); rerun the sweep with --overwrite" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Wording_IsTheLineTheCliHasAlwaysPrinted(DataSetException e, string line) =>
        Assert.Equal(line, CliErrors.Wording(e));

    [Theory]
    [MemberData(nameof(Lines))]
    public void StorageMessage_NamesNoFlagAndNoCommand(DataSetException e, string line)
    {
        Assert.NotEqual(line, e.Message);
        Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("eos-sweep", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_PrintsTheWordedLine_AndExitsAsBadInput()
    {
        var stderr = new StringWriter();

        int code = CliErrors.Report(new NothingToResumeException(Dir), stderr);

        Assert.Equal(CliErrors.BadInput, code);
        Assert.Equal("eos-sweep: error: --resume: 'runs/a' holds no data set to resume; run without --resume to start it\n", stderr.ToString());
    }
}
