using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Submit;

namespace Sotong.Tests.Inbox;

public sealed class ContactAndReceiptTests
{
    [Theory]
    [InlineData("010-1234-5678", true)]
    [InlineData("01012345678", true)]
    [InlineData("+82 10-1234-5678", true)]
    [InlineData("02-123-4567", true)]
    [InlineData("031 1234 5678", true)]
    [InlineData("1234", false)]
    [InlineData("010-12-5678", false)]
    [InlineData("phone me", false)]
    public void Given_a_phone_Then_korean_numbers_are_accepted(string phone, bool valid) =>
        ContactRules.IsKoreanPhone(phone).ShouldBe(valid);

    [Theory]
    [InlineData("+82 10-1234-5678", "01012345678")]
    [InlineData("010.1234.5678", "01012345678")]
    [InlineData("+82 2-123-4567", "021234567")]
    public void Given_a_phone_Then_it_is_stored_in_national_digits(string phone, string expected) =>
        ContactRules.NormalizePhone(phone).ShouldBe(expected);

    [Theory]
    [InlineData("kim@city.go.kr", true)]
    [InlineData("kim@city", false)]
    [InlineData("not an email", false)]
    [InlineData("Kim <kim@city.go.kr>", false)]
    public void Given_an_email_Then_only_plain_addresses_are_accepted(string email, bool valid) =>
        ContactRules.IsEmail(email).ShouldBe(valid);

    [Fact]
    public void Given_a_time_Then_the_receipt_number_carries_the_seoul_date()
    {
        // 16:00 UTC on the 23rd is already the 24th in Seoul.
        var receipt = ReceiptNumbers.New(InboxChannel.Web, new DateTime(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc));
        receipt.ShouldMatch(@"^W-20261124-\d{8}$");
    }

    [Fact]
    public void Given_a_follow_key_Then_only_the_same_key_matches_its_hash()
    {
        var key = ReceiptNumbers.NewFollowKey();
        key.Length.ShouldBe(12);
        var hash = ReceiptNumbers.Hash(key);
        ReceiptNumbers.Matches(hash, key).ShouldBeTrue();
        ReceiptNumbers.Matches(hash, key.ToLowerInvariant()).ShouldBeTrue();
        ReceiptNumbers.Matches(hash, ReceiptNumbers.NewFollowKey()).ShouldBeFalse();
    }
}
