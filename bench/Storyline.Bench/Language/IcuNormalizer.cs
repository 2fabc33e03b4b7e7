using System.Runtime.InteropServices;

namespace Storyline.Bench.Language;

/// <summary>
/// Unicode normal form C through the system's ICU library. The solution runs in invariant-globalization
/// mode, where <see cref="string.Normalize()"/> leaves text as it is; some UDHR declarations (Vietnamese
/// above all) are decomposed, while web text is mostly composed, so training composes them here.
/// </summary>
internal static unsafe class IcuNormalizer
{
    private const int BufferOverflow = 15; // U_BUFFER_OVERFLOW_ERROR

    private static readonly Lazy<(nint Nfc, nint Normalize)> Icu = new(Bind);

    /// <summary><paramref name="text"/> in normal form C.</summary>
    public static string ToNfc(string text)
    {
        if (text.Length == 0 || System.Text.Ascii.IsValid(text))
        {
            return text;
        }

        var (nfc, export) = Icu.Value;
        var normalize = (delegate* unmanaged<nint, char*, int, char*, int, int*, int>)export;
        for (var capacity = text.Length + 16; ; capacity *= 2)
        {
            var buffer = new char[capacity];
            var error = 0;
            int length;
            fixed (char* source = text)
            fixed (char* destination = buffer)
            {
                length = normalize(nfc, source, text.Length, destination, capacity, &error);
            }

            if (error == BufferOverflow)
            {
                continue;
            }

            return error > 0 ? throw new InvalidOperationException($"ICU normalisation failed ({error})") : new string(buffer, 0, length);
        }
    }

    private static (nint, nint) Bind()
    {
        // ICU's exports carry its major version (unorm2_normalize_72), as .NET itself finds them.
        for (var version = 90; version >= 50; version--)
        {
            if (NativeLibrary.TryLoad($"libicuuc.so.{version}", out var library)
                && NativeLibrary.TryGetExport(library, $"unorm2_getNFCInstance_{version}", out var getNfc)
                && NativeLibrary.TryGetExport(library, $"unorm2_normalize_{version}", out var normalize))
            {
                var error = 0;
                var nfc = ((delegate* unmanaged<int*, nint>)getNfc)(&error);
                if (error <= 0 && nfc != 0)
                {
                    return (nfc, normalize);
                }
            }
        }

        throw new PlatformNotSupportedException("training the language model needs the ICU library (libicuuc.so.NN), as .NET on Linux normally has");
    }
}
