using System.Globalization;
using Storyline.Storage;

namespace Storyline.Web.Rendering;

/// <summary>
/// The small bar chart of a story's articles over time: its span cut into equal slices, one bar per slice, as inline SVG
/// (attributes, not style: the Content-Security-Policy allows no inline style).
/// </summary>
internal static class TimeBar
{
    private const int Slices = 12;
    private const int Width = 8;
    private const int Height = 18;

    public static void Write(Html html, IReadOnlyList<StoredArticle> articles)
    {
        var times = articles.Select(a => Dates.Parse(a.Published)).OfType<DateTimeOffset>().ToList();
        if (times.Count == 0)
        {
            return;
        }

        var first = times.Min();
        var span = (times.Max() - first).Ticks;
        var counts = new int[Slices];
        foreach (var time in times)
        {
            var slice = span == 0 ? 0 : (int)Math.Min(Slices - 1, (time - first).Ticks * Slices / span);
            counts[slice]++;
        }

        var most = counts.Max();
        html.Raw($"<svg class=\"bar\" width=\"{Slices * Width}\" height=\"{Height}\" viewBox=\"0 0 {Slices * Width} {Height}\" role=\"img\">")
            .Raw("<title>").Number(times.Count).Raw(" dated articles over time</title>");
        for (var i = 0; i < Slices; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            var height = Math.Max(2, counts[i] * Height / most);
            html.Raw(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{i * Width}\" y=\"{Height - height}\" width=\"{Width - 2}\" height=\"{height}\"></rect>"));
        }

        html.Raw("</svg>");
    }
}
