using System.Diagnostics;

namespace EosSweep.Tests.UserModels;

/// <summary>
/// Builds samples/MyModel and the broken test asset (tests/UserModelAssets/BrokenModel, which orders the sample's build
/// before its own) with one <c>dotnet build -c Release</c>, once per test class: the user's side of
/// <c>--model-assembly</c>, exactly as the README tells a user to build it. Its restore finds every package in the
/// cache the suite's own build filled, and an up-to-date tree makes it a few seconds.
/// </summary>
public sealed class UserModelBuild
{
    public UserModelBuild()
    {
        Root = FindRoot();
        var project = Path.Combine(Root, "tests", "UserModelAssets", "BrokenModel", "BrokenModel.csproj");
        var psi = new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-nologo", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
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

        SampleDll = Path.Combine(Root, "samples", "MyModel", "bin", "Release", "net10.0", "MyModel.dll");
        BrokenDll = Path.Combine(Root, "tests", "UserModelAssets", "BrokenModel", "bin", "Release", "net10.0", "BrokenModel.dll");
    }

    /// <summary>The repository root (where EosSweep.sln is).</summary>
    public string Root { get; }

    /// <summary>The built sample: model <c>wd-xy</c>.</summary>
    public string SampleDll { get; }

    /// <summary>The built broken asset: model <c>miscounted</c>, whose struct has three parameters and its ModelInfo two.</summary>
    public string BrokenDll { get; }

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
