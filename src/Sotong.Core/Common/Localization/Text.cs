using System.Resources;

[assembly: NeutralResourcesLanguage("ko")]

namespace Sotong.Core.Common.Localization;

/// <summary>Marker for the app's one string table: Text.resx (Korean, the neutral language) and Text.en.resx.</summary>
public sealed class Text;
