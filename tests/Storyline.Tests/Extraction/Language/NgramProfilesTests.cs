using Storyline.Extraction;
using Storyline.Extraction.Language;

namespace Storyline.Tests.Extraction.Language;

public sealed class NgramProfilesTests
{
    private static readonly string[] Texts =
    [
        "The mayor said on Tuesday that the bridge would be rebuilt before the winter, whatever the council decides.",
        "Der Bürgermeister sagte am Dienstag, die Brücke werde vor dem Winter wieder aufgebaut, was auch immer der Rat beschließt.",
        "Le maire a déclaré mardi que le pont serait reconstruit avant l'hiver, quoi que décide le conseil municipal.",
        "El alcalde dijo el martes que el puente será reconstruido antes del invierno, decida lo que decida el consejo.",
        "Мэр заявил во вторник, что мост будет восстановлен до зимы, что бы ни решил городской совет.",
        "Градоначелникот изјави во вторник дека мостот ќе биде обновен пред зимата.",
        "قال رئيس البلدية يوم الثلاثاء إن الجسر سيعاد بناؤه قبل الشتاء مهما قرر المجلس",
        "Burmistrz powiedział we wtorek, że most zostanie odbudowany przed zimą, niezależnie od decyzji rady.",
        "Thị trưởng cho biết hôm thứ Ba rằng cây cầu sẽ được xây dựng lại trước mùa đông.",
    ];

    [Fact]
    public void Folding_from_dense_rows_gives_the_sparse_folds_scores_and_counts()
    {
        var random = new Random(20261129);
        var texts = Texts.ToList();
        for (var i = 0; i < 50; i++)
        {
            // Mixtures and repetitions: long texts and many counts of one n-gram in a fold.
            texts.Add(string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => Texts[random.Next(Texts.Length)])));
        }

        var compared = 0;
        foreach (var script in new[] { WritingScript.Latin, WritingScript.Cyrillic, WritingScript.Arabic })
        {
            var profiles = LanguageModel.Shipped.For(script);
            if (profiles is null)
            {
                continue;
            }

            foreach (var text in texts)
            {
                foreach (var margin in new long[] { 0, 1_000 })
                {
                    var (denseScores, denseKept) = (new long[profiles.Languages.Length], new int[profiles.Languages.Length]);
                    var (sparseScores, sparseKept) = (new long[profiles.Languages.Length], new int[profiles.Languages.Length]);
                    var dense = profiles.Score(text, denseScores, denseKept, margin, dense: true);
                    var sparse = profiles.Score(text, sparseScores, sparseKept, margin, dense: false);
                    Assert.Equal(sparse, dense);
                    Assert.Equal(sparseScores, denseScores);
                    Assert.Equal(sparseKept, denseKept);
                    compared++;
                }
            }
        }

        Assert.True(compared >= 2 * 59 * 2, $"compared {compared}");
        Assert.True(LanguageModel.Shipped.For(WritingScript.Latin)!.HasDenseRows);
    }
}
