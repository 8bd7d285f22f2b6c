using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Nara.Services.Features.Search;

/// <summary>
/// How catalogue text becomes terms. Korean: CJK bigrams ("부모급여" → 부모 모급 급여), so spacing does not
/// matter and a one-syllable typo still leaves most bigrams matching. English: possessives, stop words and
/// the Porter stemmer ("benefits" → benefit). The "words" analyzer keeps whole lower-cased words for
/// fuzzy matching of misspellings ("pasport").
/// </summary>
internal static class CatalogueAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Text() => Analyzer.NewAnonymous((field, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new CJKWidthFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    public static Analyzer Words() => Analyzer.NewAnonymous((field, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new LengthFilter(Version, stream, 4, 40);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/> (for building queries by hand).</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
