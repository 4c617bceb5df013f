namespace Sotong.Core.Organization.Demo;

/// <summary>
/// The demo organisation of Sotong City (소통시), a fictional Seoul-like metropolitan government:
/// its bureaus (실·국·본부), divisions (과·담당관) and the 44 channel accounts gathered by its
/// social media centre (42 city accounts and 2 mayor accounts). Loaded only in demo mode; all
/// handles and addresses are demo values and imply no real third-party account.
/// </summary>
internal static class DemoOrganization
{
    internal sealed record DivisionSeed(string Code, string NameKo, string NameEn, ChannelField Field);
    internal sealed record BureauSeed(string Code, string NameKo, string NameEn, DivisionSeed[] Divisions);
    internal sealed record AccountSeed(ChannelPlatform Platform, string Handle, string NameKo, string NameEn, string Url, string DivisionCode, ChannelField Field, int Followers, bool IsMayor);

    internal static readonly BureauSeed[] Bureaus =
    [
        new("COMM", "시민소통기획관", "Citizen Communication Bureau",
        [
            new("COMM-SMC", "소셜미디어담당관", "Social Media Division", ChannelField.CityNews),
            new("COMM-CIT", "시민소통담당관", "Citizen Communication Division", ChannelField.CityNews),
            new("COMM-PR", "홍보기획담당관", "Public Relations Planning Division", ChannelField.CityNews),
            new("COMM-MED", "언론담당관", "Media Relations Division", ChannelField.CityNews),
            new("COMM-DSN", "시민소통디자인담당관", "Communication Design Division", ChannelField.CityNews),
        ]),
        new("PLN", "기획조정실", "Planning and Coordination Office",
        [
            new("PLN-POL", "기획담당관", "Policy Planning Division", ChannelField.CityNews),
            new("PLN-BUD", "예산담당관", "Budget Division", ChannelField.CityNews),
            new("PLN-ORG", "조직담당관", "Organisation Division", ChannelField.CityNews),
            new("PLN-EVA", "평가담당관", "Performance Evaluation Division", ChannelField.CityNews),
        ]),
        new("ADM", "행정국", "Administration Bureau",
        [
            new("ADM-GEN", "총무과", "General Affairs Division", ChannelField.CityNews),
            new("ADM-HR", "인사과", "Personnel Division", ChannelField.CityNews),
            new("ADM-AUT", "자치행정과", "Local Autonomy Division", ChannelField.CityNews),
            new("ADM-INF", "정보공개정책과", "Information Disclosure Policy Division", ChannelField.CityNews),
            new("ADM-CIV", "민원총괄과", "Civil Petitions Division", ChannelField.CityNews),
        ]),
        new("TRN", "도시교통실", "Urban Transportation Office",
        [
            new("TRN-POL", "교통정책과", "Transport Policy Division", ChannelField.Transport),
            new("TRN-BUS", "버스정책과", "Bus Policy Division", ChannelField.Transport),
            new("TRN-RD", "도로계획과", "Road Planning Division", ChannelField.Transport),
            new("TRN-OPS", "교통운영과", "Traffic Operations Division", ChannelField.Transport),
            new("TRN-PED", "보행자전거과", "Walking and Cycling Division", ChannelField.Transport),
            new("TRN-PRK", "주차계획과", "Parking Planning Division", ChannelField.Transport),
        ]),
        new("SAF", "안전총괄실", "Safety Management Office",
        [
            new("SAF-PLN", "안전총괄과", "Safety Planning Division", ChannelField.Safety),
            new("SAF-DIS", "재난안전정책과", "Disaster Safety Policy Division", ChannelField.Safety),
            new("SAF-FAC", "시설안전과", "Facility Safety Division", ChannelField.Safety),
            new("SAF-BRG", "교량안전과", "Bridge Safety Division", ChannelField.Safety),
            new("SAF-FLD", "치수안전과", "Flood Control Division", ChannelField.Safety),
        ]),
        new("FIR", "소방재난본부", "Fire and Disaster Headquarters",
        [
            new("FIR-OPS", "119종합상황실", "119 Emergency Operations Centre", ChannelField.Safety),
            new("FIR-PRV", "예방과", "Fire Prevention Division", ChannelField.Safety),
            new("FIR-RSC", "구조구급과", "Rescue and Emergency Medical Services Division", ChannelField.Safety),
        ]),
        new("HOU", "주택정책실", "Housing Policy Office",
        [
            new("HOU-POL", "주택정책과", "Housing Policy Division", ChannelField.Housing),
            new("HOU-PUB", "공공주택과", "Public Housing Division", ChannelField.Housing),
            new("HOU-RES", "주거정비과", "Residential Improvement Division", ChannelField.Housing),
            new("HOU-RNT", "전월세지원과", "Rental Support Division", ChannelField.Housing),
            new("HOU-BLD", "건축기획과", "Architecture Planning Division", ChannelField.Housing),
        ]),
        new("URB", "도시계획국", "Urban Planning Bureau",
        [
            new("URB-POL", "도시계획과", "Urban Planning Division", ChannelField.Housing),
            new("URB-MGT", "도시관리과", "Urban Management Division", ChannelField.Housing),
            new("URB-FAC", "시설계획과", "Facilities Planning Division", ChannelField.Housing),
            new("URB-LND", "토지관리과", "Land Management Division", ChannelField.Housing),
        ]),
        new("CUL", "문화본부", "Culture Headquarters",
        [
            new("CUL-POL", "문화정책과", "Culture Policy Division", ChannelField.Culture),
            new("CUL-ART", "문화예술과", "Arts Division", ChannelField.Culture),
            new("CUL-HER", "역사문화재과", "Cultural Heritage Division", ChannelField.Culture),
            new("CUL-MUS", "박물관과", "Museums Division", ChannelField.Culture),
            new("CUL-DES", "디자인정책과", "Design Policy Division", ChannelField.Culture),
        ]),
        new("TOU", "관광체육국", "Tourism and Sports Bureau",
        [
            new("TOU-POL", "관광정책과", "Tourism Policy Division", ChannelField.Culture),
            new("TOU-IND", "관광산업과", "Tourism Industry Division", ChannelField.Economy),
            new("TOU-SPT", "체육정책과", "Sports Policy Division", ChannelField.Culture),
            new("TOU-FAC", "체육시설과", "Sports Facilities Division", ChannelField.Culture),
        ]),
        new("WEL", "복지정책실", "Welfare Policy Office",
        [
            new("WEL-POL", "복지정책과", "Welfare Policy Division", ChannelField.Welfare),
            new("WEL-SEN", "어르신복지과", "Senior Welfare Division", ChannelField.Welfare),
            new("WEL-DIS", "장애인복지정책과", "Disability Welfare Policy Division", ChannelField.Welfare),
            new("WEL-SSF", "자활지원과", "Self-Sufficiency Support Division", ChannelField.Welfare),
        ]),
        new("WFM", "여성가족정책실", "Women and Family Policy Office",
        [
            new("WFM-POL", "여성정책담당관", "Women's Policy Division", ChannelField.Welfare),
            new("WFM-CHC", "보육담당관", "Childcare Division", ChannelField.Welfare),
            new("WFM-CHD", "아동담당관", "Children's Division", ChannelField.Welfare),
            new("WFM-FAM", "가족담당관", "Family Division", ChannelField.Welfare),
        ]),
        new("HLT", "시민건강국", "Citizen Health Bureau",
        [
            new("HLT-POL", "보건의료정책과", "Health Care Policy Division", ChannelField.Health),
            new("HLT-DIS", "감염병관리과", "Infectious Disease Control Division", ChannelField.Health),
            new("HLT-PUB", "건강증진과", "Health Promotion Division", ChannelField.Health),
            new("HLT-FOD", "식품정책과", "Food Policy Division", ChannelField.Health),
            new("HLT-ANM", "동물보호과", "Animal Welfare Division", ChannelField.Health),
        ]),
        new("ENV", "기후환경본부", "Climate and Environment Headquarters",
        [
            new("ENV-POL", "환경정책과", "Environmental Policy Division", ChannelField.Environment),
            new("ENV-AIR", "대기정책과", "Air Quality Policy Division", ChannelField.Environment),
            new("ENV-ENG", "녹색에너지과", "Green Energy Division", ChannelField.Environment),
            new("ENV-RES", "자원순환과", "Resource Circulation Division", ChannelField.Environment),
            new("ENV-LIV", "생활환경과", "Living Environment Division", ChannelField.Environment),
        ]),
        new("PRK", "푸른도시여가국", "Green City and Leisure Bureau",
        [
            new("PRK-POL", "공원여가정책과", "Parks and Leisure Policy Division", ChannelField.Environment),
            new("PRK-LND", "조경과", "Landscape Division", ChannelField.Environment),
            new("PRK-ECO", "자연생태과", "Natural Ecology Division", ChannelField.Environment),
        ]),
        new("ECO", "경제정책실", "Economic Policy Office",
        [
            new("ECO-POL", "경제정책과", "Economic Policy Division", ChannelField.Economy),
            new("ECO-JOB", "일자리정책과", "Employment Policy Division", ChannelField.Economy),
            new("ECO-SME", "소상공인정책담당관", "Small Business Policy Division", ChannelField.Economy),
            new("ECO-INV", "투자창업과", "Investment and Startup Division", ChannelField.Economy),
            new("ECO-FAI", "공정경제과", "Fair Economy Division", ChannelField.Economy),
        ]),
        new("EDU", "평생교육국", "Lifelong Education Bureau",
        [
            new("EDU-POL", "평생교육과", "Lifelong Education Division", ChannelField.Education),
            new("EDU-SCH", "교육정책과", "Education Policy Division", ChannelField.Education),
            new("EDU-LIB", "도서관정책과", "Library Policy Division", ChannelField.Education),
            new("EDU-YTH", "청소년정책과", "Youth Policy Division", ChannelField.Education),
        ]),
    ];

