using System.Globalization;
using Nara.Kernel.Time;
using Nara.Kernel.Pdf;
using Nara.Services.Contracts;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Nara.Services.Features.Letters;

/// <summary>What a PDF letter shows. The applicant appears by name only: no resident number, address or answers.</summary>
internal sealed record LetterContent(Case Case, ServiceDefinition? Service, LocalText Agency, string ApplicantName);

/// <summary>
/// The decision letter (처분 통지서) as a PDF: A4, Korean first with the English under each item, the same facts as
/// the HTML letter (agency, service, case number, applicant's name, decision, reason, date, the deciding official's
/// role, legal basis, how to appeal). The case number is also in the document's title and subject, so it can be
/// found without reading the page's glyphs.
/// </summary>
internal static class DecisionLetterPdf
{
    private const double Margin = 56;

    public static byte[] Render(LetterContent letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var c = letter.Case;
        var approved = c.Decision == CaseDecisions.Approved;
        var name = letter.Service?.Name ?? new LocalText(c.ServiceSlug, c.ServiceSlug);
        var decidedOn = KoreaTime.ToSeoul(c.DecidedAt ?? c.SubmittedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var caseNumber = c.Id.ToString("D");

        using var document = new PdfDocument();
        document.Info.Title = $"{name.Ko} 처분 통지서 / Decision letter {caseNumber}";
        document.Info.Subject = caseNumber;
        document.Info.Author = letter.Agency.Ko;
        document.Info.Creator = "Nara";
        var writer = new Writer(document);
        writer.Heading($"{name.Ko} {(approved ? "승인" : "거절")} 통지서");
        writer.Line($"Decision letter: {name.En} — {(approved ? "approved" : "rejected")}", small: true);
        writer.Gap();
        writer.Item("처리기관", "Agency", $"{letter.Agency.Ko} ({letter.Agency.En})");
        writer.Item("서비스", "Service", $"{name.Ko} ({name.En})");
        writer.Item("사건 번호", "Case number", caseNumber);
        writer.Item("신청인", "Applicant", string.IsNullOrWhiteSpace(letter.ApplicantName) ? "-" : letter.ApplicantName);
        writer.Item("결정", "Decision", approved ? "승인 (Approved)" : "거절 (Rejected)");
        writer.Item("이유", "Reason", c.DecisionReason ?? (approved ? "신청 요건을 모두 갖추었습니다. (All requirements are met.)" : "-"));
        writer.Item("결정일", "Decided on", decidedOn);
        writer.Item("결정한 공무원", "Decided by", c.DecidedByClient() ? "기관 업무 시스템 (the agency's case system)" : "결재권자 (Approving official)");
        if (letter.Service is { } s)
        {
            writer.Item("근거 법령", "Legal basis", $"{s.LegalBasis.Ko} ({s.LegalBasis.En})");
        }

        writer.Gap();
        writer.Heading("불복 방법 / How to appeal", size: 13);
        writer.Line("이 처분에 이의가 있으면 처분이 있음을 안 날부터 90일 이내에 행정심판을 청구하거나 행정소송을 제기할 수 있습니다.");
        writer.Line("If you disagree, you may request an administrative appeal or bring an administrative lawsuit within 90 days of learning of this decision.", small: true);
        writer.Dispose();

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static bool DecidedByClient(this Case c) => c.ApproverId is null && c.Decision is not null;

    /// <summary>Writes lines top to bottom, wrapping at the margin and starting a new page when one is full.</summary>
    private sealed class Writer(PdfDocument document) : IDisposable
    {
        private readonly XFont _body = PdfText.Font(11);
        private readonly XFont _small = PdfText.Font(9.5);
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        public void Heading(string text, double size = 18) => Write(text, PdfText.Font(size), after: 6);

        public void Line(string text, bool small = false) => Write(text, small ? _small : _body, after: 4);

        public void Item(string ko, string en, string value)
        {
            Write($"{ko} / {en}", _small, after: 1, XBrushes.DimGray);
            Write(value, _body, after: 8);
        }

        public void Gap() => _y += 10;

        public void Dispose() => _graphics?.Dispose();

        private void Write(string text, XFont font, double after, XBrush? brush = null)
        {
            var g = Graphics();
            var width = _page!.Width.Point - (2 * Margin);
            foreach (var line in PdfText.Wrap(g, text, font, width))
            {
                var height = font.GetHeight();
                if (_y + height > _page.Height.Point - Margin)
                {
                    NewPage();
                    g = _graphics!;
                }

                g.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin, _y, width, height), XStringFormats.TopLeft);
                _y += height;
            }

            _y += after;
        }

        private XGraphics Graphics()
        {
            if (_graphics is null)
            {
                NewPage();
            }

            return _graphics!;
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }
    }
}
