using System.Text.Json;

namespace Storyline.Tests.Cli;

/// <summary>
/// The runtime settings ingest's throughput was measured with (src/Storyline.Cli/BatchRuntime.props) reach the
/// command's runtime configuration: without them, 37k articles took 39 s instead of 35.
/// </summary>
public sealed class BatchRuntimeTests
{
    [Fact]
    public void The_command_runs_with_the_server_collector_at_fixed_budgets()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "storyline.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
        Assert.Equal(4, properties.GetProperty("System.GC.HeapCount").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation").GetBoolean());
    }
}
