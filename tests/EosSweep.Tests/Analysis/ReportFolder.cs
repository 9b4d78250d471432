namespace EosSweep.Tests.Analysis;

/// <summary>
/// A fresh folder for one test's report, deleted afterwards. Set EOSSWEEP_KEEP_FIGURES to a folder to
/// keep the figures there instead (one subfolder per test) and look at them.
/// </summary>
internal sealed class ReportFolder : IDisposable
{
    private readonly bool _keep;

    public ReportFolder(string name)
    {
        var keep = Environment.GetEnvironmentVariable("EOSSWEEP_KEEP_FIGURES");
        _keep = !string.IsNullOrEmpty(keep);
        Path = _keep
            ? System.IO.Path.Combine(keep!, name) // keep is non-null: checked on the line above
            : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "eossweep-analysis-" + Guid.NewGuid().ToString("N"));
        if (_keep && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    public string Path { get; }

    public void Dispose()
    {
        if (!_keep && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
