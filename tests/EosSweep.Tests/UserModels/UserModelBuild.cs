using System.Diagnostics;

namespace EosSweep.Tests.UserModels;

/// <summary>
/// Builds samples/MyModel and the broken test asset (tests/UserModelAssets/BrokenModel, which orders the sample's build
/// before its own) with one <c>dotnet build -c Release</c>: the user's side of <c>--model-assembly</c>, as the README
/// tells a user to build it. The build is private and happens once per test run: <c>--artifacts-path</c> puts every
/// output and intermediate file of those projects and of the EosSweep projects they reference under
/// <c>user-model-build/</c> in the test's own output folder, so it never writes into samples/, kernels/ or src/ bin
/// and obj folders while other test classes run from them. Later runs find that folder up to date (a few seconds).
/// </summary>
public sealed class UserModelBuild
{
    private static readonly Lazy<(string Root, string SampleDll, string BrokenDll)> Built = new(Build);

    public UserModelBuild()
    {
        (Root, SampleDll, BrokenDll) = Built.Value;
    }

    /// <summary>The repository root (where EosSweep.sln is).</summary>
    public string Root { get; }

    /// <summary>The built sample: model <c>wd-xy</c>.</summary>
    public string SampleDll { get; }

    /// <summary>The built broken asset: model <c>miscounted</c>, whose struct has three parameters and its ModelInfo two.</summary>
    public string BrokenDll { get; }

    private static (string Root, string SampleDll, string BrokenDll) Build()
    {
        string root = FindRoot();
        string artifacts = Path.Combine(AppContext.BaseDirectory, "user-model-build");
        var project = Path.Combine(root, "tests", "UserModelAssets", "BrokenModel", "BrokenModel.csproj");
        var psi = new ProcessStartInfo("dotnet",
            ["build", project, "-c", "Release", "--artifacts-path", artifacts, "-nologo", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };

        // The test host may run under an MSBuild that set these for its own nodes; a nested build must not inherit them.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBuild", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(key);
        }

        using var build = Process.Start(psi)!;
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        if (!build.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            build.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet build of the user model assets did not finish within 5 minutes");
        }

        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build of the user model assets failed ({build.ExitCode}): {stdout.Result}{stderr.Result}");
        }

        // The artifacts layout: bin/<project>/<configuration, lower case>/.
        return (root,
            Path.Combine(artifacts, "bin", "MyModel", "release", "MyModel.dll"),
            Path.Combine(artifacts, "bin", "BrokenModel", "release", "BrokenModel.dll"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EosSweep.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no EosSweep.sln above {AppContext.BaseDirectory}");
    }
}
