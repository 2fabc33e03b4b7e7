using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Storyline.Cli;

/// <summary>Writes one JSON object a line to a text writer, non-ASCII text kept readable and no terminal control left raw.</summary>
internal sealed class JsonLines(TextWriter output)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public void Write(Action<Utf8JsonWriter> writeObject)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, Options))
        {
            writer.WriteStartObject();
            writeObject(writer);
            writer.WriteEndObject();
        }

        output.WriteLine(TerminalText.SafeJson(System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan)));
    }
}
