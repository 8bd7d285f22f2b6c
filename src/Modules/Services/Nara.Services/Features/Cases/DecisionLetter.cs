using System.Globalization;
using System.Net;
using System.Text;
using Nara.Kernel.Time;
using Nara.Services.Contracts;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Features.Cases;

/// <summary>
/// The decision letter (처분 통지서) as a self-contained, printable HTML document in Korean with an
/// English translation: the decision, the reason, the legal basis, and how to appeal (행정심판/행정소송,
/// within 90 days), as an administrative disposition must say.
/// </summary>
internal static class DecisionLetter
{
    public static byte[] Render(Case c, ServiceDefinition? service)
    {
        ArgumentNullException.ThrowIfNull(c);
        var approved = c.Decision == CaseDecisions.Approved;
        var decidedOn = KoreaTime.ToSeoul(c.DecidedAt ?? c.SubmittedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var nameKo = E(service?.Name.Ko ?? c.ServiceSlug);
        var nameEn = E(service?.Name.En ?? c.ServiceSlug);
        var reason = E(c.DecisionReason ?? (approved ? "신청 요건을 모두 갖추었습니다." : ""));
        var law = service is null ? "" : $"<p><strong>근거 법령 / Legal basis:</strong> {E(service.LegalBasis.Ko)} ({E(service.LegalBasis.En)})</p>";
        var html = $"""
            <!doctype html>
            <html lang="ko"><head><meta charset="utf-8"><title>{nameKo} 처분 통지서</title>
            <style>{Style}</style></head>
            <body>
            <h1>{nameKo} {(approved ? "승인" : "거절")} 통지서</h1>
            <p lang="en">Decision letter: {nameEn} — {(approved ? "approved" : "rejected")}</p>
            <dl>
            <dt>문서번호 / Reference</dt><dd>{c.Id:D}</dd>
            <dt>처리기관 / Agency</dt><dd>{E(c.Agency)}</dd>
            <dt>결정일 / Decided on</dt><dd>{decidedOn}</dd>
            <dt>결정 / Decision</dt><dd>{(approved ? "승인 (Approved)" : "거절 (Rejected)")}</dd>
            <dt>이유 / Reason</dt><dd>{reason}</dd>
            <dt>결재 / Approval line</dt><dd>기안 {E(c.DrafterName)} → 검토 {E(c.ReviewerName)} → 결재 {E(c.ApproverName)}</dd>
            </dl>
            {law}
            <h2>불복 방법 / How to appeal</h2>
            <p>이 처분에 이의가 있으면 처분이 있음을 안 날부터 90일 이내에 행정심판을 청구하거나 행정소송을 제기할 수 있습니다.</p>
            <p lang="en">If you disagree, you may request an administrative appeal or bring an administrative lawsuit within 90 days of learning of this decision.</p>
            </body></html>
            """;
        return Encoding.UTF8.GetBytes(html);
    }

    private const string Style = "body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.6}h1{font-size:1.6rem}dt{font-weight:bold}";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