    internal static readonly AccountSeed[] Accounts =
    [
        // Main city accounts, run by the social media division.
        new(ChannelPlatform.X, "sotongcity", "소통시 트위터", "Sotong City on X",
            "https://x.com/sotongcity", "COMM-SMC", ChannelField.CityNews, 208_400, false),
        new(ChannelPlatform.Facebook, "sotongcity", "소통시 페이스북", "Sotong City (Facebook)",
            "https://www.facebook.com/sotongcity", "COMM-SMC", ChannelField.CityNews, 312_700, false),
        new(ChannelPlatform.Instagram, "sotongcity", "소통시 인스타그램", "Sotong City (Instagram)",
            "https://www.instagram.com/sotongcity/", "COMM-SMC", ChannelField.CityNews, 164_300, false),
        new(ChannelPlatform.KakaoTalkChannel, "sotongcity", "소통시 카카오톡 채널", "Sotong City (KakaoTalk Channel)",
            "https://pf.kakao.com/_sotongcity", "COMM-SMC", ChannelField.CityNews, 421_900, false),
        new(ChannelPlatform.KakaoStory, "sotongcity", "소통시 카카오스토리", "Sotong City (KakaoStory)",
            "https://story.kakao.com/ch/sotongcity", "COMM-SMC", ChannelField.CityNews, 58_900, false),
        new(ChannelPlatform.YouTube, "sotongcity", "소통시 유튜브", "Sotong City (YouTube)",
            "https://www.youtube.com/@sotongcity", "COMM-SMC", ChannelField.CityNews, 121_500, false),
        new(ChannelPlatform.Blog, "sotongcity", "소통시 공식 블로그", "Sotong City Official Blog",
            "https://blog.naver.com/sotongcity", "COMM-SMC", ChannelField.CityNews, 36_800, false),

        // Citizen communication channels.
        new(ChannelPlatform.SmsShortNumber, "#0120", "소통시 문자민원 #0120", "Sotong City SMS Line #0120",
            "https://www.sotong-city.example/sms/0120", "COMM-CIT", ChannelField.CityNews, 94_600, false),
        new(ChannelPlatform.Web, "www.sotong-city.example", "소통시 시민의견 누리집", "Sotong City Citizen Voice Website",
            "https://www.sotong-city.example/voice", "COMM-CIT", ChannelField.CityNews, 27_400, false),

        // Transport.
        new(ChannelPlatform.X, "sotong_traffic", "소통시 교통정보 트위터", "Sotong City Traffic Info on X",
            "https://x.com/sotong_traffic", "TRN-OPS", ChannelField.Transport, 48_200, false),
        new(ChannelPlatform.Facebook, "sotongcity.traffic", "소통시 교통정보 페이스북", "Sotong City Traffic Info (Facebook)",
            "https://www.facebook.com/sotongcity.traffic", "TRN-OPS", ChannelField.Transport, 22_600, false),
        new(ChannelPlatform.KakaoTalkChannel, "sotongbus", "소통시 버스정보 카카오톡 채널", "Sotong City Bus Info (KakaoTalk Channel)",
            "https://pf.kakao.com/_sotongbus", "TRN-BUS", ChannelField.Transport, 71_300, false),
        new(ChannelPlatform.Instagram, "sotongcity.bike", "소통시 공공자전거 인스타그램", "Sotong City Public Bikes (Instagram)",
            "https://www.instagram.com/sotongcity.bike/", "TRN-PED", ChannelField.Transport, 33_900, false),
        new(ChannelPlatform.X, "sotong_roads", "소통시 도로공사 알림 트위터", "Sotong City Roadworks on X",
            "https://x.com/sotong_roads", "TRN-RD", ChannelField.Transport, 9_800, false),

        // Safety.
        new(ChannelPlatform.X, "sotong_safety", "소통시 재난안전 트위터", "Sotong City Disaster Safety on X",
            "https://x.com/sotong_safety", "SAF-DIS", ChannelField.Safety, 61_400, false),
        new(ChannelPlatform.Facebook, "sotongcity.safety", "소통시 재난안전 페이스북", "Sotong City Disaster Safety (Facebook)",
            "https://www.facebook.com/sotongcity.safety", "SAF-DIS", ChannelField.Safety, 18_300, false),
        new(ChannelPlatform.KakaoTalkChannel, "sotongsafety", "소통시 안전알림 카카오톡 채널", "Sotong City Safety Alerts (KakaoTalk Channel)",
            "https://pf.kakao.com/_sotongsafety", "SAF-DIS", ChannelField.Safety, 132_000, false),
        new(ChannelPlatform.X, "sotong_119", "소통시 소방재난본부 트위터", "Sotong City Fire and Disaster HQ on X",
            "https://x.com/sotong_119", "FIR-OPS", ChannelField.Safety, 27_500, false),
        new(ChannelPlatform.YouTube, "sotongcity119", "소통시 소방안전 유튜브", "Sotong City Fire Safety (YouTube)",
            "https://www.youtube.com/@sotongcity119", "FIR-PRV", ChannelField.Safety, 14_200, false),

        // Housing and urban planning.
        new(ChannelPlatform.Blog, "sotong-housing", "소통시 주택정책 블로그", "Sotong City Housing Policy Blog",
            "https://blog.naver.com/sotong-housing", "HOU-POL", ChannelField.Housing, 12_700, false),
        new(ChannelPlatform.KakaoTalkChannel, "sotonghousing", "소통시 전월세 상담 카카오톡 채널", "Sotong City Rental Help (KakaoTalk Channel)",
            "https://pf.kakao.com/_sotonghousing", "HOU-RNT", ChannelField.Housing, 25_900, false),
        new(ChannelPlatform.Facebook, "sotongcity.urban", "소통시 도시계획 페이스북", "Sotong City Urban Planning (Facebook)",
            "https://www.facebook.com/sotongcity.urban", "URB-POL", ChannelField.Housing, 6_800, false),

        // Culture, tourism and sports.
        new(ChannelPlatform.X, "sotong_culture", "소통시 문화 트위터", "Sotong City Culture on X",
            "https://x.com/sotong_culture", "CUL-POL", ChannelField.Culture, 39_100, false),
        new(ChannelPlatform.Facebook, "sotongcity.culture", "소통시 문화예술 페이스북", "Sotong City Arts (Facebook)",
            "https://www.facebook.com/sotongcity.culture", "CUL-ART", ChannelField.Culture, 27_300, false),
        new(ChannelPlatform.YouTube, "sotongcityarts", "소통시 문화예술 유튜브", "Sotong City Arts (YouTube)",
            "https://www.youtube.com/@sotongcityarts", "CUL-ART", ChannelField.Culture, 9_400, false),
        new(ChannelPlatform.Instagram, "sotongcity.museum", "소통시 역사박물관 인스타그램", "Sotong City History Museum (Instagram)",
            "https://www.instagram.com/sotongcity.museum/", "CUL-MUS", ChannelField.Culture, 18_600, false),
        new(ChannelPlatform.Instagram, "sotongcity.travel", "소통시 관광 인스타그램", "Visit Sotong City (Instagram)",
            "https://www.instagram.com/sotongcity.travel/", "TOU-POL", ChannelField.Culture, 87_200, false),
        new(ChannelPlatform.Facebook, "sotongcity.travel", "소통시 관광 페이스북", "Visit Sotong City (Facebook)",
            "https://www.facebook.com/sotongcity.travel", "TOU-POL", ChannelField.Culture, 54_100, false),
        new(ChannelPlatform.KakaoStory, "sotongsports", "소통시 생활체육 카카오스토리", "Sotong City Community Sports (KakaoStory)",
            "https://story.kakao.com/ch/sotongsports", "TOU-SPT", ChannelField.Culture, 7_300, false),

        // Welfare.
        new(ChannelPlatform.Facebook, "sotongcity.welfare", "소통시 복지 페이스북", "Sotong City Welfare (Facebook)",
            "https://www.facebook.com/sotongcity.welfare", "WEL-POL", ChannelField.Welfare, 15_800, false),
        new(ChannelPlatform.Blog, "sotong-welfare", "소통시 복지정책 블로그", "Sotong City Welfare Policy Blog",
            "https://blog.naver.com/sotong-welfare", "WEL-POL", ChannelField.Welfare, 8_900, false),
        new(ChannelPlatform.KakaoStory, "sotongsenior", "소통시 어르신복지 카카오스토리", "Sotong City Senior Welfare (KakaoStory)",
            "https://story.kakao.com/ch/sotongsenior", "WEL-SEN", ChannelField.Welfare, 11_400, false),
        new(ChannelPlatform.Instagram, "sotongcity.family", "소통시 육아·가족 인스타그램", "Sotong City Childcare and Family (Instagram)",
            "https://www.instagram.com/sotongcity.family/", "WFM-CHC", ChannelField.Welfare, 21_700, false),

        // Health.
        new(ChannelPlatform.X, "sotong_health", "소통시 감염병 정보 트위터", "Sotong City Disease Control on X",
            "https://x.com/sotong_health", "HLT-DIS", ChannelField.Health, 24_600, false),
        new(ChannelPlatform.KakaoTalkChannel, "sotonghealth", "소통시 건강 카카오톡 채널", "Sotong City Health (KakaoTalk Channel)",
            "https://pf.kakao.com/_sotonghealth", "HLT-PUB", ChannelField.Health, 57_800, false),
        new(ChannelPlatform.Blog, "sotong-food", "소통시 식품안전 블로그", "Sotong City Food Safety Blog",
            "https://blog.naver.com/sotong-food", "HLT-FOD", ChannelField.Health, 5_200, false),

        // Environment and parks.
        new(ChannelPlatform.X, "sotong_eco", "소통시 기후환경 트위터", "Sotong City Climate and Environment on X",
            "https://x.com/sotong_eco", "ENV-POL", ChannelField.Environment, 17_900, false),
        new(ChannelPlatform.KakaoTalkChannel, "sotongair", "소통시 미세먼지 알림 카카오톡 채널", "Sotong City Air Quality Alerts (KakaoTalk Channel)",
            "https://pf.kakao.com/_sotongair", "ENV-AIR", ChannelField.Environment, 64_500, false),
        new(ChannelPlatform.Instagram, "sotongcity.parks", "소통시 공원 인스타그램", "Sotong City Parks (Instagram)",
            "https://www.instagram.com/sotongcity.parks/", "PRK-POL", ChannelField.Environment, 42_300, false),

        // Economy.
        new(ChannelPlatform.Facebook, "sotongcity.jobs", "소통시 일자리 페이스북", "Sotong City Jobs (Facebook)",
            "https://www.facebook.com/sotongcity.jobs", "ECO-JOB", ChannelField.Economy, 19_400, false),
        new(ChannelPlatform.Blog, "sotong-biz", "소통시 소상공인 블로그", "Sotong City Small Business Blog",
            "https://blog.naver.com/sotong-biz", "ECO-SME", ChannelField.Economy, 6_700, false),

        // Education.
        new(ChannelPlatform.YouTube, "sotongcitylearn", "소통시 평생학습 유튜브", "Sotong City Lifelong Learning (YouTube)",
            "https://www.youtube.com/@sotongcitylearn", "EDU-POL", ChannelField.Education, 31_200, false),

        // The mayor's accounts.
        new(ChannelPlatform.X, "sotong_mayor", "소통시 시장 트위터", "Mayor of Sotong City on X",
            "https://x.com/sotong_mayor", "COMM-SMC", ChannelField.Mayor, 186_300, true),
        new(ChannelPlatform.Facebook, "sotongcity.mayor", "소통시 시장 페이스북", "Mayor of Sotong City (Facebook)",
            "https://www.facebook.com/sotongcity.mayor", "COMM-SMC", ChannelField.Mayor, 143_800, true),
    ];
}
