namespace Nara.Credentials.Pages.Shared;

/// <summary>
/// The camera scan section (<c>_QrScan.cshtml</c>, driven by <c>/verify/scan.js</c>): what it fills and submits, and
/// what it tells the person about the code they scan.
/// </summary>
/// <param name="FormId">The form to submit once a code is read.</param>
/// <param name="FieldId">The text field that receives the code's text, as if pasted.</param>
internal sealed record QrScan(string FormId, string FieldId, string IntroKo, string IntroEn);
