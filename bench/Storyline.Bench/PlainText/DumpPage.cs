namespace Storyline.Bench.PlainText;

/// <summary>One evaluation page as a plain-text dump, with its gold main text.</summary>
/// <param name="Set">"aeb" or "wcxb": which metric scores it.</param>
/// <param name="Id">The page's id in its set.</param>
/// <param name="Dump">The page's visible text (see <see cref="PageDump"/>).</param>
/// <param name="Truth">The gold main text.</param>
/// <param name="With">WCXB snippets that must appear in the output.</param>
/// <param name="Without">WCXB snippets that must not appear in the output.</param>
internal sealed record DumpPage(string Set, string Id, string Dump, string Truth, IReadOnlyList<string> With, IReadOnlyList<string> Without, string? Title = null);
