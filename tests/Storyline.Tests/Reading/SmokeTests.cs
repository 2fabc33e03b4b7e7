using Storyline.Reading;

namespace Storyline.Tests.Reading;

public sealed class SmokeTests
{
    [Fact]
    public void Seeds_are_read_as_two_text_documents()
    {
        var results = new DocumentReader().ReadPath(TestPaths.Samples()).Where(r => r.Document?.Source.EndsWith(".txt", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, results.Count);
    }
}
