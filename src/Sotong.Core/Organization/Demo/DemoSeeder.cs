using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Qna.Publish;

namespace Sotong.Core.Organization.Demo;

/// <summary>A demo sign-in printed on the console in demo mode.</summary>
public sealed record DemoSignIn(string Email, string Password, string Role, string? DivisionCode);

/// <summary>Loads the demo city into an empty database. Never runs outside demo mode.</summary>
public sealed partial class DemoSeeder(SotongDbContext db, UserManager<StaffUser> users, ContactDirectory contacts, TimeProvider time, ILogger<DemoSeeder> logger)
{
    /// <summary>The demo password is fixed so that people trying Sotong can sign in; demo mode is never for real data.</summary>
    public const string DemoPassword = "Sotong-demo-2026!";

    public static readonly IReadOnlyList<DemoSignIn> SignIns =
    [
        new("admin@sotong.example", DemoPassword, SotongRoles.Administrator, null),
        new("comms@sotong.example", DemoPassword, SotongRoles.CommunicationsOfficer, "COMM-SMC"),
        new("bus@sotong.example", DemoPassword, SotongRoles.DepartmentOfficer, "TRN-BUS"),
        new("safety@sotong.example", DemoPassword, SotongRoles.DepartmentOfficer, "SAF-DIS"),
        new("moderator@sotong.example", DemoPassword, SotongRoles.Moderator, "COMM-SMC"),
        new("approver@sotong.example", DemoPassword, SotongRoles.AlertApprover, "SAF-DIS"),
    ];

    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.Ordinal)
    {
        ["admin@sotong.example"] = "김관리 (Administrator)",
        ["comms@sotong.example"] = "이소통 (Communications)",
        ["bus@sotong.example"] = "박버스 (Bus Policy)",
        ["safety@sotong.example"] = "최안전 (Disaster Safety)",
        ["moderator@sotong.example"] = "정모더 (Moderator)",
        ["approver@sotong.example"] = "한승인 (Alert approver)",
    };

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Departments.AnyAsync(ct) || await db.Users.AnyAsync(ct))
        {
            return false;
        }
        var divisions = SeedOrganization();
        SeedAccounts(divisions);
        await db.SaveChangesAsync(ct);
        await SeedStaffAsync(divisions);
        await SeedMessagesAsync(divisions, ct);
        LogSeeded(logger, divisions.Count, DemoOrganization.Accounts.Length);
        return true;
    }

    private Dictionary<string, Department> SeedOrganization()
    {
        var divisions = new Dictionary<string, Department>(StringComparer.Ordinal);
        var bureauOrder = 0;
        foreach (var b in DemoOrganization.Bureaus)
        {
            var bureau = new Department { Code = b.Code, NameKo = b.NameKo, NameEn = b.NameEn, Kind = DepartmentKind.Bureau, SortOrder = bureauOrder++ };
            db.Departments.Add(bureau);
            var divisionOrder = 0;
            foreach (var d in b.Divisions)
            {
                var division = new Department
                {
                    Code = d.Code, NameKo = d.NameKo, NameEn = d.NameEn, Kind = DepartmentKind.Division, Parent = bureau,
                    Field = d.Field, SortOrder = divisionOrder++,
                };
                db.Departments.Add(division);
                divisions[d.Code] = division;
            }
        }
        return divisions;
    }

    private void SeedAccounts(Dictionary<string, Department> divisions)
    {
        foreach (var a in DemoOrganization.Accounts)
        {
            db.ChannelAccounts.Add(new ChannelAccount
            {
                Platform = a.Platform, Handle = a.Handle, NameKo = a.NameKo, NameEn = a.NameEn, Url = a.Url,
                OwningDivision = divisions[a.DivisionCode], Field = a.Field, FollowerCount = a.Followers, IsMayorAccount = a.IsMayor,
            });
        }
        // The city's complaints mailbox (not one of the 44 social accounts): answers to e-mailed complaints leave from
        // it once an administrator gives it the relay secret and SMTP settings (docs/email.md).
        db.ChannelAccounts.Add(new ChannelAccount
        {
            Platform = ChannelPlatform.Email, Handle = "voice@sotong-city.example", NameKo = "소통시 민원 메일", NameEn = "Sotong City complaints mailbox",
            Url = "mailto:voice@sotong-city.example", OwningDivision = divisions["COMM-SMC"], Field = ChannelField.CityNews,
        });
    }

    private async Task SeedStaffAsync(Dictionary<string, Department> divisions)
    {
        foreach (var s in SignIns)
        {
            var user = new StaffUser
            {
                UserName = s.Email, Email = s.Email, EmailConfirmed = true, DisplayName = DisplayNames[s.Email],
                DivisionId = s.DivisionCode is null ? null : divisions[s.DivisionCode].Id,
            };
            Ensure(await users.CreateAsync(user, s.Password));
            Ensure(await users.AddToRoleAsync(user, s.Role));
        }
    }

    private async Task SeedMessagesAsync(Dictionary<string, Department> divisions, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var samples = new (string Text, string? Division, int HoursAgo, string? Answer, bool Publish)[]
        {
            ("472번 버스가 아침 8시대에 20분 넘게 안 옵니다. 배차 간격을 줄여 주세요. 답변은 010-2345-6789로 부탁드려요.", "TRN-BUS", 50,
                "불편을 드려 죄송합니다. 472번은 다음 달 1일부터 출근 시간대에 2대를 증차해 배차 간격을 12분에서 8분으로 줄입니다. 문의: 버스정책과 02-2133-1234", true),
            ("어제 폭우 때 ○○동 지하차도 배수가 안 돼서 차가 잠길 뻔했어요. 점검 부탁드립니다.", "SAF-DIS", 30,
                "말씀하신 지하차도의 배수펌프를 점검한 결과 흡입구가 막혀 있어 즉시 청소했고, 호우 예보 시 사전 통제하도록 하겠습니다.", true),
            ("시청 앞 광장 겨울 스케이트장은 언제 개장하나요?", null, 5, null, false),
            ("Thank you for the new night bus line, it makes my commute home so much safer!", "TRN-BUS", 3, null, false),
            ("우리 동네 공원 가로등이 3주째 꺼져 있습니다. 밤에 너무 어둡고 무서워요.", null, 1, null, false),
        };
        var officer = await users.FindByEmailAsync("comms@sotong.example");
        foreach (var (text, divisionCode, hoursAgo, answer, publish) in samples)
        {
            var at = now.AddHours(-hoursAgo);
            var receipt = ReceiptNumbers.New(InboxChannel.Web, at);
            var message = new InboxMessage
            {
                ReceiptNumber = receipt, FollowKeyHash = ReceiptNumbers.Hash(ReceiptNumbers.NewFollowKey()), Channel = InboxChannel.Web,
                ProviderMessageId = receipt, Text = text, ConsentToPublish = publish, ReceivedAtUtc = at,
                DivisionId = divisionCode is null ? null : divisions[divisionCode].Id,
            };
            if (answer is not null)
            {
                message.Answer(answer, officer!.Id, officer.DisplayName, at.AddHours(4));
            }
            if (publish)
            {
                message.Publish(at.AddHours(5));
                var division = divisions[divisionCode!];
                db.PublishedAnswers.Add(Publication.ForMessage(message.Id, new PublicationDraft(
                    receipt, message.Channel.ToString(), string.Empty, text, answer!, division.Id, division.NameKo, division.NameEn,
                    null, Publication.Answered, at, message.AnsweredAtUtc!.Value), message.PublishedAtUtc!.Value));
            }
            db.InboxMessages.Add(message);
        }
        await SeedChannelMessagesAsync(divisions, now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A few messages from the other channels, so the demo inbox shows what a city's day looks like.</summary>
    private async Task SeedChannelMessagesAsync(Dictionary<string, Department> divisions, DateTime now, CancellationToken ct)
    {
        var accounts = await db.ChannelAccounts.Where(a => !a.IsMayorAccount).ToListAsync(ct);
        Guid? AccountOf(ChannelPlatform platform) => accounts.FirstOrDefault(a => a.Platform == platform)?.Id;
        var samples = new (InboxChannel Channel, MessageKind Kind, IdentityValue From, string? Name, string Text, Guid? Account, string? Division, double HoursAgo)[]
        {
            (InboxChannel.Messenger, MessageKind.DirectMessage, new IdentityValue(IdentityKind.MetaPsid, "6020000000000001"), null,
                "2호선 지하철이 시청역에서 15분째 서 있어요. 무슨 일인가요?", AccountOf(ChannelPlatform.Facebook), "TRN-BUS", 0.5),
            (InboxChannel.X, MessageKind.Mention, new IdentityValue(IdentityKind.XUserId, "1500000000000000001"), "@seoul_walker",
                "@sotongcity 을지로 보도블록이 깨져서 유모차가 못 지나가요 #불편신고", AccountOf(ChannelPlatform.X), null, 2),
            (InboxChannel.KakaoTalk, MessageKind.DirectMessage, new IdentityValue(IdentityKind.KakaoUserKey, "kakao-demo-user-7788"), null,
                "폭염 쉼터 운영 시간이 어떻게 되나요?", AccountOf(ChannelPlatform.KakaoTalkChannel), null, 4),
            (InboxChannel.Sms, MessageKind.Text, new IdentityValue(IdentityKind.Phone, "01098765432"), null,
                "동네 어린이공원 놀이터 그네 줄이 끊어져 있습니다. 위험해요", null, null, 6),
            (InboxChannel.Instagram, MessageKind.Comment, new IdentityValue(IdentityKind.InstagramId, "17841400000000777"), "citizen.k",
                "한강 불꽃축제 셔틀버스 있나요?", AccountOf(ChannelPlatform.Instagram), null, 1),
        };
        var ids = await contacts.FindOrCreateManyAsync(db, [.. samples.Select(x => (x.From, x.Name))], now, ct);
        var n = 0;
        foreach (var x in samples)
        {
            var at = now.AddHours(-x.HoursAgo);
            var receipt = ReceiptNumbers.New(x.Channel, at);
            db.InboxMessages.Add(new InboxMessage
            {
                ReceiptNumber = receipt, FollowKeyHash = ReceiptNumbers.Hash(ReceiptNumbers.NewFollowKey()), Channel = x.Channel, Kind = x.Kind,
                ProviderMessageId = $"demo-{x.Channel}-{n++}", Text = x.Text, CitizenName = x.Name, ContactId = ids[(x.From.Kind, x.From.Normalized)],
                ChannelAccountId = x.Account, DivisionId = x.Division is null ? null : divisions[x.Division].Id, ReceivedAtUtc = at,
            });
        }
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo staff could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded: {Divisions} divisions, {Accounts} channel accounts")]
    private static partial void LogSeeded(ILogger logger, int divisions, int accounts);
}
