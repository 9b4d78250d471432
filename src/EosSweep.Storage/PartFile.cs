using System.Globalization;
using System.Security.Cryptography;
using EosSweep.Core.Results;
using Parquet;
using Parquet.Schema;

namespace EosSweep.Storage;

/// <summary>
/// Checks one part file of a data set and says in a few words what is wrong with it: missing, truncated (size
/// below the recorded one, or no Parquet footer), an unreadable footer, rows or <c>traj_id</c>s that do not match
/// its name, or (when asked) content that no longer matches its recorded SHA-256.
/// </summary>
internal static class PartFile
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <summary>What a readable part holds.</summary>
    /// <param name="Part">Rows and id range as read from the file (size and hash filled when known).</param>
    /// <param name="Metadata">The Parquet key-value metadata.</param>
    /// <param name="Columns">Column names in file order.</param>
    internal sealed record Info(DataSetPart Part, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<string> Columns);

    /// <summary>Checks the part <paramref name="name"/> in <paramref name="dir"/>.</summary>
    /// <param name="dir">The data set directory.</param>
    /// <param name="name">The part's file name.</param>
    /// <param name="record">What a manifest says about it (size and hash are checked when present), or null.</param>
    /// <param name="verifyHash">Read the whole file and compare its SHA-256 with <paramref name="record"/>'s
    /// (when the record has one); without a record the hash is computed and returned.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The part's content, or the problem in a few words (no file name, no full stop).</returns>
    public static async Task<(Info? Info, string? Problem)> CheckAsync(
        string dir, string name, DataSetPart? record, bool verifyHash, CancellationToken ct = default)
    {
        var path = Path.Combine(dir, name);
        var inv = CultureInfo.InvariantCulture;
        long size;
        try
        {
            size = new FileInfo(path).Length;
        }
        catch (FileNotFoundException)
        {
            return (null, "missing");
        }

        if (record?.Bytes is { } expected && size != expected)
        {
            return (null, size < expected
                ? string.Create(inv, $"truncated: {size:N0} bytes, its manifest says {expected:N0}")
                : string.Create(inv, $"wrong size: {size:N0} bytes, its manifest says {expected:N0}"));
        }

        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            var problem = CheckMagic(stream, size);
            if (problem is not null)
            {
                return (null, problem);
            }

            DataSetPart part;
            IReadOnlyDictionary<string, string> kv;
            string[] columns;
            try
            {
                stream.Position = 0;
                await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: ct).ConfigureAwait(false);
                var fields = reader.Schema.DataFields;
                columns = new string[fields.Length];
                for (int i = 0; i < fields.Length; i++)
                {
                    columns[i] = fields[i].Name;
                }

                if (Find(reader, ResultColumns.TrajId) is not DataField idField || idField.ClrType != typeof(long) || idField.IsNullable)
                {
                    return (null, "has no int64 traj_id column");
                }

                if (Find(reader, ResultColumns.Regime) is null)
                {
                    return (null, "has no regime column");
                }

                var (rows, first, last, contiguous) = await ScanIdsAsync(reader, idField, ct).ConfigureAwait(false);
                if (rows == 0)
                {
                    return (null, "holds no rows");
                }

                if (!contiguous)
                {
                    return (null, "its traj_id column is not one increasing run of indices");
                }

                if (DataSetLayout.PartRange(name) is { } named && (named.Start != first || named.End != last + 1))
                {
                    return (null, string.Create(inv, $"holds trajectories {first}..{last}, but its name says {named}"));
                }

                if (record is not null && (record.Rows != rows || record.FirstTrajId != first || record.LastTrajId != last))
                {
                    return (null, string.Create(inv,
                        $"holds trajectories {first}..{last} ({rows} rows), its manifest says {record.FirstTrajId}..{record.LastTrajId} ({record.Rows} rows)"));
                }

                kv = new Dictionary<string, string>(reader.CustomMetadata, StringComparer.Ordinal);
                part = new DataSetPart { File = name, Rows = rows, FirstTrajId = first, LastTrajId = last, Bytes = size, Sha256 = record?.Sha256 };
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                return (null, "unreadable: " + e.Message.ReplaceLineEndings(" ").Trim());
            }

            if (verifyHash)
            {
                stream.Position = 0;
                var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
                if (record?.Sha256 is { } want && !string.Equals(want, hash, StringComparison.Ordinal))
                {
                    return (null, "corrupt: its content no longer matches the SHA-256 in its manifest");
                }

                part = part with { Sha256 = hash };
            }

            return (new Info(part, kv, columns), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot be read: " + e.Message.ReplaceLineEndings(" ").Trim());
        }
    }

    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string? CheckMagic(FileStream stream, long size)
    {
        var inv = CultureInfo.InvariantCulture;
        if (size < 12)
        {
            return string.Create(inv, $"truncated: {size} bytes, too short for a Parquet file");
        }

        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        stream.ReadExactly(head);
        if (!head.SequenceEqual(Magic))
        {
            return "not a Parquet file (no PAR1 header)";
        }

        stream.Position = size - 4;
        stream.ReadExactly(head);
        return head.SequenceEqual(Magic) ? null : string.Create(inv, $"truncated: {size:N0} bytes and no Parquet footer (PAR1) at its end");
    }

    private static DataField? Find(ParquetReader reader, string name)
    {
        foreach (var f in reader.Schema.DataFields)
        {
            if (f.Name == name)
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>Reads the traj_id column: rows, first, last, and whether ids run first, first + 1, … with no gap.</summary>
    private static async Task<(long Rows, long First, long Last, bool Contiguous)> ScanIdsAsync(ParquetReader reader, DataField idField, CancellationToken ct)
    {
        long rows = 0, first = -1, last = -1;
        bool contiguous = true;
        long[] ids = [];
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            if (n == 0)
            {
                continue;
            }

            if (ids.Length < n)
            {
                ids = new long[n];
            }

            await group.ReadAsync(idField, ids.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            for (int i = 0; i < n; i++)
            {
                if (rows == 0)
                {
                    first = ids[i];
                }
                else if (ids[i] != last + 1)
                {
                    contiguous = false;
                }

                last = ids[i];
                rows++;
            }
        }

        return (rows, first, last, contiguous);
    }
}
