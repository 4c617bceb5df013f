namespace Sotong.IntegrationTests.Infrastructure;

// Shapes of the public JSON, written out here so the tests notice when the API contract changes.
public sealed record ReceiptDto(string ReceiptNumber, string FollowKey, string FollowUrl);
public sealed record PageDto<T>(List<T> Items, int PageNumber, int PageSize, int TotalCount, int TotalPages);
public sealed record InboxItemDto(Guid Id, string ReceiptNumber, string Channel, string Excerpt, string Status, Guid? DivisionId, string? DivisionNameKo);
public sealed record IdentityDto(string Kind, string MaskedValue);
public sealed record InboxDetailDto(Guid Id, string ReceiptNumber, string Text, string Status, Guid? DivisionId, Guid? ContactId, List<IdentityDto> Identities, string? AnswerText, int Version, bool ConsentToPublish);
public sealed record VersionDto(int Version);
public sealed record PreviewDto(string MaskedQuestion, string MaskedAnswer, bool QuestionWasMasked, bool AnswerWasMasked, bool CitizenConsented);
public sealed record PublishDto(Guid AnswerId, string Url);
public sealed record PublicAnswerDto(Guid Id, string ReceiptNumber, string Question, string Answer, string DivisionNameKo, string DivisionNameEn);
public sealed record FollowDto(string ReceiptNumber, string Text, string Status, string? AnswerText, Guid? PublishedAnswerId);
public sealed record DivisionDto(Guid Id, string Code, string NameKo, string NameEn);
public sealed record SnsAccountDto(string Platform, string Handle, string Url, int Followers, bool IsMayor);
public sealed record SnsGroupDto(string Field, List<SnsAccountDto> Accounts);
public sealed record SnsMapDto(int AccountCount, long TotalFollowers, List<SnsGroupDto> Fields);
public sealed record ProblemDto(int Status, string? Title, string? Detail, string? Rule, Dictionary<string, string[]>? Errors);
public sealed record ChartDivisionDto(string Code, string NameKo, int StaffCount, int AccountCount);
public sealed record BureauDto(string Code, string NameKo, List<ChartDivisionDto> Divisions);
