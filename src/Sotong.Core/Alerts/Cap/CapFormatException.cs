namespace Sotong.Core.Alerts.Cap;

/// <summary>A document CapXml.Read cannot turn into a <see cref="CapAlert"/>: not XML, a DTD, a missing or malformed element.</summary>
public sealed class CapFormatException(string message, Exception? inner = null) : FormatException(message, inner);
