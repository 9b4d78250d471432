using Parquet;
using Parquet.Schema;

namespace EosSweep.Storage;

/// <summary>
/// One Parquet file written crash-safely, the protocol every writer of a data set shares (parts, refined levels,
/// traces): row groups go to a hidden temporary sibling; <see cref="CommitAsync"/> writes the footer, flushes the file
/// to disk, renames it into place and flushes the directory, so a process killed at any moment leaves either no file
/// or the whole file under its final name. <see cref="AbandonAsync"/> deletes the temporary file instead.
/// </summary>
internal sealed class PartWriter : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _tempPath;
    private FileStream? _stream;
    private ParquetWriter? _writer;

    private PartWriter(string dir, string tempPath, FileStream stream, ParquetWriter writer)
    {
        _dir = dir;
        _tempPath = tempPath;
        _stream = stream;
        _writer = writer;
    }

    /// <summary>Starts <paramref name="name"/> in <paramref name="dir"/> under its temporary name.</summary>
    /// <param name="dir">The directory the file is committed into.</param>
    /// <param name="name">The final file name.</param>
    /// <param name="schema">The columns.</param>
    /// <param name="options">Codec and encodings; null takes Parquet.Net's defaults.</param>
    /// <param name="metadata">The file's key-value metadata.</param>
    /// <param name="ct">Cancels creating the file.</param>
    public static async Task<PartWriter> OpenAsync(
        string dir, string name, ParquetSchema schema, ParquetOptions? options, IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        var temp = Path.Combine(dir, DataSetLayout.TempName(name));
        var stream = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        try
        {
            var writer = await ParquetWriter.CreateAsync(schema, stream, options, cancellationToken: ct).ConfigureAwait(false);
            writer.CustomMetadata = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
            return new PartWriter(dir, temp, stream, writer);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>A new row group; write its columns in schema order and dispose it before the next one.</summary>
    public ParquetRowGroupWriter CreateRowGroup() => (_writer ?? throw new InvalidOperationException("the file is closed")).CreateRowGroup();

    /// <summary>
    /// Writes the footer, flushes the file to disk, renames it to <paramref name="name"/> and flushes the directory.
    /// <paramref name="observer"/> is told <see cref="WritePoint.Temp"/> once the temporary file is complete and
    /// <see cref="WritePoint.Rename"/> once it is in place.
    /// </summary>
    /// <param name="name">The final file name (a part closed early is named by the rows it holds).</param>
    /// <param name="hash">Compute the file's SHA-256 (before the rename).</param>
    /// <param name="observer">Watches the protocol; null for none.</param>
    /// <returns>The file's size in bytes and, with <paramref name="hash"/>, its SHA-256.</returns>
    public async Task<(long Bytes, string? Sha256)> CommitAsync(string name, bool hash, IWriteObserver? observer = null)
    {
        var writer = _writer ?? throw new InvalidOperationException("the file is closed");
        var stream = _stream ?? throw new InvalidOperationException("the file is closed");
        _writer = null;
        await writer.DisposeAsync().ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
        stream.Flush(flushToDisk: true);
        _stream = null;
        long bytes = stream.Length;
        await stream.DisposeAsync().ConfigureAwait(false);
        observer?.Reached(WritePoint.Temp);
        var sha = hash ? PartFile.Sha256(_tempPath) : null;
        File.Move(_tempPath, Path.Combine(_dir, name), overwrite: true);
        DirectorySync.Flush(_dir);
        observer?.Reached(WritePoint.Rename);
        return (bytes, sha);
    }

    /// <summary>Drops the file after a failed write or commit: its footer may not be writable, so the temporary file is
    /// deleted rather than renamed. Does nothing once committed.</summary>
    public async Task AbandonAsync()
    {
        var writer = _writer;
        var stream = _stream;
        _writer = null;
        _stream = null;
        if (stream is null)
        {
            return;
        }

        try
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // The file is already broken; writing its footer may fail as well. It is deleted below.
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            File.Delete(_tempPath);
        }
    }

    /// <summary>Abandons the file unless it was committed.</summary>
    public ValueTask DisposeAsync() => new(AbandonAsync());
}
