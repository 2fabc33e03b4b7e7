using Storyline.Analysis.Entities;

namespace Storyline.Tests.Analysis;

public sealed class LookupTableTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hash_lookup_finds_every_key_and_nothing_else(bool filtered)
    {
        var random = new Random(7);
        var map = new Dictionary<ulong, byte>();
        while (map.Count < 5_000)
        {
            map[(ulong)random.NextInt64() * 2654435761UL] = (byte)random.Next(1, 256);
        }

        map[0] = 9; // 0 marks an empty slot inside the table: the key 0 must still work
        var lookup = new HashLookup<byte>(map, filtered);

        Assert.All(map, pair => Assert.Equal(pair.Value, lookup[pair.Key]));
        for (var i = 0; i < 5_000; i++)
        {
            var key = (ulong)random.NextInt64() | 1UL;
            if (!map.ContainsKey(key))
            {
                Assert.Equal(0, lookup[key]);
            }
        }
    }

    [Fact]
    public void Hash_lookup_keeps_wide_values()
    {
        // Word-cluster paths are 15-bit numbers: none may be cut to a byte.
        var map = new Dictionary<ulong, ushort> { [0x9E3779B97F4A7C15] = 32_768, [0x12345] = 257, [0xFFFF_0000_0000_0001] = 1 };
        var lookup = new HashLookup<ushort>(map);

        Assert.All(map, pair => Assert.Equal(pair.Value, lookup[pair.Key]));
        Assert.Equal(0, lookup[42]);
    }

    [Fact]
    public void Feature_table_sums_the_weights_of_known_keys_only()
    {
        const int Tags = 9;
        var rows = new Dictionary<ulong, int> { [11] = 0, [0] = 1, [ulong.MaxValue] = 2 };
        var weights = new float[3 * Tags];
        for (var k = 0; k < Tags; k++)
        {
            weights[k] = k;                 // key 11
            weights[Tags + k] = -1;         // key 0
            weights[(2 * Tags) + k] = 0.5f; // key max
        }

        var table = new FeatureTable(rows, weights, Tags);
        var scores = new float[Tags];
        // ulong.MaxValue - 1 is unknown but passes the known keys' filter (same high bits): the table turns it away.
        table.AddTo([11, 0, 12345, ulong.MaxValue, 11, ulong.MaxValue - 1], scores);

        for (var k = 0; k < Tags; k++)
        {
            // Weights are kept at 16 bits (scale: the largest weight, 8, over 32767).
            Assert.Equal((2 * k) - 1 + 0.5f, scores[k], 0.001f);
        }
    }
}
