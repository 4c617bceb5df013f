using System.Text;
using Base32Encoding = OtpNet.Base32Encoding;
using Sotong.Core.Organization.Staff;
using Totp = Sotong.Core.Organization.Staff.Totp;

namespace Sotong.Tests.Organization;

public sealed class SecondFactorCodesTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    private static DateTime At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime;

    // RFC 6238 appendix B, SHA-1 rows; authenticator apps show the last six of the eight digits.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Given_the_rfc_6238_test_vectors_Then_the_codes_match(long unixSeconds, string expected)
    {
        Totp.Compute(RfcKey, Totp.StepAt(At(unixSeconds))).ShouldBe(expected);
    }

    [Fact]
    public void Given_random_keys_and_times_Then_the_codes_agree_with_an_independent_implementation()
    {
        var random = new Random(6238);
        for (var i = 0; i < 200; i++)
        {
            var key = Base32.Decode(SecondFactorEnrolment.NewKey());
            var when = At(random.NextInt64(0, 4_000_000_000));
            Totp.Compute(key, Totp.StepAt(when)).ShouldBe(new OtpNet.Totp(key).ComputeTotp(when));
        }
    }

    // RFC 4648 section 10, padding left off as authenticator keys are written.
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Given_the_rfc_4648_test_vectors_Then_base32_encodes_and_decodes_them(string plain, string encoded)
    {
        Base32.Encode(Encoding.ASCII.GetBytes(plain)).ShouldBe(encoded);
        Encoding.ASCII.GetString(Base32.Decode(encoded)).ShouldBe(plain);
    }

    [Fact]
    public void Given_a_key_typed_by_a_person_Then_case_spaces_hyphens_and_padding_are_forgiven_and_other_characters_are_not()
    {
        Base32.Decode("mzxw 6ytb-oi======").ShouldBe(Encoding.ASCII.GetBytes("foobar"));
        Should.Throw<FormatException>(() => Base32.Decode("MZXW1YTB"));
    }

    [Fact]
    public void Given_a_new_key_Then_it_is_160_random_bits_that_the_independent_implementation_reads_alike()
    {
        var key = SecondFactorEnrolment.NewKey();
        key.Length.ShouldBe(32);
        Base32.Decode(key).Length.ShouldBe(20);
        Base32Encoding.ToBytes(key).ShouldBe(Base32.Decode(key));
        SecondFactorEnrolment.NewKey().ShouldNotBe(key);
    }

    [Fact]
    public void Given_a_key_Then_it_is_shown_in_groups_of_four()
    {
        SecondFactorEnrolment.FormatKey("jbswy3dpehpk3pxpjbswy3dpehpk3pxp").ShouldBe("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
        SecondFactorEnrolment.FormatKey("ABCDEF").ShouldBe("ABCD EF");
    }

    [Fact]
    public void Given_an_account_and_key_Then_the_otpauth_uri_names_the_issuer_and_escapes_the_address()
    {
        SecondFactorEnrolment.OtpAuthUri("kim+alerts@sotong.example", "JBSW Y3DP EHPK 3PXP")
            .ShouldBe("otpauth://totp/Sotong:kim%2Balerts%40sotong.example?secret=JBSWY3DPEHPK3PXP&issuer=Sotong&digits=6&period=30");
    }

    [Fact]
    public void Given_an_otpauth_uri_Then_the_qr_code_is_an_svg_data_uri_that_scales()
    {
        var uri = SecondFactorEnrolment.QrDataUri(SecondFactorEnrolment.OtpAuthUri("a@sotong.example", SecondFactorEnrolment.NewKey()));
        uri.ShouldStartWith("data:image/svg+xml;base64,");
        var svg = Encoding.UTF8.GetString(Convert.FromBase64String(uri["data:image/svg+xml;base64,".Length..]));
        svg.ShouldContain("<svg");
        svg.ShouldContain("viewBox");
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("1234567", null)]
    [InlineData("12a456", null)]
    [InlineData("１２３４５６", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Given_what_a_person_typed_Then_only_six_ascii_digits_make_a_code(string? typed, string? expected)
    {
        Totp.Normalize(typed).ShouldBe(expected);
    }
}
