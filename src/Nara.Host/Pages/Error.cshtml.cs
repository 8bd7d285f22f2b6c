using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Host.Pages;

/// <summary>Plain-language error page, in the reader's language, for every status a person can meet.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code ?? 500);

    public void OnPost(int? code) => Describe(code ?? 500);

    private void Describe(int code)
    {
        (Title, Message) = code switch
        {
            404 => (L("페이지를 찾을 수 없습니다", "Page not found"), L("주소가 바뀌었거나 없는 페이지입니다. 주소를 확인하거나 홈에서 다시 찾아 주세요.", "The address may have changed or the page does not exist. Check the address or start again from the home page.")),
            403 => (L("권한이 없습니다", "You do not have access"), L("이 페이지를 볼 권한이 없습니다. 담당 기관에 권한을 요청하세요.", "You are not allowed to see this page. Ask your agency for access.")),
            429 => (L("요청이 너무 많습니다", "Too many attempts"), L("짧은 시간에 너무 많이 시도했습니다. 1분쯤 기다린 뒤 다시 시도해 주세요.", "There were too many attempts in a short time. Please wait about a minute and try again.")),
            400 => (L("요청을 처리할 수 없습니다", "We could not process the request"), L("입력한 내용을 확인하고 다시 시도해 주세요.", "Check what you entered and try again.")),
            _ => (L("일시적인 문제가 발생했습니다", "Something went wrong"), L("잠시 후 다시 시도해 주세요. 문제가 계속되면 고객센터에 알려 주세요.", "Please try again in a moment. If it keeps happening, contact the help desk.")),
        };
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
    }
}
