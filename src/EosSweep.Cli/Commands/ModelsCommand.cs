using System.CommandLine;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Engine;

namespace EosSweep.Cli.Commands;

/// <summary><c>eos-sweep models</c>: the models, their axes, options, extra columns, parameters, losses and theory.</summary>
public static class ModelsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("models", "List models, their axes, options, parameters, losses and theory formulas");
        cmd.SetAction(_ => CliAction.Guard(stderr, () =>
        {
            foreach (var m in ModelCatalog.All)
            {
                stdout.WriteLine($"{m.Name}: {m.Description}");
                stdout.WriteLine($"  parameters: {string.Join(", ", m.Parameters)}");
                stdout.WriteLine($"  losses:     {string.Join(", ", m.Losses.Select(l => LossInfo.Of(l).Name + (l == m.DefaultLoss ? " (default)" : string.Empty)))}");
                stdout.WriteLine("  axes:");
                foreach (var a in m.Axes)
                {
                    stdout.WriteLine($"    {a.Flag,-12} {a.Description} [default {SpecJson.Num(a.Default)}]{(a.Integer ? " (integer)" : string.Empty)}");
                }

                if (m.Options.Count > 0)
                {
                    stdout.WriteLine("  options:");
                    foreach (var o in m.Options)
                    {
                        stdout.WriteLine($"    {o.Flag,-12} {string.Join("|", o.Values)} [default {o.Default}]: {o.Description}");
                    }
                }

                if (m.ExtraColumns.Count > 0)
                {
                    stdout.WriteLine($"  columns:    {string.Join(", ", m.ExtraColumns)} (besides the common ones)");
                }

                stdout.WriteLine("  theory:");
                foreach (var t in m.Theory)
                {
                    stdout.WriteLine($"    {t}");
                }

                stdout.WriteLine();
            }

            stdout.WriteLine("losses:");
            foreach (var l in LossInfo.All)
            {
                stdout.WriteLine($"  {l.Name,-9} ℓ(s) = {l.Formula}; ℓ''(0) = {SpecJson.Num(l.CurvatureAtZero)}");
            }

            stdout.WriteLine();
            stdout.WriteLine("regimes: " + RegimeRules.Text);
            return 0;
        }));
        return cmd;
    }
}
