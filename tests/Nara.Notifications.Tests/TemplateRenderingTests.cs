using Nara.Notifications.Domain;
using Nara.Notifications.Features;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Tests;

public class TemplateRenderingTests
{
    private static readonly Dictionary<string, string> Values = new() { ["name"] = "김민준", ["code"] = "123456", ["urgent"] = "yes", ["late"] = "no" };

    [Fact]
    public void Placeholders_are_replaced_by_their_values() =>
        Assert.Equal("김민준님, 코드는 123456입니다.", TemplateText.Render("((name))님, 코드는 ((code))입니다.", Values));

    [Fact]
    public void Conditional_text_shows_only_when_its_flag_is_yes()
    {
        var text = TemplateText.Tidy(TemplateText.Render("시작\n\n((urgent??오늘까지 신청하세요.))\n\n((late??기한이 지났습니다.))\n\n끝", Values));

        Assert.Equal("시작\n\n오늘까지 신청하세요.\n\n끝", text);
    }

    [Fact]
    public void Missing_values_are_named_including_conditional_flags() =>
        Assert.Equal(["amount", "flag"], TemplateText.Missing("((name)) ((amount)) ((flag??보임))", Values));

    [Theory]
    [InlineData("hello", 5)]
    [InlineData("안녕하세요", 10)]
    [InlineData("[나라] 코드 123456", 18)]
    public void SMS_length_counts_Korean_as_two_bytes_and_ASCII_as_one(string text, int bytes) =>
        Assert.Equal(bytes, SmsLength.Bytes(text));

    [Fact]
    public void Ninety_bytes_is_an_SMS_ninety_one_an_LMS_and_over_two_thousand_is_refused()
    {
        Assert.Equal("sms", SmsLength.Class(new string('가', 45)));
        Assert.Equal("lms", SmsLength.Class(new string('가', 45) + "a"));
        Assert.Equal("lms", SmsLength.Class(new string('가', 1000)));
        Assert.Null(SmsLength.Class(new string('가', 1000) + "a"));
    }

    [Fact]
    public void The_HTML_email_has_a_language_a_title_and_encoded_values()
    {
        var html = EmailHtml.Build("알림", TemplateText.Render("안녕하세요 ((name))\n\n* 첫째\n* 둘째\n\nhttps://nara.go.kr/my", new Dictionary<string, string> { ["name"] = "<b>김</b>" }), "ko");

        Assert.Contains("<html lang=\"ko\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>알림</title>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;김&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>첫째</li>\n<li>둘째</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://nara.go.kr/my\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_preview_fills_missing_values_with_samples_and_shows_conditional_text()
    {
        var template = BuiltInTemplates.All.Single(t => t.Id == BuiltInTemplates.EnrolmentCode);

        var preview = PreviewTemplate.Render(template, "en", new Dictionary<string, string> { ["name"] = "Minjun" });

        Assert.Equal("en", preview.Language);
        Assert.Contains("Hello Minjun", preview.Text, StringComparison.Ordinal);
        Assert.Contains("[code]", preview.Text, StringComparison.Ordinal);
        Assert.Equal(["code"], preview.SampleValuesUsed);
        Assert.Equal("sms", preview.SmsClass);
    }

    [Fact]
    public void English_falls_back_to_Korean_when_a_template_has_no_English_variant()
    {
        var template = new NotificationTemplate { Id = "nhis.x", AgencyCode = "NHIS", Name = "x", Kind = "general", SubjectKo = "제목", BodyKo = "본문", CreatedBy = "t" };

        Assert.Equal("ko", TemplateVariant.Of(template, "en").Language);
    }
}
