using System.Text;

namespace Storyline.Reading;

/// <summary>Reads lines from a text stream without ever holding more than a set number of characters of one line.</summary>
internal sealed class CappedLineReader(TextReader reader, int maxChars)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _line = new();
    private int _length;
    private int _position;

    /// <summary>The next line (without its terminator), or null at end of input; <paramref name="tooLong"/> is set
    /// (and the line's start returned) when the line exceeded the cap; the rest of it is skipped.</summary>
    public string? ReadLine(out bool tooLong)
    {
        _line.Clear();
        tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    return sawAny ? Finish(ref tooLong) : null;
                }
            }

            sawAny = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf('\n');
            var chunk = newline >= 0 ? span[..newline] : span;
            if (!tooLong)
            {
                // One extra character of room for the '\r' of a CRLF ending, which is not part of the line.
                var room = maxChars + 1 - _line.Length;
                if (chunk.Length > room)
                {
                    tooLong = true;
                    _line.Append(chunk[..Math.Max(room, 0)]);
                }
                else
                {
                    _line.Append(chunk);
                }
            }

            _position += chunk.Length;
            if (newline >= 0)
            {
                _position++;
                return Finish(ref tooLong);
            }
        }
    }

    private string Finish(ref bool tooLong)
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        if (_line.Length > maxChars)
        {
            tooLong = true;
            _line.Length = maxChars;
        }

        return _line.ToString();
    }
}
