using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Features.Search;

/// <summary>
/// The Lucene index of the catalogue. It lives in memory (RAMDirectory): the catalogue is about sixty
/// embedded documents, indexed in milliseconds at start, identical on every node and never changed while
/// the process runs, so a directory on disk would add files to manage and keep in step across nodes for
/// nothing. (Open data's 100k datasets are a different case and belong on disk.)
/// </summary>
internal static class CatalogueIndex
{
    public const string Slug = "slug";
    public const string Name = "name";
    public const string Keywords = "keywords";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Words = "words";
    public const string Jamo = "jamo";

    public static Analyzer Analyzer() => new PerFieldAnalyzerWrapper(
        CatalogueAnalyzers.Text(),
        new Dictionary<string, Analyzer> { [Words] = CatalogueAnalyzers.Words() });

    public static RAMDirectory Build(IEnumerable<ServiceDefinition> services, Analyzer analyzer)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(CatalogueAnalyzers.Version, analyzer) { OpenMode = OpenMode.CREATE });
        foreach (var service in services)
        {
            writer.AddDocument(Document(service));
        }

        writer.Commit();
        return directory;
    }

    private static Document Document(ServiceDefinition s)
    {
        var agency = Agencies.Find(s.Agency);
        var category = ServiceCategories.All.FirstOrDefault(c => c.Id == s.Category).Name;
        var body = new List<string?>
        {
            s.Who.Ko, s.Who.En, s.WhatYouGet.Ko, s.WhatYouGet.En, s.How.Ko, s.How.En, s.HowDecided.Ko, s.HowDecided.En,
            agency?.Ko, agency?.En, category?.Ko, category?.En, s.LegalBasis.Ko, s.LegalBasis.En,
        };
        body.AddRange(s.Documents.SelectMany(d => new[] { d.Name.Ko, d.Name.En }));

        var document = new Document
        {
            new StringField(Slug, s.Slug, Field.Store.YES),
            new TextField(Name, $"{s.Name.Ko}\n{s.Name.En}", Field.Store.NO),
            new TextField(Keywords, string.Join('\n', s.Keywords), Field.Store.NO),
            new TextField(Summary, $"{s.Summary.Ko}\n{s.Summary.En}", Field.Store.NO),
            new TextField(Body, string.Join('\n', body.Where(b => b is not null)), Field.Store.NO),
            new TextField(Words, string.Join('\n', [s.Name.En, s.Slug.Replace('-', ' '), .. s.Keywords]), Field.Store.NO),
        };
        foreach (var term in new[] { s.Name.Ko }.Concat(s.Keywords).SelectMany(HangulJamo.Terms).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Jamo, term, Field.Store.NO));
        }

        return document;
    }
}
