using Storyline.Dedup;

namespace Storyline.Tests.Dedup;

public sealed class ContentHashTests
{
    [Fact]
    public void Hash_is_the_first_128_bits_of_sha256_of_the_normalised_text_in_lower_hex()
    {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223 b00361a396177a9cb410ff61f20015ad
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223", ContentHash.Compute("abc"));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223", ContentHash.Compute("ABC"));
    }

    [Theory]
    [InlineData("Musk may get asylum in Russia.", "MUSK may get ASYLUM in russia.")]
    [InlineData("Musk may get asylum in Russia.", "  Musk   may\tget\r\nasylum in\u00A0Russia.\n\n")]
    [InlineData("He said \"yes\" and it's fine", "He said \u201Cyes\u201D and it\u2019s fine")]
    [InlineData("He said \"yes\"", "He said \u00AByes\u00BB")]
    [InlineData("He said \"yes\"", "He said \u201Eyes\u201C")]
    [InlineData("it's `quoted'", "it\u2018s \u2018quoted\u2019")]
    [InlineData("2024-2025 - a year", "2024\u20132025 \u2014 a year")]
    [InlineData("-5 degrees", "\u22125 degrees")]
    public void Variants_of_the_same_text_hash_equal(string a, string b)
    {
        Assert.Equal(ContentHash.Compute(a), ContentHash.Compute(b));
    }

    [Theory]
    [InlineData("Musk may get asylum in Russia.", "Musk may get asylum in Russia!")]
    [InlineData("Musk may get asylum in Russia.", "Musk may not get asylum in Russia.")]
    [InlineData("abc", "a bc")]
    [InlineData("one two", "onetwo")]
    [InlineData("x", "")]
    public void Different_text_hashes_differently(string a, string b)
    {
        Assert.NotEqual(ContentHash.Compute(a), ContentHash.Compute(b));
    }

    [Fact]
    public void Hash_has_a_fixed_shape()
    {
        var hash = ContentHash.Compute(new string('x', 10_000));

        Assert.Equal(32, hash.Length);
        Assert.All(hash, c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c), $"'{c}' is not lower-case hex"));
    }

    [Fact]
    public void Headline_hash_depends_on_the_outlet()
    {
        var title = "Fed official says weak data caused by weather";

        Assert.NotEqual(ContentHash.ComputeHeadline("Los Angeles Times", title), ContentHash.ComputeHeadline("Livemint", title));
        Assert.NotEqual(ContentHash.ComputeHeadline(null, title), ContentHash.ComputeHeadline("Livemint", title));
        Assert.Equal(ContentHash.ComputeHeadline("Livemint", title), ContentHash.ComputeHeadline("Livemint", title));
    }

    [Fact]
    public void Headline_hash_folds_variants_like_the_text_hash()
    {
        Assert.Equal(
            ContentHash.ComputeHeadline("Livemint", "Fed\u2019s Plosser sees \u201Chigh bar\u201D"),
            ContentHash.ComputeHeadline("LIVEMINT", "fed's  plosser sees \"high bar\""));
    }

    [Fact]
    public void Headline_hash_does_not_collide_when_outlet_and_title_split_differently()
    {
        Assert.NotEqual(ContentHash.ComputeHeadline("ab", "c"), ContentHash.ComputeHeadline("a", "bc"));
        Assert.NotEqual(ContentHash.ComputeHeadline("a b", "c"), ContentHash.ComputeHeadline("a", "b c"));
    }

    [Fact]
    public void Headline_hash_differs_from_the_text_hash_of_the_bare_title()
    {
        Assert.NotEqual(ContentHash.Compute("Fed holds rates"), ContentHash.ComputeHeadline(null, "Fed holds rates"));
    }

    [Fact]
    public void Null_text_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ContentHash.Compute(null!));
    }
}
