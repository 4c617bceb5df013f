using Microsoft.AspNetCore.Http;
using Sotong.Core.Common.Errors;

namespace Sotong.Core.Common.Uploads;

/// <summary>
/// A file sent to an import endpoint, either as the multipart field "file" (a browser form) or as the raw body (a
/// script), buffered in memory: the readers work synchronously and XLSX needs to seek. The endpoint's body limit
/// bounds the buffer.
/// </summary>
public sealed record UploadedFile(MemoryStream Content, string? FileName, string? ContentType) : IDisposable
{
    /// <summary>Reads the upload; null when the multipart body is malformed (answer 400). A form without a file is a validation error.</summary>
    public static async Task<UploadedFile?> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        Stream body;
        string? fileName = null;
        var contentType = http.ContentType;
        if (http.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                return null;
            }
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            new ValidationBuilder().When(file is null, "file", "Attach the file (field \"file\").").ThrowIfAny();
            body = file!.OpenReadStream();
            fileName = file.FileName;
            contentType = file.ContentType;
        }
        else
        {
            body = http.Body;
        }
        var buffer = new MemoryStream();
        await using (body)
        {
            await body.CopyToAsync(buffer, ct);
        }
        buffer.Position = 0;
        return new UploadedFile(buffer, fileName, contentType);
    }

    public static IResult Malformed() => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The multipart body is malformed.");

    public void Dispose() => Content.Dispose();
}
