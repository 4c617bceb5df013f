using Sotong.Core.Alerts.Cap;

namespace Sotong.Core.Alerts.Templates;

/// <summary>
/// The hazard templates, in the style of the 행정안전부 disaster texts: "[기관] 언제 어디 무슨 일. 할 일 바랍니다".
/// Texts never put a Korean particle straight after a placeholder (으로/로, 이/가 depend on the value's last
/// syllable); where one is needed the placeholder sits in parentheses after a fixed noun: "대피소({shelter})로".
/// </summary>
public static class AlertTemplates
{
    public static IReadOnlyList<AlertPlaceholder> Placeholders { get; } =
    [
        new("sender", "보내는 기관 (문자 앞 [ ] 안)", "Issuing office (inside the SMS's [ ])", "중구청", "Jung-gu Office"),
        new("area", "대상 지역", "Area affected", "중구 전역", "all of Jung-gu"),
        new("time", "발효·발생 시각", "When it starts or happened", "오늘 18시", "today 18:00"),
        new("until", "끝나는(예상) 시각", "When it is expected to end", "내일 09시", "tomorrow 09:00"),
        new("level", "특보 단계", "Warning level", "주의보", "advisory"),
        new("shelter", "대피소·쉼터", "Shelter, cooling or warming centre", "중구민회관", "Jung-gu Community Hall"),
        new("phone", "문의 전화", "Enquiries number", "120", "120"),
        new("place", "사고 장소", "Where it happened", "신당동 중앙시장", "Jungang Market, Sindang-dong"),
        new("epicenter", "진앙", "Epicentre", "서울 중구 북쪽 8km", "8 km north of Jung-gu, Seoul"),
        new("magnitude", "지진 규모", "Magnitude", "4.5", "4.5"),
        new("name", "태풍 이름", "Typhoon name", "카눈", "Khanun"),
        new("disease", "감염병 이름", "Disease", "홍역", "Measles"),
    ];

