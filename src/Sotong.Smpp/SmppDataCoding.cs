namespace Sotong.Smpp;

/// <summary>The data_coding values this library reads and writes (SMPP 3.4 §5.2.19). Other values arrive as their number.</summary>
public enum SmppDataCoding : byte
{
    /// <summary>SMSC default alphabet, taken as GSM 03.38 7-bit, one septet per octet.</summary>
    SmscDefault = 0x00,
    Ascii = 0x01,
    Latin1 = 0x03,
    Ucs2 = 0x08,
    KsC5601 = 0x0E,
}
