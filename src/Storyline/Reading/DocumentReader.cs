using System.IO.Compression;
using System.Text;

namespace Storyline.Reading;

/// <summary>
/// The Reading stage: turns paths (files, directories searched recursively, or <c>-</c> for JSONL on
/// standard input) into <see cref="RawDocument"/>s. Never throws for a bad input: each problem comes back
/// as a <see cref="ReadResult"/> naming the input and the reason, and reading goes on.
/// </summary>
/// <remarks>Thread-safe: holds only immutable options.</remarks>
public sealed class DocumentReader
{
    /// <summary>The name used for standard input in messages.</summary>
    public const string StandardInputName = "-";

    private readonly ReaderOptions _options;

    /// <summary>Creates a reader with the given limits (or the defaults).</summary>
    public DocumentReader(ReaderOptions? options = null) => _options = options ?? ReaderOptions.Default;

    /// <summary>Reads each path in turn: <c>-</c> reads JSONL from <paramref name="standardInput"/>.</summary>
    public IEnumerable<ReadResult> ReadPaths(IEnumerable<string> paths, TextReader? standardInput = null)
    {
        foreach (var path in paths)
        {
            var results = path == StandardInputName
                ? ReadJsonl(standardInput ?? Console.In, StandardInputName)
                : ReadPath(path);
            foreach (var result in results)
            {
                yield return result;
            }
        }
    }

    /// <summary>Reads one file, or every file below a directory (in ordinal path order, hidden files skipped).</summary>
    public IEnumerable<ReadResult> ReadPath(string path)
    {
        if (Directory.Exists(path))
        {
            return ReadDirectory(path);
        }

        return File.Exists(path) ? ReadFile(path) : [ReadResult.Failed(path, "no such file or directory")];
    }

    /// <summary>Reads a JSONL corpus from a text reader.</summary>
    public IEnumerable<ReadResult> ReadJsonl(TextReader reader, string sourceName) => JsonlReader.Read(reader, sourceName, _options);

    private IEnumerable<ReadResult> ReadDirectory(string directory)
    {
        foreach (var (file, skip) in DirectoryWalker.Walk(directory))
        {
            if (skip is { } skipped)
            {
                yield return skipped;
                continue;
            }

            foreach (var result in ReadFile(file))
            {
                yield return result;
            }
        }
    }

    private IEnumerable<ReadResult> ReadFile(string path)
    {
        var (kind, gzipped) = InputKinds.FromPath(path);
        if (kind == InputKind.Unknown)
        {
            return [ReadResult.Skipped(path, "skipped: not a known document type (.txt, .html, .htm, .gz, .jsonl)")];
        }

        if (IsEmptyOrSpecial(path))
        {
            // Opening a FIFO blocks until a writer comes, for ever in a batch run; nothing in an empty file is lost.
            return kind == InputKind.Jsonl
                ? [ReadResult.Skipped(path, $"skipped: {EmptyOrSpecial}")]
                : [ReadResult.Failed(path, EmptyOrSpecial)];
        }

        if (kind == InputKind.Jsonl)
        {
            return ReadJsonlFile(path, gzipped);
        }

        return [ReadSingleDocument(path, kind, gzipped)];
    }

    private const string EmptyOrSpecial = "empty file, or not a regular file (a FIFO, socket or device); not read";

    /// <summary>
    /// True for an empty file and for a FIFO, socket or device, which .NET does not tell apart from a regular file but
    /// which all report a size of zero: reading one is never needed, and opening a FIFO would block.
    /// </summary>
    private static bool IsEmptyOrSpecial(string path)
    {
        try
        {
            return new FileInfo(path).Length == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // Opening it says why it cannot be read.
        }
    }

    private IEnumerable<ReadResult> ReadJsonlFile(string path, bool gzipped)
    {
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Failed(path, $"cannot read: {e.Message}")];
        }

        return gzipped ? ReadJsonlGzip(file, path) : ReadJsonlStream(file, path);
    }

    private IEnumerable<ReadResult> ReadJsonlGzip(FileStream file, string path)
    {
        using (file)
        {
            var decompressed = new CountingStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true));
            foreach (var result in ReadJsonlStream(decompressed, path))
            {
                yield return result;
            }

            // GZipStream ends quietly at a cut-off file: the trailer tells whether everything was there.
            if (!GzipTrailer.Matches(file, decompressed.BytesRead))
            {
                yield return ReadResult.Failed(path, "truncated gzip data: the lines before the cut were read");
            }
        }
    }

    private IEnumerable<ReadResult> ReadJsonlStream(Stream stream, string path)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var results = JsonlReader.Read(reader, path, _options).GetEnumerator();
        while (true)
        {
            ReadResult result;
            var failed = false;
            try
            {
                if (!results.MoveNext())
                {
                    yield break;
                }

                result = results.Current;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // A truncated .jsonl.gz or a disk error: what was read before stays read.
                result = ReadResult.Failed(path, $"read failed part-way: {e.Message}");
                failed = true;
            }

            yield return result;
            if (failed)
            {
                yield break;
            }
        }
    }

    private ReadResult ReadSingleDocument(string path, InputKind kind, bool gzipped)
    {
        byte[] bytes;
        try
        {
            bytes = ReadBytes(path, gzipped);
        }
        catch (DocumentTooLargeException)
        {
            return ReadResult.Failed(path, $"document larger than {Size(_options.MaxDocumentBytes)}, refused");
        }
        catch (InvalidDataException)
        {
            return ReadResult.Failed(path, "corrupt gzip data");
        }
        catch (EndOfStreamException)
        {
            return ReadResult.Failed(path, "truncated gzip data");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failed(path, $"cannot read: {e.Message}");
        }

        if (bytes.Length == 0)
        {
            return ReadResult.Failed(path, "empty file");
        }

        if (TextDecoding.DetectBom(bytes).Encoding is null && TextDecoding.LooksBinary(bytes))
        {
            return ReadResult.Failed(path, "binary content, not a text or HTML document");
        }

        var externalId = ExternalIdOf(path);
        if (kind == InputKind.Text)
        {
            return TextFileReader.Read(path, TextDecoding.DecodeUndeclared(bytes), externalId);
        }

        return ReadResult.Of(new RawDocument
        {
            Source = path,
            Format = DocumentFormat.Html,
            Content = HtmlCharset.Decode(bytes),
            ExternalId = externalId,
            IdDerived = true,
        });
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes:N0} bytes";

    /// <summary>The file name without its document extensions: <c>a/b/0001.html.gz</c> → <c>0001</c>.</summary>
    private static string ExternalIdOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        return Path.GetFileNameWithoutExtension(name);
    }

    private byte[] ReadBytes(string path, bool gzipped)
    {
        using var file = File.OpenRead(path);
        if (!gzipped && file.Length > _options.MaxDocumentBytes)
        {
            throw new DocumentTooLargeException();
        }

        using Stream source = gzipped ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk)) > 0)
        {
            if (buffer.Length + read > _options.MaxDocumentBytes)
            {
                throw new DocumentTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        if (gzipped && !GzipTrailer.Matches(file, buffer.Length))
        {
            throw new EndOfStreamException();
        }

        return buffer.ToArray();
    }

    private sealed class DocumentTooLargeException : Exception;
}
