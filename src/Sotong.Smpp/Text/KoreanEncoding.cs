using System.Text;

namespace Sotong.Smpp.Text;

/// <summary>
/// Code page 949 (Unified Hangul Code). "euc-kr" (51949) covers only the 2,350 KS X 1001 syllables and rejects
/// valid ones such as 똠 and 햏; carriers and KS C 5601 SMS use 949, which covers all 11,172.
/// </summary>
internal static class KoreanEncoding
{
    public static readonly Encoding Cp949 = Create(EncoderFallback.ReplacementFallback);

    /// <summary>Throws on characters 949 lacks (emoji, most non-Korean scripts) so callers can notice them.</summary>
    public static readonly Encoding Cp949Strict = Create(EncoderFallback.ExceptionFallback);

    private static Encoding Create(EncoderFallback fallback)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949, fallback, DecoderFallback.ReplacementFallback);
    }
}
