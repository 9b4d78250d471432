using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Engine;

/// <summary>
/// A batch on an ILGPU accelerator: one kernel launch, then the rows (and trace rows) copied back to the host.
/// The device buffers belong to the session; the trace slots are uploaded by it before <see cref="Run"/>.
/// </summary>
internal sealed class IlgpuBatchCompute(
    Accelerator accelerator,
    SweepLaunch launch,
    MemoryBuffer1D<double, Stride1D.Dense> values,
    MemoryBuffer1D<long, Stride1D.Dense> meta,
    MemoryBuffer1D<double, Stride1D.Dense> outD,
    MemoryBuffer1D<int, Stride1D.Dense> outI,
    ModelData data,
    MemoryBuffer1D<int, Stride1D.Dense> traceSlots,
    MemoryBuffer1D<double, Stride1D.Dense> traceBuffer,
    int[] slotHost) : IBatchCompute
{
    /// <inheritdoc/>
    public void Run(KernelArgs args, ResultBatch batch)
    {
        int cap = args.Capacity;
        launch.Launch(args.Count, new SweepViews(values.View, meta.View, args, outD.View, outI.View, data, traceSlots.View, traceBuffer.View));
        accelerator.Synchronize();
        if (batch.Traces is { } traces)
        {
            traceSlots.CopyToCPU(slotHost);
            for (int i = 0; i < args.Count; i++)
            {
                if (slotHost[i] >= 0)
                {
                    traces.Counts[slotHost[i]] = slotHost[cap + i];
                }
            }

            traceBuffer.CopyToCPU(traces.Buffer);
        }

        outD.CopyToCPU(batch.Doubles);
        outI.CopyToCPU(batch.Ints);
    }
}
