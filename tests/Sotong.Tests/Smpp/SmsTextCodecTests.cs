using System.Text;
using Sotong.Smpp;
using Sotong.Smpp.Text;

namespace Sotong.Tests.Smpp;

public sealed class SmsTextCodecTests
{
    [Fact]
    public void Given_the_GSM_basic_table_Then_it_has_128_septets_with_the_escape_at_0x1B()
    {
        Gsm7.BasicTable.Length.ShouldBe(128);
        Gsm7.BasicTable[0x00].ShouldBe('@');
        Gsm7.BasicTable[0x24].ShouldBe('¤');
        Gsm7.BasicTable[0x40].ShouldBe('¡');
        Gsm7.BasicTable[0x7F].ShouldBe('à');
        Gsm7.SeptetsOf('\u00A0').ShouldBe(0); // the escape's placeholder is not a character we can send
    }

    [Fact]
    public void Given_GSM_text_When_encoded_Then_one_septet_per_octet_in_the_GSM_positions()
    {
        var bytes = SmsTextCodec.Encode("Hi @£$_è", SmppDataCoding.SmscDefault);

        Convert.ToHexString(bytes).ShouldBe("4869" + "20" + "00" + "01" + "02" + "11" + "04");
        SmsTextCodec.Decode(bytes, 0x00).ShouldBe("Hi @£$_è");
    }

    [Fact]
    public void Given_GSM_extension_characters_When_encoded_Then_each_is_escaped_and_decodes_back()
    {
        var bytes = SmsTextCodec.Encode("€[]{}", SmppDataCoding.SmscDefault);

        Convert.ToHexString(bytes).ShouldBe("1B65" + "1B3C" + "1B3E" + "1B28" + "1B29");
        SmsTextCodec.Decode(bytes, 0x00).ShouldBe("€[]{}");
        SmsTextCodec.Decode(SmsTextCodec.Encode("\\~^|", SmppDataCoding.SmscDefault), 0x00).ShouldBe("\\~^|");
    }

    [Fact]
    public void Given_odd_GSM_escapes_When_decoded_Then_they_fall_back_as_03_38_says()
    {
        SmsTextCodec.Decode([0x1B, 0x41], 0x00).ShouldBe("A"); // undefined extension: the basic character
        SmsTextCodec.Decode([0x41, 0x1B], 0x00).ShouldBe("A "); // a trailing escape: a space
    }

    [Fact]
    public void Given_a_character_outside_GSM_When_encoding_as_GSM_Then_it_is_refused()
    {
        Gsm7.CanEncode("안녕").ShouldBeFalse();
        Gsm7.CanEncode("plain [text] €5").ShouldBeTrue();
        Should.Throw<ArgumentException>(() => SmsTextCodec.Encode("crêpe", SmppDataCoding.SmscDefault));
    }

    [Fact]
    public void Given_Latin1_When_round_tripped_Then_accents_are_one_octet_each()
    {
        var bytes = SmsTextCodec.Encode("Café ñ", SmppDataCoding.Latin1);

        Convert.ToHexString(bytes).ShouldBe("436166E920F1");
        SmsTextCodec.Decode(bytes, 0x03).ShouldBe("Café ñ");
    }

    [Fact]
    public void Given_Korean_text_When_encoded_as_UCS2_Then_it_is_big_endian_UTF16()
    {
        var bytes = SmsTextCodec.Encode("안녕 똠햏", SmppDataCoding.Ucs2);

        Convert.ToHexString(bytes).ShouldBe("C548" + "B155" + "0020" + "B620" + "D58F");
        SmsTextCodec.Decode(bytes, 0x08).ShouldBe("안녕 똠햏");
    }

    [Fact]
    public void Given_syllables_euc_kr_lacks_When_decoding_KS_C_5601_Then_code_page_949_reads_them()
    {
        // 똠 = 8C63 and 햏 = C164 in code page 949 (as the npm iconv-lite encoder in tests/smpp-sim also writes them).
        byte[] bytes = [0x8C, 0x63, 0xC1, 0x64, 0xB0, 0xA1];

        SmsTextCodec.Decode(bytes, 0x0E).ShouldBe("똠햏가");
        SmsTextCodec.Encode("똠햏가", SmppDataCoding.KsC5601).ShouldBe(bytes);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var eucKr = Encoding.GetEncoding("euc-kr", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        Should.Throw<EncoderFallbackException>(() => eucKr.GetBytes("똠"));
        Should.Throw<EncoderFallbackException>(() => eucKr.GetBytes("햏"));
    }

    [Fact]
    public void Given_an_unknown_data_coding_When_decoding_Then_every_octet_stays_visible()
    {
        SmsTextCodec.Decode([0x41, 0xFF], 0x04).ShouldBe("A\u00FF");
    }
}
