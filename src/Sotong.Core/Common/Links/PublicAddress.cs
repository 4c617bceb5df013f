using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Sotong.Core.Common.Links;

/// <summary>Where citizens reach this Sotong: the base of every absolute link it hands out (SMS, answers, feeds, Open311).</summary>
public static class PublicAddress
{
    public const string ConfigurationKey = "Sotong:PublicBaseUrl";

    /// <summary>The configured address; else the request's own; else empty (links stay relative, e.g. in a background job).</summary>
    public static string Of(IConfiguration configuration, HttpRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[ConfigurationKey]?.TrimEnd('/') ?? (request is null ? string.Empty : $"{request.Scheme}://{request.Host}{request.PathBase}");
    }
}