    public static IReadOnlyList<AlertTemplate> All { get; } =
    [
        new("heavy-snow", "폭설", "Heavy snow", "대설", "Heavy snow",
            CapCategory.Met, CapUrgency.Expected, CapSeverity.Moderate, CapCertainty.Likely, [CapResponseType.Prepare],
            new("[{sender}] {time} {area} 대설{level} 발효. 내 집 앞 눈 치우기, 대중교통 이용, 빙판길 낙상 주의 바랍니다.",
                "{area} 대설{level} 발효 ({time}~{until})",
                "{time}부터 {until}까지 {area}에 많은 눈이 내릴 것으로 예상됩니다. 도로가 얼어 미끄럽고 교통 혼잡이 예상되며, 비닐하우스와 노후 주택은 쌓인 눈에 지붕이 무너질 위험이 있습니다.",
                "내 집·내 점포 앞 눈은 직접 치워 주세요. 외출할 때는 대중교통을 이용하고 미끄럽지 않은 신발을 신으세요. 차량은 월동 장비를 갖추고 속도를 줄여 주세요. 비닐하우스와 노후 주택 지붕 위의 눈은 수시로 치워 주세요. 문의: {phone}"),
            new("[{sender}] Heavy snow {level} for {area} from {time}. Clear snow outside your door, take public transport, beware of ice.",
                "Heavy snow {level} for {area}, {time} to {until}",
                "Heavy snow is expected in {area} from {time} to {until}. Roads may freeze and traffic may be badly disrupted; greenhouses and old roofs may give way under the snow.",
                "Clear the snow in front of your home or shop. Use public transport and wear non-slip shoes. Drivers should fit winter equipment and slow down. Remove snow from greenhouse and old roofs regularly. Enquiries: {phone}")),
        new("heavy-rain", "호우", "Heavy rain", "호우", "Heavy rain",
            CapCategory.Met, CapUrgency.Immediate, CapSeverity.Severe, CapCertainty.Likely, [CapResponseType.Avoid, CapResponseType.Evacuate],
            new("[{sender}] {time} {area} 호우{level}. 하천변·지하차도 출입 금지, 반지하·저지대 주민은 대피소({shelter})로 대피 바랍니다.",
                "{area} 호우{level} 발효 ({time}~{until})",
                "{time}부터 {until}까지 {area}에 짧은 시간 동안 많은 비가 내릴 것으로 예상됩니다. 하천 물이 빠르게 불어나고 지하차도·반지하 주택·저지대가 물에 잠길 수 있습니다.",
                "하천변·산책로·지하차도에 들어가지 마세요. 반지하 주택과 저지대 주민은 대피소({shelter})로 미리 대피하고, 맨홀과 배수구 주변을 피하세요. 산비탈 주변 주민은 대피 안내에 따라 주세요. 문의: {phone}"),
            new("[{sender}] Heavy rain {level} for {area} from {time}. Avoid streams and underpasses; low-lying residents go to {shelter}.",
                "Heavy rain {level} for {area}, {time} to {until}",
                "Intense rain is expected in {area} from {time} to {until}. Streams may rise quickly, and underpasses, semi-basement homes and low-lying areas may flood.",
                "Stay away from streams, riverside paths and underpasses. Residents of semi-basement homes and low-lying areas should move to {shelter} early and keep clear of manholes and drains. People living near slopes should follow evacuation guidance. Enquiries: {phone}")),
        new("typhoon", "태풍", "Typhoon", "태풍", "Typhoon",
            CapCategory.Met, CapUrgency.Expected, CapSeverity.Severe, CapCertainty.Likely, [CapResponseType.Prepare, CapResponseType.Avoid],
            new("[{sender}] 태풍 {name} 북상, {time} 태풍{level}. 외출 자제, 간판·창문 고정, 하천변·지하공간 접근 금지 바랍니다.",
                "태풍 {name} 북상, {area} 태풍{level} ({time}~{until})",
                "북상 중인 태풍 {name}의 영향으로 {time}부터 {until}까지 {area}에 강한 바람과 많은 비가 예상됩니다. 간판과 유리창이 부서지거나 가로수가 쓰러지고, 저지대가 물에 잠길 수 있습니다.",
                "외출을 삼가고 창문은 창틀에 단단히 고정해 흔들리지 않게 하세요. 간판·화분처럼 바람에 날릴 수 있는 물건은 치우거나 묶어 두세요. 하천변·지하공간·공사장 주변에 가지 마시고, 침수가 걱정되는 지역 주민은 대피소({shelter})로 대피하세요. 문의: {phone}"),
            new("[{sender}] Typhoon {name} approaching: {level} from {time}. Stay indoors, secure signs and windows, avoid streams and basements.",
                "Typhoon {name}: {level} for {area}, {time} to {until}",
                "Typhoon {name} is moving north and will bring strong winds and heavy rain to {area} from {time} to {until}. Signs and windows may break, trees may fall and low-lying areas may flood.",
                "Stay indoors and fix windows firmly in their frames. Bring in or tie down anything the wind can carry. Keep away from streams, basements and building sites; residents of flood-prone areas should go to {shelter}. Enquiries: {phone}")),
        new("heat-wave", "폭염", "Heat wave", "폭염", "Heat wave",
            CapCategory.Met, CapUrgency.Expected, CapSeverity.Moderate, CapCertainty.Likely, [CapResponseType.Prepare, CapResponseType.Avoid],
            new("[{sender}] {time} {area} 폭염{level}. 한낮 야외활동 자제, 물 자주 마시기, 무더위쉼터({shelter}) 이용 바랍니다.",
                "{area} 폭염{level} ({time}~{until})",
                "{time}부터 {until}까지 {area}에 체감온도 33도 이상의 무더위가 이어질 것으로 예상됩니다. 열사병·열탈진 같은 온열질환에 걸릴 위험이 높습니다.",
                "가장 더운 12시~17시에는 야외 활동과 작업을 피하세요. 목이 마르지 않아도 물을 자주 마시고, 어지럽거나 머리가 아프면 시원한 곳에서 쉬세요. 어르신·어린이·야외 작업자는 특히 조심하시고, 무더위쉼터({shelter})를 이용하세요. 문의: {phone}"),
            new("[{sender}] Heat wave {level} for {area} from {time}. Avoid midday outdoor activity, drink water often, cool off at {shelter}.",
                "Heat wave {level} for {area}, {time} to {until}",
                "Apparent temperatures of 33°C or more are expected in {area} from {time} to {until}. The risk of heat stroke and heat exhaustion is high.",
                "Avoid outdoor activity and work between 12:00 and 17:00. Drink water often even if you are not thirsty, and rest somewhere cool if you feel dizzy or have a headache. Take special care of older people, children and outdoor workers, and use the cooling centre at {shelter}. Enquiries: {phone}")),
        new("cold-wave", "한파", "Cold wave", "한파", "Cold wave",
            CapCategory.Met, CapUrgency.Expected, CapSeverity.Moderate, CapCertainty.Likely, [CapResponseType.Prepare],
            new("[{sender}] {time} {area} 한파{level}. 수도계량기·수도관 동파 예방, 노약자 외출 자제, 외출 시 보온 유의 바랍니다.",
                "{area} 한파{level} ({time}~{until})",
                "{time}부터 {until}까지 {area}의 아침 기온이 크게 떨어져 강추위가 이어질 것으로 예상됩니다. 수도관이 얼어 터지거나 저체온증·동상 같은 한랭질환이 생길 수 있습니다.",
                "수도계량기함은 헌 옷 등으로 채우고, 밤에는 수돗물을 조금 틀어 두어 동파를 막아 주세요. 어르신과 어린이는 외출을 줄이고, 외출할 때는 모자·장갑·목도리로 몸을 따뜻하게 하세요. 한파쉼터({shelter})를 이용할 수 있습니다. 문의: {phone}"),
            new("[{sender}] Cold wave {level} for {area} from {time}. Protect water meters and pipes, limit outings for the vulnerable, dress warmly.",
                "Cold wave {level} for {area}, {time} to {until}",
                "Severe cold is expected in {area} from {time} to {until}, with a sharp drop in morning temperatures. Water pipes may freeze and burst, and hypothermia and frostbite are a risk.",
                "Insulate water meter boxes with old clothes and leave a tap dripping overnight. Older people and children should limit time outdoors; wear a hat, gloves and a scarf when you go out. The warming centre at {shelter} is open. Enquiries: {phone}")),
        new("fine-dust", "미세먼지", "Fine dust", "초미세먼지", "Fine dust (PM2.5)",
            CapCategory.Env, CapUrgency.Immediate, CapSeverity.Moderate, CapCertainty.Observed, [CapResponseType.Avoid],
            new("[{sender}] {time} {area} 초미세먼지 {level} 발령. 외출 자제, 외출 시 보건용 마스크(KF80 이상) 착용 바랍니다.",
                "{area} 초미세먼지 {level} 발령 ({time})",
                "{time}부터 {area}의 초미세먼지(PM2.5) 농도가 매우 높은 상태입니다. 호흡기·심혈관 질환자와 어린이, 어르신은 건강에 영향을 받을 수 있습니다.",
                "바깥 활동을 줄이고, 외출할 때는 보건용 마스크(KF80 이상)를 쓰세요. 창문을 닫고 환기는 짧게 하며, 외출 뒤에는 손과 발을 씻어 주세요. 차량 운행을 줄이고 대중교통을 이용해 주세요. 문의: {phone}"),
            new("[{sender}] Fine dust {level} for {area} from {time}. Stay indoors; outdoors, wear a KF80 or better mask.",
                "Fine dust (PM2.5) {level} for {area} from {time}",
                "PM2.5 concentrations in {area} have been very high since {time}. People with respiratory or heart conditions, children and older people may be affected.",
                "Spend less time outdoors and wear a KF80 or better mask when you go out. Keep windows closed and ventilate briefly, and wash your hands and feet when you come in. Drive less and use public transport. Enquiries: {phone}")),
        new("earthquake", "지진", "Earthquake", "지진", "Earthquake",
            CapCategory.Geo, CapUrgency.Immediate, CapSeverity.Severe, CapCertainty.Observed, [CapResponseType.Shelter, CapResponseType.Evacuate],
            new("[{sender}] {time} {epicenter} 규모{magnitude} 지진 발생. 탁자 아래로 몸 보호, 흔들림 멈추면 계단으로 넓은 곳 대피 바랍니다.",
                "{epicenter} 규모 {magnitude} 지진 발생 ({time})",
                "{time} {epicenter}에서 규모 {magnitude}의 지진이 발생했습니다. {area}에서도 흔들림이 느껴질 수 있으며 여진이 이어질 수 있습니다.",
                "흔들리는 동안에는 탁자 아래로 들어가 머리와 몸을 보호하세요. 흔들림이 멈추면 가스와 전기를 차단하고 문을 열어 출구를 확보한 뒤, 승강기 대신 계단으로 나가세요. 건물과 담장에서 떨어져 운동장·공원 같은 넓은 곳({shelter})으로 대피하세요. 문의: {phone}"),
            new("[{sender}] M{magnitude} earthquake {epicenter} ({time}). Take cover under a table; when shaking stops, use stairs to open space.",
                "M{magnitude} earthquake {epicenter} ({time})",
                "A magnitude {magnitude} earthquake occurred {epicenter} ({time}). Shaking may be felt in {area}, and aftershocks may follow.",
                "While the ground shakes, get under a table and protect your head. When it stops, turn off gas and power, open the door, and leave by the stairs, not the lift. Keep away from buildings and walls and go to an open space such as {shelter}. Enquiries: {phone}")),
        new("fire", "화재", "Fire", "화재", "Fire",
            CapCategory.Fire, CapUrgency.Immediate, CapSeverity.Severe, CapCertainty.Observed, [CapResponseType.Avoid],
            new("[{sender}] {time} {place} 화재 발생. 인근 주민은 연기 흡입 주의, 창문을 닫고 차량은 우회 바랍니다.",
                "{place} 화재 발생 ({time})",
                "{time} {place}에서 불이 나 소방당국이 진화하고 있습니다. 짙은 연기가 {area} 쪽으로 퍼지고 있으며 주변 도로가 통제되고 있습니다.",
                "현장 가까이 가지 말고 소방차가 지나갈 수 있게 길을 비워 주세요. 인근 주민은 창문을 닫고, 연기를 마시지 않도록 젖은 수건으로 코와 입을 막으세요. 차량은 다른 길로 돌아가 주세요. 대피가 필요하면 대피소({shelter})를 이용하세요. 문의: {phone}"),
            new("[{sender}] Fire at {place} ({time}). Nearby residents: avoid the smoke and close windows; drivers, take another route.",
                "Fire at {place} ({time})",
                "A fire broke out at {place} ({time}) and firefighters are at work. Thick smoke is spreading towards {area} and nearby roads are closed.",
                "Keep away from the scene and leave the road clear for fire engines. Nearby residents should close windows and cover nose and mouth with a wet cloth. Drivers should take another route. If you need to leave, go to {shelter}. Enquiries: {phone}")),
        new("power-outage", "정전", "Power outage", "정전", "Power outage",
            CapCategory.Infra, CapUrgency.Immediate, CapSeverity.Moderate, CapCertainty.Observed, [CapResponseType.Monitor],
            new("[{sender}] {time}부터 {area} 정전, {until} 복구 예정. 승강기 이용 자제, 전열기 플러그를 뽑아 주세요. 문의 {phone}",
                "{area} 정전 ({time}부터, {until} 복구 예정)",
                "{time}부터 {area}에 전기 공급이 끊겼습니다. 한국전력공사가 복구하고 있으며 {until}쯤 복구될 예정입니다. 신호등과 승강기, 급수 펌프가 멈출 수 있습니다.",
                "승강기에 갇히면 비상벨을 누르고 구조를 기다리세요. 전기가 다시 들어올 때 과부하가 걸리지 않도록 전열기와 가전제품 플러그를 뽑아 두세요. 촛불 대신 손전등을 쓰고 냉장고 문은 자주 열지 마세요. 신호등이 꺼진 교차로에서는 천천히 지나가세요. 문의: {phone}"),
            new("[{sender}] Power cut in {area} since {time}, back by {until}. Avoid lifts, unplug heaters. Enquiries: {phone}",
                "Power cut in {area} (since {time}, back by {until})",
                "Electricity in {area} has been cut since {time}. KEPCO is restoring supply, expected by {until}. Traffic lights, lifts and water pumps may stop.",
                "If you are trapped in a lift, press the alarm button and wait for help. Unplug heaters and appliances to avoid an overload when power returns. Use a torch rather than candles and keep the fridge closed. Drive slowly through junctions where signals are out. Enquiries: {phone}")),
        new("epidemic", "감염병", "Epidemic", "감염병", "Infectious disease",
            CapCategory.Health, CapUrgency.Expected, CapSeverity.Moderate, CapCertainty.Likely, [CapResponseType.Prepare],
            new("[{sender}] {area} {disease} 확산 주의. 손 씻기·기침 예절 지키기, 의심 증상 시 보건소({phone}) 상담 바랍니다.",
                "{area} {disease} 확산 주의 안내",
                "최근 {area}에서 {disease} 환자가 늘고 있습니다. 가까운 접촉이나 기침·재채기로 퍼질 수 있어 개인 위생 수칙을 지키는 것이 중요합니다.",
                "흐르는 물에 비누로 30초 이상 손을 씻고, 기침할 때는 옷소매로 입과 코를 가리세요. 열·발진·기침 같은 의심 증상이 있으면 다른 사람과의 접촉을 피하고 먼저 보건소({phone})에 상담하세요. 예방접종 대상자는 접종 여부를 확인해 주세요."),
            new("[{sender}] {disease} is spreading in {area}. Wash hands, cover coughs; with symptoms, call the health centre on {phone}.",
                "{disease} spreading in {area}",
                "Cases of {disease} have been rising in {area}. It spreads through close contact and coughs or sneezes, so personal hygiene matters.",
                "Wash your hands with soap for at least 30 seconds and cover coughs with your sleeve. If you have a fever, rash or cough, avoid contact with others and call the public health centre on {phone} first. Check that your vaccinations are up to date.")),
    ];

    public static AlertTemplate? Find(string key) => All.FirstOrDefault(t => t.Key == key);

    /// <summary>Every placeholder with its typical value in the language (Korean unless en-*), for previews and tests.</summary>
    public static IReadOnlyDictionary<string, string> ExampleValues(string? language)
    {
        var english = language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        return Placeholders.ToDictionary(p => p.Name, p => english ? p.ExampleEn : p.ExampleKo, StringComparer.Ordinal);
    }

    /// <summary>
    /// Replaces each <c>{name}</c> with its value (names without braces). A placeholder with no value, or only
    /// whitespace, stays in the text and is listed, so a half-filled alert cannot pass unnoticed. Values are not
    /// searched for placeholders again.
    /// </summary>
    public static AlertTemplateFill Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var unfilled = new List<string>();
        var filled = AlertTemplate.PlaceholderPattern().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            if (!unfilled.Contains(name, StringComparer.Ordinal))
            {
                unfilled.Add(name);
            }

            return m.Value;
        });
        return new AlertTemplateFill(filled, unfilled);
    }
}
