using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Nara.Kernel.Http;
using Nara.Services.Domain.Forms;
using Nara.Services.Features.Applications;

namespace Nara.Services.Api;

/// <summary>
/// Reads a Registration API application: a JSON <see cref="ApplicationFileSubmit"/>, or multipart/form-data with
/// that JSON in the part <c>application</c> and one file part per file field of the e-form (part name = field id),
/// so an agency system can hand over the documents a form asks for in the same request that creates the file
/// (GovStack's <c>documentUrls</c> stay links; Nara does not fetch URLs on anyone's behalf). Files are checked by
/// size here (never read past the limit) and by content later, as the pages do.
/// </summary>
internal static class RegistrationUploads
{
    public const string ApplicationPart = "application";
    internal const int MaxFiles = 5;

    private static readonly string[] TooLarge = ["The file must be 5 MB or smaller."];

    private static readonly FormOptions Limits = new()
    {
        MultipartBodyLengthLimit = (MaxFiles * UploadRules.MaxBytes) + (1024 * 1024),
        ValueCountLimit = 16,
        ValueLengthLimit = 1024 * 1024,
    };

    public static async Task<(ApplicationFileSubmit? Body, IReadOnlyList<Upload> Uploads, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            if (request.HasJsonContentType())
            {
                return (await request.ReadFromJsonAsync<ApplicationFileSubmit>(ct), [], null);
            }

            if (!request.HasFormContentType)
            {
                return (null, [], Problems.BadRequest("Send application/json, or multipart/form-data with an 'application' part and the files."));
            }

            var form = await request.ReadFormAsync(Limits, ct);
            var json = form[ApplicationPart].ToString();
            if (json.Length == 0 && form.Files.GetFile(ApplicationPart) is { } part)
            {
                using var reader = new StreamReader(part.OpenReadStream());
                json = await reader.ReadToEndAsync(ct);
            }

            if (json.Length == 0)
            {
                return (null, [], Problems.Validation(ApplicationPart, "The multipart request needs the application JSON in a part named 'application'."));
            }

            var files = form.Files.Where(f => f.Name != ApplicationPart).ToList();
            if (files.Count > MaxFiles)
            {
                return (null, [], Problems.Validation("files", $"At most {MaxFiles} files in one application."));
            }

            var tooLarge = files.Where(f => f.Length > UploadRules.MaxBytes).ToDictionary(f => $"files.{f.Name}", _ => TooLarge);
            if (tooLarge.Count > 0)
            {
                return (null, [], Problems.Validation(tooLarge));
            }

            var uploads = new List<Upload>();
            foreach (var file in files)
            {
                using var stream = new MemoryStream((int)file.Length);
                await file.CopyToAsync(stream, ct);
                uploads.Add(new Upload(file.Name, file.FileName, stream.ToArray()));
            }

            return (JsonSerializer.Deserialize<ApplicationFileSubmit>(json, JsonSerializerOptions.Web), uploads, null);
        }
        catch (JsonException)
        {
            return (null, [], Problems.BadRequest("The application is not valid JSON."));
        }
        catch (InvalidDataException ex)
        {
            // The multipart body broke a limit (too big, too many parts) or is malformed.
            return (null, [], Problems.BadRequest($"The multipart body was refused: {ex.Message}"));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, [], Problems.BadRequest($"The request body was refused: {ex.Message}"));
        }
    }
}
