using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Features.Search;

namespace Nara.Services.Features;

/// <summary>
/// Full-text search over the catalogue, tolerant of spacing and typos in Korean and English. The query is
/// built by hand from the analyzers' terms rather than with a query parser, so no input — quotes, brackets,
/// "AND", ten thousand characters — can be a syntax error.
/// </summary>
internal sealed class SearchServices : IDisposable
{
    /// <summary>Longer input is cut: nobody searches a service with a paragraph, and it bounds the work.</summary>
    public const int MaxQueryLength = 200;
    private const int MaxTermsPerField = 32;

    /// <summary>Hits scoring under this share of the best hit are noise (one shared bigram deep in the body).</summary>
    private const float RelativeCut = 0.1f;

    private static readonly (string Field, float Boost)[] TextFields =
    [
        (CatalogueIndex.Name, 10f), (CatalogueIndex.Keywords, 5f), (CatalogueIndex.Summary, 3f), (CatalogueIndex.Body, 1f),
    ];

    /// <summary>Answers per normalised query; the catalogue never changes while the process runs, so they never go stale.</summary>
    private const int MaxCachedQueries = 10_000;

    private readonly ConcurrentDictionary<string, IReadOnlyList<ServiceDefinition>> _answers = new(StringComparer.Ordinal);
    private readonly ServiceCatalogue _catalogue;
    private readonly Analyzer _analyzer;
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public SearchServices(ServiceCatalogue catalogue)
    {
        _catalogue = catalogue;
        _analyzer = CatalogueIndex.Analyzer();
        _directory = CatalogueIndex.Build(catalogue.Services, _analyzer);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    /// <summary>Services matching <paramref name="text"/>, best first; empty when nothing matches or the text has no searchable words.</summary>
    public IReadOnlyList<ServiceDefinition> Search(string? text)
    {
        var normalised = Normalise(text);
        if (_answers.TryGetValue(normalised, out var cached))
        {
            return cached;
        }

        // Fuzzy queries build automata per term, which dominates a search; popular queries repeat a lot.
        // A full cache is emptied rather than evicted piecemeal: rare, and simpler than an LRU.
        if (_answers.Count >= MaxCachedQueries)
        {
            _answers.Clear();
        }

        return _answers[normalised] = Run(normalised);
    }

    private IReadOnlyList<ServiceDefinition> Run(string normalised)
    {
        var query = BuildQuery(normalised);
        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var top = _searcher.Search(query, _catalogue.Services.Count + 1);
        if (top.ScoreDocs.Length == 0)
        {
            return [];
        }

        var floor = top.ScoreDocs[0].Score * RelativeCut;
        return
        [
            .. top.ScoreDocs
                .Where(d => d.Score >= floor)
                .Select(d => _catalogue.Get(_searcher.Doc(d.Doc).Get(CatalogueIndex.Slug, System.Globalization.CultureInfo.InvariantCulture)))
                .OfType<ServiceDefinition>(),
        ];
    }

    public static string Normalise(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length > MaxQueryLength)
        {
            trimmed = trimmed[..MaxQueryLength];
        }

        // NFKC folds full-width letters and composes conjoining jamo typed one by one.
        return trimmed.IsNormalized(NormalizationForm.FormKC) ? trimmed : trimmed.Normalize(NormalizationForm.FormKC);
    }

    private BooleanQuery BuildQuery(string text)
    {
        var query = new BooleanQuery();
        if (text.Length == 0)
        {
            return query;
        }

        foreach (var (field, boost) in TextFields)
        {
            foreach (var term in CatalogueAnalyzers.Terms(_analyzer, field, text).Distinct(StringComparer.Ordinal).Take(MaxTermsPerField))
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }
        }

        // Misspelt English words: edit distance 1 for short words, 2 from six letters ("pasport", "benfit").
        foreach (var word in CatalogueAnalyzers.Terms(_analyzer, CatalogueIndex.Words, text).Where(IsAsciiWord).Distinct(StringComparer.Ordinal).Take(8))
        {
            query.Add(new FuzzyQuery(new Term(CatalogueIndex.Words, word), word.Length >= 6 ? 2 : 1, 1) { Boost = 3f }, Occur.SHOULD);
        }

        // Misspelt Korean words, compared letter by letter (jamo): "아동숫당" is one edit from "아동수당".
        foreach (var jamo in HangulJamo.Terms(text).Distinct(StringComparer.Ordinal).Take(8))
        {
            Query q = jamo.Length >= 5
                ? new FuzzyQuery(new Term(CatalogueIndex.Jamo, jamo), jamo.Length >= 9 ? 2 : 1, 1)
                : new TermQuery(new Term(CatalogueIndex.Jamo, jamo));
            q.Boost = 4f;
            query.Add(q, Occur.SHOULD);
        }

        return query;
    }

    private static bool IsAsciiWord(string word) => word.All(char.IsAsciiLetterLower);

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
