using System.CommandLine;
using EosSweep.Engine;

namespace EosSweep.Cli.Commands;

/// <summary><c>eos-sweep devices</c>: the accelerators ILGPU sees.</summary>
public static class DevicesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("devices", "List the accelerators ILGPU sees (name, kind, memory, warp size)");
        cmd.SetAction(_ => CliAction.Guard(stderr, () =>
        {
            using var context = AcceleratorFactory.CreateContext();
            stdout.WriteLine($"{"#",-3} {"kind",-7} {"memory",12} {"warp",5} {"max group",10} {"MPs",5}  name");
            foreach (var d in AcceleratorFactory.List(context))
            {
                stdout.WriteLine($"{d.Index,-3} {d.Kind,-7} {FormatBytes(d.MemoryBytes),12} {d.WarpSize,5} {d.MaxThreadsPerGroup,10} {d.Multiprocessors,5}  {d.Name}");
            }

            // The CPU engines of `run`: which one --accelerator cpu uses, and the lanes it runs at.
            string lanes = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "512-bit (8 f64 / 16 f32)" : "256-bit (4 f64 / 8 f32)";
            var simd = ModelCatalog.BuiltIn.Select(m => (m.Name, Kernel: ModelCatalog.Simd(m, m.DefaultLoss, Core.Precision.F64))).Where(x => x.Kernel is not null).ToList();
            var onKernel = ModelCatalog.BuiltIn.Select(m => m.Name).Except(simd.Select(x => x.Name)).ToList();
            var inexact = simd.Where(x => !x.Kernel!.BitIdentical).Select(x => $"{x.Name} within ~1e-14 ({x.Kernel!.Lanes})").ToList();
            stdout.WriteLine($"cpu engines: --accelerator cpu runs {string.Join(", ", simd.Select(x => x.Name))} on the SIMD path ({lanes} lanes; bit-identical to the kernel"
                + $"{(inexact.Count > 0 ? ", except " + string.Join(", ", inexact) : string.Empty)}), {(onKernel.Count > 0 ? string.Join(", ", onKernel) + " and " : string.Empty)}--trace on ILGPU's CPU accelerator; "
                + "--accelerator cpu-ilgpu uses ILGPU's CPU accelerator for all");
            return 0;
        }));
        return cmd;
    }

    /// <summary>Bytes in binary units.</summary>
    public static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.Length - 1)
        {
            v /= 1024;
            u++;
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v:0.#} {units[u]}");
    }
}
