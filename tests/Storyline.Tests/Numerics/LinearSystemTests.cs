using Storyline.Numerics;

namespace Storyline.Tests.Numerics;

public sealed class LinearSystemTests
{
    [Fact]
    public void Solves_a_system_that_needs_pivoting()
    {
        // The first pivot is 0: without row exchange the elimination would divide by it.
        double[,] a = { { 0, 2, 1 }, { 1, 1, 0 }, { 2, 0, 3 } };
        double[] expected = [1, -2, 3];
        var b = new double[3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                b[r] += a[r, c] * expected[c];
            }
        }

        var x = LinearSystem.Solve(a, b, 3);

        Assert.Equal(expected, x, (u, v) => Math.Abs(u - v) < 1e-12);
        Assert.Equal(0, a[0, 0]); // the inputs are left as they were
    }

    [Fact]
    public void A_feature_that_never_varies_does_not_make_the_step_infinite()
    {
        double[,] a = { { 4, 0 }, { 0, 0 } };
        var x = LinearSystem.Solve(a, [8, 0], 2);

        Assert.Equal(2, x[0], 12);
        Assert.True(double.IsFinite(x[1]));
    }
}
