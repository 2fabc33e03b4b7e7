namespace Storyline.Tests;

/// <summary>Paths of test data and scratch space.</summary>
internal static class TestPaths
{
    /// <summary>A file under the test project's <c>Data/</c> folder (copied to the output directory).</summary>
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);

    /// <summary>The bundled samples (the seeds and the UCI headline sample).</summary>
    public static string Samples(params string[] parts) => Data(["samples", .. parts]);
}
