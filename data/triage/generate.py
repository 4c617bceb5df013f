#!/usr/bin/env python3
"""Sotong triage corpus generator.

Run from the repository root:  python3 data/triage/generate.py

Writes, next to this script:
  corpus.jsonl   labelled messages (kind, topic, district, division, train/test split)
  history.csv    a synthetic "past messages of the city" export (division-labelled, noisy)
  pairs.jsonl    near-duplicate evaluation pairs
  routing.json   the default routing table (topic + keywords -> division)
and prints the counts that README.md quotes.

About 12% of corpus.jsonl and of history.csv are long messages (300-1,200 characters: a back story, addresses and
numbers, earlier reports, often a second topic in passing, a request), generated after everything else with seeds of
their own, so the short messages, history rows and pairs do not change when the long family does.

Everything is composed from the hand-written fragment banks below: per sub-topic situations (what citizens
complain about, ask, suggest, praise, remark on), shared frames (greetings, self-introductions, requests, closers,
emoticons), places built from real Seoul district / dong / road / station names, and noise (registers, typos,
missing spaces). Standard library only; fixed seeds; same output on every run.

Held-out templates: in every bank that carries the intent or the situation, the last quarter of the entries
(at least one) is reserved for the test split. Test messages are built only from reserved entries, train messages
only from the others, so a test message is never a re-worded copy of a training message. history.csv never uses
reserved entries either (it adds history-only situations instead), so a model trained on the history can still be
measured honestly on the corpus test split.
"""
import csv
import io
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_CORPUS = 20250611
SEED_HISTORY = 20251231
SEED_PAIRS = 4242

KINDS = ["Praise", "Complaint", "Suggestion", "Question", "Opinion", "Spam"]
TOPICS = ["transport", "safety", "housing", "culture", "welfare", "health", "education", "economy",
          "environment", "roads", "administration"]
TOPIC_DEFAULT_DIVISION = {
    "transport": "TRN-POL", "safety": "SAF-PLN", "housing": "HOU-POL", "culture": "CUL-POL",
    "welfare": "WEL-POL", "health": "HLT-POL", "education": "EDU-POL", "economy": "ECO-POL",
    "environment": "ENV-POL", "roads": "TRN-RD", "administration": "COMM-CIT",
}

# ---------------------------------------------------------------------------------------------------------------
# Sub-topic banks.
#   @key | topic | division | Korean label | English label
#   kw=      routing keywords (Korean and lower-case English; matched as substrings of the normalised text)
#   months=  months in which the sub-topic peaks (history.csv only)
#   sections: ko.issue (Complaint), ko.ask (Question), ko.idea (Suggestion), ko.good (Praise), ko.view (Opinion),
#             ko.tiny (very short messages, "C:" / "Q:" / "P:" / "O:" kind prefix), en.* likewise,
#             ko.hist (situations used only in history.csv).
#   In every section the last quarter of the entries is reserved for the test split (see split_pool).
# ---------------------------------------------------------------------------------------------------------------
BANK_TRANSPORT = """
@bus | transport | TRN-BUS | 버스·노선·배차·정류장 | bus routes, headways and stops
kw=버스, 정류장, 정류소, 배차, 마을버스, 버스기사, 첫차, bus stop, buses, bus driver, bus route, night bus, village bus, the bus
ko.issue
- {bus}번 버스 배차가 요즘 {dur} 넘게 벌어져요. 앱에는 3분 후 도착이라고 떠놓고 갑자기 사라지고요
- {stop} 정류장에서 {bus}번 기사님이 손 흔드는데도 그냥 지나쳐 가셨어요
- {mbus} 마을버스가 {time}에는 아예 안 다니는 것 같아요. {dur} 기다리다 결국 걸어갔어요
- {bus}번 기사님이 급출발 급정거를 너무 심하게 해서 어르신 한 분이 넘어지실 뻔했어요
- {stop} 정류장 버스도착 안내기가 {weeks} 꺼져 있어요
- {stop} 정류장 의자가 부서지고 비가림막 유리도 깨져서 비 오면 다 맞고 기다려요
- 새벽에 {bus}번 첫차가 시간표보다 일찍 출발해버려서 매번 놓쳐요
ko.ask
- {mbus} 마을버스 막차가 몇 시인가요? 정류장 시간표랑 앱이 달라서요
- {bus}번 노선이 다음 달부터 바뀐다던데 {stop}에도 계속 서는 건가요?
- 버스에 유모차 접지 않고 타도 되는 건가요? 기사님마다 말이 달라요
- {bus}번 버스에 지갑을 두고 내렸는데 분실물은 어디로 문의해야 하나요?
ko.idea
- {station}에서 {dong} 쪽으로 가는 노선이 하나도 없는데 마을버스 노선 하나 만들어주면 좋겠어요
- 출퇴근 시간에만이라도 {bus}번 증차해서 배차간격 좀 줄였으면 합니다
- 정류장마다 온열의자랑 바람막이 설치해주면 겨울에 어르신들이 훨씬 덜 고생하실 것 같아요
- 심야버스를 {gu} 안쪽 골목까지 한 바퀴 도는 노선으로 하나 더 만들어보면 어떨까요
ko.good
- {bus}번 기사님이 휠체어 타신 분 내리실 때 직접 내려서 도와주시더라고요
- 지난번에 {stop} 정류장 도착안내기 고장 났다고 신고했는데 이틀 만에 고쳐졌네요
- {mbus} 마을버스 배차가 늘어나서 출근길이 {dur}은 빨라졌어요
ko.view
- 요즘 {bus}번 타보면 학생들보다 어르신들이 훨씬 많더라고요. 동네가 많이 늙었나 봐요
- 버스 요금 또 오른다는 기사 봤는데 월급 빼고 다 오르는 것 같네요
- 버스전용차로 생기고 나서 버스는 빨라졌는데 승용차는 더 막히는 느낌이에요. 뭐가 맞는 건지 모르겠어요
ko.tiny
- C: {bus}번 또 안와요 ㅡㅡ
- Q: {mbus} 막차 몇시에요?
- C: 버스 기사 난폭운전 신고합니다 {bus}번
en.issue
- The {bus} bus just skipped the {stop} stop again, the driver didn't even slow down. Third time this week
- Bus arrival screen at the {stop} stop has been broken {weeks}, so we never know when the bus comes
- Driver on bus {bus} yelled at me because my transit card didn't beep the first time. Very rude
en.ask
- Is there an English timetable for the {mbus} village bus? The stop only has Korean
- Does the {bus} bus still stop at {station} during the construction?
en.idea
- Would be great if bus stops showed route names in English too, at least the main ones near {station}
- Please add more night buses toward {gu}, after midnight the only option is an expensive taxi
en.good
- Shout out to the driver of bus {bus} this morning who waited for my grandma to sit down before moving
- The new bus shelter at the {stop} stop with the heated seats is amazing, thank you!
en.view
- Buses here are honestly better than back home, cheap and frequent
- Funny how the {bus} is always empty at noon and packed like sardines at 8am
ko.hist
- {bus}번 버스 안에 에어컨이 안 나와서 {time}에 찜통이었어요
- {stop} 정류장 위치를 옮긴 뒤로 횡단보도까지 한참 돌아가야 해요

@subway | transport | TRN-OPS | 지하철·신호·교통체증 | subway, traffic signals and congestion
kw=지하철, 호선, 전철, 스크린도어, 열차, 신호등, 신호가, 신호 체계, 좌회전 신호, 교통체증, 꼬리물기, 역무원, 환승통로, subway, metro, train, traffic light, signal, 엘리베이터, 엘베, 에스컬레이터, elevator
ko.issue
- {line} {station} 엘리베이터가 {weeks} 고장이라 유모차 끌고 계단으로 다녀요
- {road} {station} 앞 사거리 신호가 너무 짧아서 어르신들이 건너다 중간에 빨간불이 돼요
- {time}쯤 {line} 열차가 {dur} 가까이 멈춰 섰는데 안내방송도 제대로 없이 갇혀 있었어요
- {place} 신호등이 {date}부터 계속 노란불만 깜빡여요. 차들이 그냥 막 지나가요
- 출근시간 {line} {station} 환승통로가 너무 붐벼서 사람들 밀려 넘어질 것 같아요. 진짜 위험해요
- {road} 좌회전 신호가 너무 짧아서 출퇴근 때마다 꼬리물기 때문에 교차로가 마비돼요
- {station} 스크린도어가 자꾸 열렸다 닫혔다 오작동해서 열차가 계속 지연돼요
ko.ask
- {line} 막차 시간 연장한다는 거 언제부터 시행하나요?
- {station} {x}번 출구 엘리베이터 공사 언제 끝나요?
- 지하철 무임승차 연령 기준 바뀐다는 얘기 있던데 사실인가요?
- {place} 신호등 고장 신고는 어디에다 해야 빨리 고쳐지나요?
ko.idea
- {station} 환승통로에 무빙워크 하나만 놔주면 출근길이 훨씬 편할 것 같아요
- {place} 교차로 신호를 출퇴근 시간만 따로 조정하면 막힘이 좀 풀릴 것 같아요
- 지하철 칸마다 혼잡도를 역 전광판에 보여주면 사람들이 알아서 덜 붐비는 칸으로 갈 것 같아요
- 여름에 {line} 약냉방칸을 한 칸 더 늘리면 좋겠어요. 추위 타는 사람도 많거든요
ko.good
- {station} 엘리베이터 새로 생겨서 휠체어로 다니기 훨씬 편해졌어요
- {place} 신호 체계 바꾸고 나서 출근길이 확실히 덜 막혀요
- 지하철 고장 났을 때 역무원분들이 침착하게 안내해주셔서 큰 혼란 없이 내렸어요
ko.view
- {line}은 진짜 출근시간엔 지옥철이에요. 다들 어떻게 버티는지 모르겠어요
- 요즘 지하철 안내방송에 영어 중국어 일본어 다 나오는 거 보면 세상 많이 변했다 싶어요
- 신호등 초록불 남은 시간 표시 생긴 건 좋은데 오히려 뛰는 사람이 많아진 것 같네요
ko.tiny
- C: {station} 엘베 또 고장 ㅡㅡ
- Q: {line} 지금 지연되나요??
- C: 신호등 고장났어요 {place}
en.issue
- Elevator at {station} exit {x} has been out of order {weeks}. Not everyone can use stairs
- The traffic light at {place} is stuck on blinking yellow, cars just fly through
- Train on {line} stopped for like {dur} between stations with no English announcement at all
en.ask
- What time is the last train on {line} on weekends?
- Is the transfer passage at {station} closed this weekend? The sign was only in Korean
en.idea
- Please show in English which exit to use for the big landmarks, {station} is super confusing
- Could the pedestrian signal at {place} be a bit longer? Elderly people can't make it across
en.good
- Station staff at {station} helped me find my lost phone within an hour, super kind
- The new signal timing on {road} really cut my commute, thanks
en.view
- The subway here is honestly the best I've used, except rush hour on {line}
- Everyone runs for the train even when the next one is 2 min away lol
ko.hist
- {station} 화장실이 공사 중이라 두 정거장 가서 써야 해요
- {place} 신호위반 차량이 너무 많아요. 신호가 바뀌어도 그냥 밀고 들어와요

@parking | transport | TRN-PRK | 주차·불법주차 | parking and illegal parking
kw=주차, 주정차, 견인, 거주자우선, 이중주차, parking, parked, towed, tow truck
ko.issue
- {place}에 불법주차 차량 때문에 소방차는커녕 일반 차도 못 지나가요. 매일 밤 난리예요
- {apt} 앞 거주자우선주차 구역에 외부 차량이 {weeks} 대놓고 세워져 있어요
- {school} 앞 어린이보호구역에 학원 차들이 이중주차를 해서 애들이 차 사이로 튀어나와요
- {dong} 공영주차장 정산기가 카드 인식을 못 해서 {dur} 동안 출차를 못 했어요
- 주차 단속 문자도 없이 {money} 과태료 고지서가 날아왔어요. 잠깐 {n}분 세운 건데요
- {market} 앞 골목에 화물차들이 밤새 세워져 있어서 아침마다 통행이 안 돼요
- 불법주차 신고해도 단속반은 {dur} 지나서 오고 그사이 차는 이미 빠져요. 매번 헛걸음이에요
ko.ask
- 거주자우선주차 신청은 언제 어디서 하나요? {dong} 쪽은 대기가 얼마나 되는지도 궁금해요
- {dong} 공영주차장 월정기 요금이 얼마인가요?
- 주정차 과태료 이의신청은 어떻게 하나요? 장애인 차량인데 표지를 못 봤다고 하네요
- 명절 때 전통시장 주변 주차 허용한다던데 {market} 쪽도 해당되나요?
ko.idea
- {dong}은 주차장이 너무 부족한데 학교 운동장을 밤에만 주차장으로 개방하면 어떨까요
- 비어 있는 거주자우선주차 칸을 낮에 다른 사람이 쓸 수 있게 공유하면 좋겠어요
- 불법주차 신고 앱에 처리 결과를 바로 알려주는 기능이 있으면 좋겠어요
- {place} 쪽 빈 땅을 임시 공영주차장으로 쓰면 주차난이 좀 풀릴 것 같아요
ko.good
- {place} 상습 불법주차 신고했는데 단속 나와주셔서 이제 길이 뻥 뚫렸어요
- 공영주차장 새로 생겨서 {dong} 골목 주차 전쟁이 많이 줄었어요
- 과태료 이의신청 담당자분이 친절하게 설명해주셔서 잘 해결됐습니다
ko.view
- 주차 문제는 아무리 민원 넣어도 끝이 없는 것 같아요. 차가 너무 많아요
- {dong}은 차 사면 주차 때문에 이사 가야 한다는 말이 괜히 나온 게 아니더라고요
- 주차 단속 강화한다는데 동네 가게들은 손님 끊긴다고 걱정이 많네요
ko.tiny
- C: {place} 불법주차 또 있어요
- Q: 공영주차장 몇시까지해요?
- C: 주차 단속 좀 제발
en.issue
- Someone has parked in front of my garage at {addr} every night {weeks}, I can't get my car out in the morning
- Cars park all over the crosswalk near {school}, kids have to walk into the road
- Got a {money} parking fine even though the sign at {place} was completely covered by a tree
en.ask
- How do foreigners apply for resident parking in {dong}? Is an alien registration card enough?
- How do I pay a parking ticket online if I don't have Korean phone verification?
en.idea
- Public parking lots should show free spaces on the map app, would save so much driving around
- Maybe open the school lots at night for residents? {dong} has zero parking
en.good
- Reported the car blocking the fire lane at {place} and it was towed the same day. Impressed
- The new public parking near {station} is cheap and clean, great job
en.view
- Parking here is a nightmare but honestly the subway is so good I don't miss driving
- People park anywhere as long as the hazard lights are on, it's kind of a local sport lol
ko.hist
- {apt} 주차장 입구에 외부 차량이 매일 밤 주차해서 주민들 차가 못 들어가요
- {place} 장애인 전용 주차구역에 일반 차량이 상습적으로 주차합니다

@bike | transport | TRN-PED | 자전거·킥보드·보행 | bicycles, scooters and walking
kw=자전거, 공공자전거, 킥보드, 횡단보도, 보행, 무단횡단, bike, bicycle, cycling, scooter, crosswalk, pedestrian
ko.issue
- {place} 인도에 전동킥보드가 {n}대씩 아무렇게나 쓰러져 있어서 휠체어가 못 지나가요
- {road} 자전거도로가 중간에 뚝 끊겨서 차도로 나가야 해요. 너무 무서워요
- {station} 앞 공공자전거 대여소 거치대가 {weeks} 고장이라 반납이 안 돼요
- {school} 앞에 횡단보도가 없어서 애들이 무단횡단하다시피 건너요
- 자전거도로 위로 사람들이 그냥 걸어다니고 자전거는 인도로 달리고 엉망이에요. {park} 쪽 특히요
- 킥보드 두 명이 같이 타고 인도로 쌩 지나가다가 {kid}하고 부딪힐 뻔했어요
- {place} 보행로에 공사 자재가 쌓여서 사람들이 차도로 걸어요
ko.ask
- 공공자전거 정기권 외국인도 가입할 수 있나요?
- 전동킥보드 방치된 거 신고하면 바로 수거해 가나요? 어디에 신고하나요?
- {road}에 자전거도로 생긴다는 얘기 들었는데 언제 공사하나요?
- {school} 앞 횡단보도 설치 요청했는데 진행 상황 확인할 수 있나요?
ko.idea
- {park}에서 {station}까지 자전거도로를 이어주면 자전거로 출퇴근하는 사람이 훨씬 늘 거예요
- 킥보드 주차구역을 지하철역 출구마다 따로 그려두면 방치가 줄 것 같아요
- 공공자전거에 유아 안장 달린 자전거도 몇 대 두면 좋겠어요
- {place} 사거리에 대각선 횡단보도 만들면 건너기 훨씬 편할 것 같아요
ko.good
- {road} 자전거도로 새로 정비해주셔서 출퇴근이 진짜 쾌적해졌어요
- {school} 앞 횡단보도 생겨서 애들 등굣길 걱정이 줄었어요. 감사합니다
- 방치 킥보드 신고했더니 한 시간도 안 돼서 치워졌네요
ko.view
- 킥보드는 편하긴 한데 타는 사람들 매너가 문제인 것 같아요
- 공공자전거 요즘 진짜 많이들 타더라고요. {park} 가면 절반이 공공자전거예요
- 걷기 좋은 도시라고 홍보하는데 막상 걸어보면 인도가 너무 좁아요
ko.tiny
- C: 킥보드 방치 {place}
- Q: 공공자전거 몇시간까지 무료에요?
- C: 자전거도로 끊김 ㅡㅡ
en.issue
- E-scooters dumped all over the sidewalk at {exit}, blind people literally trip on them
- The bike lane on {road} just ends and throws you into traffic, someone's going to get killed
- Public bike dock at {station} won't lock, I got charged for an extra hour
en.ask
- Can I use the public bike app with a foreign credit card?
- Are kick scooters allowed on the paths at {park}?
en.idea
- A protected bike lane from {park} to {station} would get so many people cycling
- Designated scooter parking boxes at subway exits please
en.good
- Love the new bike lanes in {dong}, felt safe riding with my kid
- Reported dumped scooters and they were gone in an hour, nice
en.view
- Cycling here is getting better but drivers still don't see bikes at all
- The public bikes are everywhere now, kinda cool to see
ko.hist
- {road} 자전거도로 노면 표시가 다 지워져서 보행자들이 모르고 걸어요
- 공공자전거 앱 결제 오류로 {money}이 두 번 빠져나갔어요

@roadworks | transport | TRN-RD | 도로공사·차로·도로확장 | roadworks, lanes and road widening
kw=도로공사, 도로 공사, 공사 구간, 차선, 차로, 확장공사, 도로 확장, 철판, 우회, roadwork, road work, construction on, lanes, lane markings, detour, repaving, 야간 공사, 공사가, 포장 공사
ko.issue
- {road} 도로공사를 {weeks} 하는데 안내판도 없이 차로를 막아놔서 출퇴근 때마다 꽉 막혀요
- {place} 도로를 파고 나서 덮어놓은 철판이 덜컹거려서 밤새 쾅쾅 소리가 나요
- 공사 구간 우회 안내가 엉망이라 {dong} 골목으로 차들이 다 몰려요
- {road} 차선이 다 지워져서 비 오는 밤엔 어디가 차선인지 하나도 안 보여요
- 같은 도로를 가스공사 끝나니까 또 상수도공사 한다고 파고 있어요. {weeks} 계속 공사판이에요
- {road} 확장공사 한다더니 {n}년째 보상 문제로 멈춰 있어요
- 한밤중에 도로 포장 공사를 해서 잠을 한숨도 못 잤어요
ko.ask
- {road} 도로공사 언제 끝나나요? 공사 기간 안내가 없어서요
- {road} 확장 계획이 있다던데 저희 {addr} 건물도 수용되나요?
- 도로공사 때문에 차가 파손됐는데 보상은 어디에 신청하나요?
- {place} 쪽 야간 공사 허가 시간이 몇 시까지인가요?
ko.idea
- 도로공사 할 때 가스 수도 통신 공사를 한 번에 묶어서 하면 좋겠어요
- 공사 구간 안내를 내비 앱에 미리 연동하면 우회하기 훨씬 편할 것 같아요
- {road}는 출퇴근 때만 가변차로를 운영하면 덜 막힐 것 같아요
- 차선 도색을 비 올 때도 잘 보이는 반사 도료로 바꾸면 어떨까요
ko.good
- {road} 공사가 예정보다 빨리 끝나서 다행이에요. 작업하신 분들 고생 많으셨어요
- 야간 공사 소음 민원 넣었는데 바로 작업 시간 조정해주셨네요
- 차선 새로 칠하니까 밤 운전이 훨씬 편해졌어요
ko.view
- 매년 연말만 되면 멀쩡한 도로 파는 거 보면 예산 소진하는 건가 싶어요
- 도로 넓혀봤자 차가 더 늘어나서 결국 또 막힌다는 말이 맞는 것 같아요
- {road} 공사는 하는 건지 안 하는 건지 사람이 안 보여요 ㅋㅋ
ko.tiny
- C: {road} 공사 언제끝나요 진짜
- Q: 도로공사 몇시까지 해요?
- C: 차선 안보여요 {road}
en.issue
- Roadwork on {road} has blocked two lanes {weeks} with no signs about when it ends
- The steel plates over the roadworks at {place} bang every time a truck passes, all night
- Lane markings on {road} are basically gone, really dangerous in the rain
en.ask
- When will the construction on {road} be finished?
- Who do I contact for damage to my car from a road construction site?
en.idea
- Please coordinate the gas/water/telecom digging so the same road isn't dug up three times a year
- Put the detour info into the navigation apps before construction starts
en.good
- The roadwork on {road} finished early, thanks to the crews
- Fresh lane paint on {road} makes night driving so much easier
en.view
- Every December the roads get dug up, must be budget season lol
- Wider roads just mean more cars, that's my two cents
ko.hist
- {road} 공사 현장에 신호수가 없어서 차들이 서로 엉켜요
- 공사 끝나고 원상복구를 안 해서 {place} 도로가 울퉁불퉁해요

@taxi | transport | TRN-POL | 택시·교통요금·교통카드 | taxis, fares and transit cards
kw=택시, 승차거부, 교통카드, 교통비, 요금, 정기권, 환승 할인, 할증, taxi, fares, bus fare, taxi fare, transit card, transit pass
ko.issue
- {station}에서 {time}에 택시 잡으려고 {dur} 서 있었는데 빈 택시들이 다 승차거부해요
- 택시 기사님이 {dong} 간다니까 가까운 데는 안 간다고 내리라고 하셨어요
- 택시가 일부러 돌아가서 평소보다 요금이 두 배 가까이 나왔어요
- 교통카드 충전했는데 잔액이 반영이 안 돼서 두 번이나 돈을 냈어요
- 대중교통 요금 또 올린다는데 한 달에 {money} 넘게 교통비로 나가요. 서민들은 어떻게 살라는 건지
- 택시 앱으로 불러도 {dong}은 아무도 안 잡아요. {time}에 애가 아파서 병원 가야 했는데요
- 환승 할인이 {n}번째부터 적용이 안 돼서 요금이 이상하게 나와요
ko.ask
- 통합정기권 청년 할인은 몇 살까지 되나요?
- 택시 승차거부 신고하면 과태료 얼마나 나오나요? 영수증 있어요
- 교통카드 잔액 환불은 어디서 받을 수 있나요?
- 심야 택시 할증 시간이 바뀐 거 맞나요?
ko.idea
- 심야에 {station} 앞에 택시 승차대 운영하면 승차거부도 줄고 좋을 것 같아요
- 어르신 교통카드를 주민센터에서 바로 발급해주면 좋겠어요
- 교통비 많이 쓰는 사람한테는 월 상한제 같은 걸 해주면 어떨까요
- 택시 앱 호출에 장거리만 골라 받는 거 막는 장치가 있으면 좋겠어요
ko.good
- 택시에 휴대폰 두고 내렸는데 기사님이 직접 가져다주셨어요. 칭찬 좀 해주세요
- 통합정기권 덕분에 한 달 교통비가 {money}이나 줄었어요
- 승차거부 신고 처리가 생각보다 빨리 됐어요
ko.view
- 택시비가 올라서 그런지 요즘 택시 잡기는 오히려 쉬워졌네요
- 요금 올리는 건 이해하는데 서비스도 좀 같이 좋아졌으면 하는 바람이에요
- 교통 정책은 맨날 바뀌어서 뭐가 뭔지 모르겠어요 ㅋㅋ
ko.tiny
- C: 택시 승차거부 {station}
- Q: 정기권 어디서 사요?
- C: 교통카드 오류남
en.issue
- Taxi driver refused to take me to {dong} because it was "too close" and kicked me out at {station}
- Charged twice on my transit card when transferring at {station}
- Taxi from {place} took a huge detour, {money} for a 10 minute ride
en.ask
- Can tourists buy the monthly unlimited transit pass?
- Where can I get a refund of the balance on my transit card before leaving Korea?
en.idea
- Official taxi stands at {station} late at night would stop the refusals
- An English option in the taxi call app would help so many foreigners
en.good
- My taxi driver returned my wallet to the police box, restored my faith in humanity
- The monthly transit pass is a great deal, thanks
en.view
- Fares keep going up but still way cheaper than London
- Taxis at 1am are a lottery here lol
ko.hist
- 택시 기사님이 운전 중에 계속 통화하셔서 불안했어요
- 교통카드 단말기가 {bus}번 버스에서 자꾸 두 번 찍혀요
"""

BANK_SAFETY = """
@flood | safety | SAF-FLD | 침수·빗물받이·하수 역류 | flooding, storm drains and sewer backflow
kw=침수, 빗물받이, 배수, 하수구, 역류, 물난리, 폭우, 장마, 반지하, 물막이, 양수기, 지하차도, flood, drain, sewer, heavy rain
months=6,7,8,9
ko.issue
- 비만 오면 {place} 도로가 발목까지 물이 차요. 빗물받이가 낙엽이랑 담배꽁초로 다 막혀 있어요
- {date} 폭우 때 {dong} 반지하 집들에 또 물 들어왔어요. 작년에도 그랬는데 바뀐 게 없어요
- {apt} 앞 하수구에서 비 오면 물이 역류해서 분수처럼 솟아요
- 반지하 사는데 물막이판 신청했는데 {weeks} 연락이 없어요. 장마 곧인데 불안해요
- {station} {x}번 출구 쪽 지하차도가 비만 오면 잠기는데 통제도 안 하고 차들이 그냥 들어가요
- {road} 배수로 공사하고 나서 오히려 물이 더 고여요
- 빗물받이 위에 상가에서 덮개를 덮어놔서 비 오면 물이 하나도 안 빠져요
ko.ask
- 침수 피해 지원금은 어떻게 신청하나요? {date} 비로 가구랑 가전 다 버렸어요
- 반지하 물막이판이랑 역류방지기 설치 지원은 누가 받을 수 있나요?
- {dong}이 침수 위험지역에 들어가는지 어디서 확인할 수 있나요?
- 지하차도 침수되면 통제 알림 문자를 받을 수 있나요?
ko.idea
- 장마 전에 빗물받이 청소를 주민들이랑 같이 하는 날을 정하면 좋겠어요
- 빗물받이 위에 담배꽁초 버리지 말라는 표시를 크게 그려두면 덜 버릴 것 같아요
- 침수 위험 지하차도엔 자동 차단기를 달아주면 좋겠어요
- 반지하 가구에 비 예보 뜨면 담당 공무원이 직접 전화 한 통 해주면 어떨까요
ko.good
- 작년에 물난리 난 {dong} 골목에 배수관 새로 묻어주셔서 올해는 멀쩡했어요
- 폭우 때 구청 직원분들이 밤새 양수기 돌려주셨어요. 정말 감사해요
- 빗물받이 막혔다고 신고했는데 그날 바로 청소해주셨어요
ko.view
- 비 오는 양이 예전이랑 다른 것 같아요. 이제 장마가 아니라 우기 같아요
- 반지하 없앤다고 하는데 거기 사는 사람들은 어디로 가야 하는지 모르겠네요
- 하수도 용량을 키우는 게 맞는 건지 잘 모르겠지만 뭔가 근본 대책이 필요해 보여요
ko.tiny
- C: {place} 또 물 잠겼어요 ㅠㅠ
- Q: 침수지원금 언제 나와요?
- C: 빗물받이 막힘 {place}
en.issue
- Every time it rains the street at {place} floods up to the ankles, the drains are clogged with cigarette butts
- Water came up through the floor drain in our semi-basement in {dong} again last night
- The underpass near {station} floods and nobody blocks it, cars drive straight in
en.ask
- How do I apply for flood damage support? My basement flat in {dong} got flooded {date}
- Is there an English flood alert service?
en.idea
- Automatic barriers at flood-prone underpasses would save lives
- Clean the storm drains before the rainy season, not after
en.good
- The crews pumping water out of our street all night during the storm were heroes, thank you
- Reported a blocked drain, cleaned the same day
en.view
- The rain here in summer is insane, never seen anything like it
- Semi-basement flats shouldn't exist honestly
ko.hist
- {place} 맨홀에서 물이 넘쳐서 차가 못 지나가요
- 지난 비에 {apt} 지하주차장이 잠겼는데 배수펌프가 작동을 안 했어요

@disaster | safety | SAF-DIS | 재난문자·폭설·폭염·한파·대피소 | alerts, snow, heat, cold and shelters
kw=재난문자, 재난, 폭설, 제설, 눈길, 빙판, 폭염, 한파, 무더위쉼터, 그늘막, 대피소, 지진, 염화칼슘, snow, heatwave, heat shelter, cooling shelter, emergency alert, shelter, earthquake, 눈 안 치우, 집 앞 눈, 눈 치우
months=12,1,2,7,8
ko.issue
- 어제 눈 왔는데 {road} 언덕길은 아직도 제설이 하나도 안 돼서 차들이 미끄러지고 난리예요
- {dong} 골목 제설함이 텅 비어 있어요. 염화칼슘 좀 채워주세요
- 재난문자가 한밤중에 와서 애들이 다 깼는데 정작 우리 동네랑 상관없는 내용이었어요
- {center} 무더위쉼터라고 붙어 있는데 가보니까 문이 잠겨 있었어요
- 폭염인데 {park} 그늘막이 다 접혀 있어요. 어르신들이 땡볕에 앉아 계세요
- 지진 대피소가 {school} 운동장이라는데 가보니 안내판 하나 없어요
- 한파에 {stop} 정류장 온기텐트가 {weeks} 철거된 상태예요
ko.ask
- 우리 {dong} 지진 대피소는 어디인가요?
- 무더위쉼터 운영 시간이 몇 시까지인가요? 주말에도 하나요?
- 재난문자 수신 지역을 {gu}만 받게 설정할 수 있나요?
- 내 집 앞 눈 안 치우면 과태료 나온다는 게 사실인가요?
ko.idea
- 언덕길마다 열선을 깔면 겨울 사고가 확 줄 것 같아요
- 재난문자를 구 단위로 더 잘게 나눠서 보내주면 좋겠어요
- 무더위쉼터를 은행이나 편의점이랑 협약해서 늘리면 어떨까요
- 대피소 위치를 지도 앱에 표시해주면 좋겠어요
ko.good
- 새벽부터 제설차가 돌아서 출근길이 생각보다 괜찮았어요. 고생하셨습니다
- {center} 무더위쉼터 덕분에 할머니가 여름을 잘 버티셨어요
- 재난문자 덕분에 산사태 위험 알고 미리 대피했어요
ko.view
- 재난문자가 너무 자주 와서 이제는 다들 그냥 무시하는 것 같아요
- 올여름은 진짜 역대급으로 더웠던 것 같아요
- 눈 오면 큰길은 잘 치우는데 골목은 늘 뒷전인 느낌이에요
ko.tiny
- C: {road} 제설 안됨 ㅠ
- Q: 대피소 어디에요?
- C: 재난문자 그만 좀...
en.issue
- The hill on {road} still hasn't been cleared of snow, cars sliding everywhere
- Went to the heat shelter at {center} and it was locked
- Got an emergency alert at 3am in Korean only, no idea what it said
en.ask
- Where is the earthquake shelter for {dong}?
- Can I get the emergency alerts in English?
en.idea
- Heated roads on the steep hills would prevent so many accidents
- Put shelter locations on the map apps please
en.good
- Snow plows were out at 5am, roads were fine for my commute, impressive
- The cooling shelter at the community center saved my elderly neighbor this summer
en.view
- Too many emergency texts, people just ignore them now
- This summer was brutal, never been so hot
ko.hist
- 눈 온 뒤 {station} 출구 계단이 빙판인데 모래 한 포대 없어요
- 폭염 특보 났는데 {park} 쿨링포그가 꺼져 있어요

@construction | safety | SAF-FAC | 공사장·싱크홀·축대·건물 안전 | construction sites, sinkholes, retaining walls
kw=싱크홀, 땅꺼짐, 땅이 꺼, 축대, 옹벽, 균열, 금이 가, 금이 쩍쩍, 공사장, 타워크레인, 붕괴, 안전펜스, 가림막, 외벽, sinkhole, retaining wall, crack, construction site, crane, collapse, fence, 펜스
ko.issue
- {place} 공사장 안전펜스가 바람에 넘어가서 인도를 막고 있어요
- {dong} 뒷산 쪽 축대에 금이 쩍쩍 가 있고 비 오면 흙이 흘러내려요. 무너질까 봐 무서워요
- {road}에 땅이 갑자기 꺼져서 지름 {n}0센티쯤 되는 구멍이 생겼어요
- 옆 건물 공사하면서 저희 {apt} 벽에 금이 가기 시작했어요
- 공사장 타워크레인이 {school} 바로 위로 자재를 옮겨요. 애들 머리 위로요
- {place} 공사장에서 자재가 떨어져서 주차된 차가 찌그러졌어요
- 노후 상가 건물 외벽 타일이 {road} 쪽으로 떨어져요. 사람 맞으면 큰일 나요
ko.ask
- 공사장 안전점검은 누가 언제 하나요? {place} 현장이 너무 위험해 보여서요
- 우리 건물이 안전진단 대상인지 어떻게 알 수 있나요?
- 싱크홀 신고는 어디로 해야 하나요?
- 축대 보수 비용을 시에서 지원해주는 제도가 있나요?
ko.idea
- 공사장 안전펜스에 점검일이랑 담당자 연락처를 붙여두게 하면 좋겠어요
- 노후 축대는 시에서 목록 만들어서 우기 전에 한 번씩 점검해주면 어떨까요
- 지하 굴착 공사 근처엔 땅꺼짐 감지 센서를 달면 좋겠어요
- 공사장 주변 보행로를 지붕 있는 통로로 만드는 걸 의무화했으면 해요
ko.good
- {dong} 축대 신고했는데 바로 점검 나오시고 보강공사까지 해주셨어요
- 싱크홀 생긴 날 밤에 바로 통제하고 복구해주셔서 감사했어요
- 공사장 안전관리 감독이 세졌는지 요즘 현장이 훨씬 깔끔하네요
ko.view
- 뉴스에 싱크홀 얘기 나올 때마다 길 걷기가 무서워요
- 재건축 공사가 동네에 너무 많아서 온 동네가 공사판이에요
- 오래된 건물이 많아서 안전점검이 제대로 되는지 늘 의문이에요
ko.tiny
- C: {road} 땅꺼짐 있어요!!
- Q: 싱크홀 신고 어디로?
- C: 공사장 펜스 쓰러짐 {place}
en.issue
- There's a sinkhole opening up on {road}, about the size of a tire
- The construction fence at {place} fell over onto the sidewalk, people are walking in the road
- The retaining wall behind our building in {dong} has big cracks and is leaking mud
en.ask
- Who inspects construction site safety? The site at {place} looks sketchy
- Where do I report a crack in a public retaining wall?
en.idea
- Construction sites should post the inspector's contact on the fence
- Covered walkways next to big construction sites should be required
en.good
- The sinkhole on {road} was fenced off and fixed overnight, great response
- Thanks for inspecting the cracked wall in {dong} so quickly
en.view
- So much construction everywhere, the whole city is a building site
- Sinkhole news makes me nervous walking around lol
ko.hist
- {place} 공사장 가림막이 찢어져서 먼지랑 자재가 날려요
- 철거 공사 현장에서 살수차도 없이 건물을 부수고 있어요

@bridge | safety | SAF-BRG | 교량·육교·고가도로 | bridges, footbridges and overpasses
kw=교량, 육교, 고가, 대교, 다리 난간, 다리 밑, 다리 위, 교각, 이음새, bridge, overpass, flyover, footbridge
ko.issue
- {road} 육교 계단 난간이 흔들려요. 손잡이 잡으면 덜컹거려서 어르신들 넘어질 것 같아요
- {landmark} 근처 육교 엘리베이터가 {weeks} 멈춰 있어요
- {gu} 쪽 고가도로 밑을 지나는데 콘크리트 조각이 떨어져서 차 유리에 맞았어요
- 대교 보행로에 자전거가 쌩쌩 달려서 걸어가기 무서워요
- {dong} 하천 다리 밑 교각에 녹물이 흐르고 철근이 보여요
- {station} 앞 육교 바닥 타일이 들떠서 비 오면 미끄러져요
- 고가도로 이음새에서 차 지나갈 때마다 쿵쿵 소리가 나요
ko.ask
- {road} 육교 철거한다는 얘기 있던데 언제 하나요?
- 대교 보수공사 때문에 통제되는 시간이 언제인가요?
- 육교 엘리베이터 고장은 어디에 신고하나요?
- 우리 동네 다리들 안전등급은 어디서 볼 수 있나요?
ko.idea
- {station} 앞 육교 대신 횡단보도를 만들어주면 어르신들이 훨씬 편할 것 같아요
- 대교 보행로에 자전거 길이랑 사람 다니는 길을 분리해주면 좋겠어요
- 교량 안전점검 결과를 현장에 QR코드로 붙여두면 시민들이 안심할 것 같아요
- 육교에 비가림 지붕을 달아주면 어떨까요
ko.good
- {road} 육교 엘리베이터 고쳐주셔서 유모차 끌고 다니기 편해졌어요
- 대교 보행로 야간 조명 바꾼 거 너무 예뻐요. 밤 산책 코스가 됐어요
- 흔들리던 육교 난간 신고했는데 금방 고쳐주셨네요
ko.view
- 육교 없애고 횡단보도 생기는 곳이 많던데 시대가 바뀐 거겠죠
- 강 건너는 다리 위에서 보는 경치는 진짜 좋아요
- 오래된 고가도로들이 언제까지 버틸지 가끔 걱정돼요
ko.tiny
- C: 육교 엘베 고장 {road}
- Q: 대교 통제 언제까지에요?
- C: 고가 밑 콘크리트 떨어짐
en.issue
- The footbridge elevator near {station} has been broken {weeks}
- Chunks of concrete falling from the overpass on {road}, one hit my windshield
- Railing on the footbridge at {place} is loose, feels like it could give way
en.ask
- When is the bridge maintenance closure ending?
- Where can I see the safety rating of the bridges in {gu}?
en.idea
- Replace the overpass near {station} with a crosswalk, the stairs are impossible with a stroller
- Separate bike and walking lanes on the bridge walkways please
en.good
- The new lights on the bridge walkway are beautiful, my favorite night walk now
- Footbridge elevator near {station} finally fixed, thank you
en.view
- The river bridges at night are the best view in the city
- Footbridges feel so 90s, crosswalks are way nicer
ko.hist
- {road} 고가 아래 배수구에서 물이 떨어져서 겨울엔 빙판이 돼요
- 육교 계단에 쓰레기가 잔뜩 버려져 있어요

@fire | safety | FIR-PRV | 화재 예방·소방 | fire prevention
kw=화재, 소화기, 소화전, 소방, 비상구, 방화문, 불나, 스프링클러, 감지기, fire, extinguisher, hydrant, fire exit, smoke detector
ko.issue
- {place} 좁은 골목에 차가 양쪽으로 세워져 있어서 불나면 소방차가 절대 못 들어와요
- {apt} 비상구 앞에 자전거랑 짐이 잔뜩 쌓여 있어요. 관리사무소는 모른 척해요
- {market} 안에 멀티탭을 주렁주렁 연결해서 쓰는 가게들이 있어서 화재 날까 무서워요
- {dong} 공원 옆 소화전 앞에 매일 차가 세워져 있어요
- {place} 건물 방화문을 도어스톱으로 항상 열어놔요
- 골목 공용 소화기 압력 게이지가 빨간색이에요. 한 번도 점검 안 한 것 같아요
- 옆집에서 매일 밤 마당에서 쓰레기를 태워서 연기가 나요. 불 옮겨붙을까 봐 걱정돼요
ko.ask
- 주택용 소화기랑 화재감지기 무료로 주는 거 아직 하나요?
- 소방시설 점검은 누가 하나요? 저희 {apt}도 몇 년째 점검을 안 한 것 같아서요
- 비상구 막힌 거 신고하면 포상금 있다던데 어떻게 신고하나요?
- 다 쓴 소화기는 어디에 버려야 하나요?
ko.idea
- 골목 입구마다 보이는 소화기함을 더 설치해주면 좋겠어요
- 전통시장 화재 점검을 상인회랑 같이 분기마다 하면 어떨까요
- 소방차 진입 곤란 구역은 바닥에 빨간 선을 그어서 주차를 못 하게 하면 좋겠어요
- 어르신 혼자 사는 집에 자동 소화장치를 지원해주면 좋겠어요
ko.good
- {dong} 화재 때 소방관분들 진짜 순식간에 오셨어요. 목숨 걸고 일하시는 분들 감사합니다
- 소방서에서 {school}에 와서 소화기 사용법 알려주셨는데 애들이 너무 좋아했어요
- 비상구 신고했더니 바로 점검 나와서 치우게 해주셨어요
ko.view
- 요즘 전기차 화재 뉴스 보면 지하주차장이 좀 무섭긴 해요
- 소방관분들 처우가 더 좋아져야 한다고 생각해요
- 화재경보기 오작동이 하도 많아서 진짜 불나도 다들 안 나올 것 같아요
ko.tiny
- C: 비상구 막혀있어요 {apt}
- Q: 소화기 무료로 받을 수 있나요?
- C: 소화전 앞 주차 또...
en.issue
- The fire exit in our building at {addr} is blocked by piles of boxes, management doesn't care
- Cars always parked in front of the hydrant at {place}
- Our alley in {dong} is so narrow with parked cars that a fire truck could never get in
en.ask
- Does the city still give free fire extinguishers to households?
- How do I report a locked fire exit?
en.idea
- Paint red no-parking lines in alleys where fire trucks need access
- Smoke detectors for elderly people living alone should be free
en.good
- Firefighters at the {dong} fire were incredible, thank you for your service
- The fire safety class at {school} was great, my kid won't stop talking about it
en.view
- EV fires in underground parking freak me out a bit
- Firefighters deserve way better pay
ko.hist
- {place} 상가 지하 노래방 비상구가 창고로 쓰이고 있어요
- 고시원 스프링클러가 고장 난 채로 방치돼 있어요

@crime | safety | SAF-PLN | 방범·CCTV·안심귀갓길·인파 | crime prevention, CCTV, crowds
kw=cctv, 방범, 안심귀갓길, 안심귀가, 비상벨, 어두운 골목, 치안, 순찰, 인파, 압사, 수상한, 취객, unsafe, crowd, dark alley, emergency bell, drunk
ko.issue
- {place} 골목이 너무 어두워서 밤에 여자 혼자 다니기 무서워요. CCTV도 하나 없어요
- 안심귀갓길 비상벨을 눌러봤는데 아무 반응이 없어요. {station} {x}번 출구 쪽이요
- {park}에 밤마다 술 취한 사람들이 모여서 소리 지르고 싸워요
- {dong} 원룸촌에서 누가 자꾸 현관 비밀번호를 훔쳐보는 것 같아요. 순찰 좀 강화해주세요
- 주말 밤만 되면 {landmark} 앞에 사람이 너무 몰려서 압사 사고 날 것 같아요
- {school} 근처에 수상한 사람이 애들한테 말 걸고 다닌대요
- {place} CCTV가 방향이 돌아가 있어서 골목을 하나도 못 비춰요
ko.ask
- {dong} CCTV 추가 설치 신청은 어떻게 하나요?
- 여성 안심귀가 스카우트 서비스는 몇 시까지 운영하나요?
- 안심귀갓길 비상벨은 누르면 어디로 연결되나요?
- 핼러윈 때 {landmark} 쪽 인파 관리 계획 있나요?
ko.idea
- {station}에서 {dong} 원룸촌까지 가는 길을 안심귀갓길로 지정해주면 좋겠어요
- 골목 바닥에 로고젝터 같은 조명 비춰주면 밤길이 덜 무서울 것 같아요
- 축제 때 인파 밀집도를 실시간으로 지도에 보여주면 좋겠어요
- 1인 가구 여성한테 현관 안심장치를 지원해주면 어떨까요
ko.good
- {place}에 CCTV랑 비상벨 생기고 나서 밤에 다니기 훨씬 마음 편해요
- 안심귀가 스카우트 선생님들 덕분에 늦게 퇴근해도 든든해요
- 지난번 불꽃축제 때 인파 통제 정말 잘하셨더라고요
ko.view
- CCTV가 많아지는 건 좋은데 사생활 문제도 좀 걱정되긴 해요
- 그 사고 이후로 사람 많은 곳은 무조건 피하게 되네요
- 우리 동네는 그래도 치안이 좋은 편인 것 같아요
ko.tiny
- C: {place} 너무 어두워요 무서움
- Q: 안심귀가 서비스 몇시까지?
- C: 비상벨 고장이에요
en.issue
- The alley behind {station} is pitch dark and there's no CCTV, I don't feel safe walking home
- Drunk groups fighting at {park} every weekend night
- The emergency bell on the safe-return road near {exit} didn't work when I tested it
en.ask
- Is there a safe walk-home escort service for foreigners too?
- How do I request a CCTV camera for my street in {dong}?
en.idea
- Show live crowd density on the map during festivals
- More lighting and CCTV on the path from {station} to the studio apartments
en.good
- Crowd control at the fireworks festival was excellent this year
- The new lights and CCTV on my street in {dong} make me feel so much safer
en.view
- The city feels very safe compared to where I'm from
- So many CCTVs here, a bit big-brother but I get it
ko.hist
- {park} 공중화장실 근처에 밤마다 술 취한 사람이 누워 있어서 아이들이 무서워해요
- {place} 편의점 앞에서 밤새 소란 피우는 사람들이 있어요
"""

BANK_HOUSING = """
@public | housing | HOU-PUB | 공공임대·청약 | public rental housing and housing lotteries
kw=임대주택, 공공임대, 행복주택, 청약, 장기전세, 공공주택, 임대아파트, 임대 아파트, 입주자 모집, public housing, public rental, rental apartment, housing lottery, youth housing
ko.issue
- 행복주택 당첨돼서 들어왔는데 입주 {span} 만에 천장에서 물이 새요. 관리사무소는 기다리라고만 해요
- 공공임대 {apt} 엘리베이터가 한 달에 {n}번씩 멈춰요
- 장기전세 재계약하는데 소득 기준이 갑자기 바뀌어서 나가야 한대요. 갈 데가 없어요
- 임대아파트 산다고 {school}에서 애가 놀림받는다고 해요. 단지 이름 좀 바꿔주세요
- 청약 서류 다 냈는데 시스템 오류로 접수가 안 됐다고 나와요
- 공공임대 단지 경비실이 없어져서 택배 분실이 계속돼요
- 임대주택 입주 대기만 {n}년째예요. 순번이 줄지를 않아요
ko.ask
- 청년 행복주택 모집 공고는 언제 나오나요?
- 공공임대 입주 자격에 자동차 가액 기준이 얼마인가요?
- 신혼부부 장기전세 청약할 때 맞벌이 소득 기준이 어떻게 되나요?
- {gu}에 새로 짓는 공공주택 입주자 모집은 언제쯤인가요?
ko.idea
- 공공임대 단지에 작은 도서관이나 공유 부엌 같은 공간을 만들면 좋겠어요
- 청년 임대주택을 역세권 빈 오피스 건물 리모델링해서 공급하면 어떨까요
- 임대주택 하자 보수 요청을 앱으로 접수하고 진행 상황을 볼 수 있게 해주세요
- 임대아파트 이름을 일반 분양 단지랑 똑같이 해서 낙인을 없앴으면 해요
ko.good
- 행복주택 덕분에 사회초년생인 제가 월세 걱정 없이 살고 있어요
- 임대아파트 하자 신고했더니 기사님이 이틀 만에 와서 싹 고쳐주셨어요
- 공공임대 단지 리모델링하고 나서 완전 새 아파트 같아졌어요
ko.view
- 공공임대는 좋은데 경쟁률 보면 로또나 다름없네요
- 집값이 이런데 공공주택 말고는 답이 없는 것 같아요
- 임대주택 이미지가 예전보다는 많이 좋아진 것 같아요
ko.tiny
- C: 임대아파트 누수 {weeks} 방치
- Q: 행복주택 공고 언제 나와요?
- C: 청약 접수 오류남
en.issue
- Moved into public rental housing in {dong} and the ceiling has been leaking {weeks}, no one comes to fix it
- Application system for the housing lottery crashed and now it says I didn't apply
- The elevator in our public housing block at {apt} breaks down constantly
en.ask
- Can foreign spouses of Korean citizens apply for public rental housing?
- When is the next youth housing application period?
en.idea
- Convert empty office buildings near stations into youth rental housing
- Let tenants of public housing track repair requests online
en.good
- Public housing literally saved my finances, thank you
- Repairs in our public rental apartment were done in two days, impressive
en.view
- The competition for public housing is crazy, it's like a lottery
- Housing prices here make public housing the only real option
ko.hist
- 임대주택 관리비 내역에 없는 항목이 청구됐어요
- 공공임대 단지 놀이터가 {weeks} 출입금지 테이프만 붙어 있어요

@rent | housing | HOU-RNT | 전월세·전세사기·임차인 지원 | rent, deposits, jeonse fraud
kw=전세, 월세, 보증금, 전세사기, 집주인, 세입자, 계약갱신, 깡통, 임대차, 권리분석, deposit, landlord, jeonse, monthly rent, rent support, lease, tenant
ko.issue
- 전세 계약 만료됐는데 집주인이 보증금 {deposit}을 {weeks} 안 돌려주고 연락도 안 받아요
- 저희 빌라 {n}세대가 다 같은 집주인인데 전세사기 같아요. 집이 경매로 넘어갔대요
- 월세 {rent}인데 관리비를 매달 멋대로 올려요
- 청년월세지원 신청했는데 {span} 지나도 결과가 안 나와요
- 집주인이 계약갱신청구권 쓰겠다니까 실거주한다고 나가래요. 근데 알고 보니 다른 사람한테 세를 줬대요
- 부동산에서 깡통전세인 걸 숨기고 계약시켰어요. 중개사는 책임 없다고 해요
- 전세보증보험 가입하려는데 집주인이 서류를 안 줘서 못 하고 있어요
ko.ask
- 청년월세 지원 자격이 어떻게 되나요? 저는 {yage}살 직장인이에요
- 전세사기 피해자 지원센터는 어디에 있나요?
- 전월세 계약 전에 집주인 세금 체납 여부를 확인할 수 있는 방법이 있나요?
- 보증금 반환 소송 무료 법률상담 받을 수 있는 곳 있나요?
ko.idea
- 전세 계약할 때 시에서 무료로 권리분석 해주는 창구가 있으면 좋겠어요
- 전세사기 의심 매물을 시민이 신고하면 공개하는 시스템을 만들어주세요
- 청년월세 지원 기간을 {n}년으로 늘려주면 좋겠어요
- 대학가 원룸 표준계약서 사용을 의무화했으면 합니다
ko.good
- 전월세 상담센터에서 계약서 봐주셔서 위험한 계약 피했어요. 진짜 감사합니다
- 청년월세 지원금 들어왔어요! 생활비에 큰 도움이 돼요
- 전세사기 피해 지원센터 상담사님이 끝까지 챙겨주셨어요
ko.view
- 요즘 전세는 무서워서 다들 월세로 간다더라고요
- 월세가 월급의 절반이에요. 이 도시에서 혼자 살기 참 힘드네요
- 전세 제도가 언제까지 유지될지 모르겠어요
ko.tiny
- C: 보증금 안돌려줘요 도와주세요
- Q: 청년월세 언제 입금돼요?
- C: 전세사기 당했어요ㅠㅠ
en.issue
- My landlord in {dong} won't return my {deposit} deposit and stopped answering calls
- Landlord keeps raising the maintenance fee every month on top of {rent} rent
- I think I'm a victim of jeonse fraud, the house went to auction and the owner disappeared
en.ask
- Is there free legal help for foreigners whose landlord won't return the deposit?
- Can foreign workers get the youth monthly rent support?
en.idea
- A free contract review desk for tenants before signing would prevent so much fraud
- Standard lease contracts in English please
en.good
- The rental support center checked my contract and found a big red flag, thank you!
- Got the youth rent subsidy, it really helps
en.view
- Renting here is so weird with the huge deposits
- Everyone's switching to monthly rent because jeonse feels too risky now
ko.hist
- 집주인이 바뀌었는데 새 집주인이 계약 내용을 모른다고 해요
- 월세 영수증을 안 줘서 연말정산을 못 하고 있어요

@redevelop | housing | HOU-RES | 재개발·재건축·노후주택·빈집 | redevelopment, old and empty houses
kw=재개발, 재건축, 조합, 빈집, 노후주택, 집수리, 정비구역, 모아타운, 철거, 분담금, redevelopment, reconstruction, empty house, demolition, old house
ko.issue
- {dong} 재개발 조합이 설명회 한 번 없이 분담금을 {deposit}씩 더 내라고 해요
- 재개발 구역 지정된 지 {n}년인데 아무 진척도 없고 동네만 슬럼이 됐어요
- 옆집이 빈집인데 {weeks} 방치돼서 쓰레기 쌓이고 밤엔 누가 들어가는 것 같아요
- 재건축 철거하면서 {apt} 쪽으로 먼지가 다 날아와요
- 노후주택 집수리 지원 신청했는데 서류만 {n}번 다시 내래요
- 조합장이 공사비를 부풀렸다는 의혹이 있는데 아무도 조사를 안 해요
- 정비구역 해제된다는데 주민 의견은 한 번도 안 물어봤어요
ko.ask
- {dong}도 모아타운 신청할 수 있나요?
- 노후주택 집수리 지원금은 최대 얼마까지 나오나요?
- 재개발 구역 세입자는 이주비 보상을 받을 수 있나요?
- 빈집 신고하면 시에서 철거해주나요?
ko.idea
- 빈집을 리모델링해서 청년이나 어르신 공유주택으로 쓰면 좋겠어요
- 재개발 조합 회계를 온라인으로 공개하게 의무화하면 분쟁이 줄 것 같아요
- 재개발 전 동네 모습을 기록으로 남기는 사업도 같이 하면 어떨까요
- 집수리 지원은 방수나 단열 위주로 신청 절차를 간단하게 해주세요
ko.good
- 집수리 지원 받아서 겨울 내내 외풍 걱정 없이 지냈어요
- {dong} 빈집 정비해서 작은 쉼터로 만든 거 너무 보기 좋아요
- 재개발 갈등 중재해주신 공무원분 덕분에 주민들이 대화를 시작했어요
ko.view
- 재개발되면 원래 살던 사람들은 결국 다 떠나더라고요
- 동네가 새 아파트로 바뀌는 건 좋은데 골목 정취가 사라지는 건 아쉬워요
- 재건축 얘기만 몇십 년째인 것 같아요 ㅋㅋ
ko.tiny
- C: 빈집 방치 {place}
- Q: 집수리 지원 신청 언제까지?
- C: 재개발 조합 비리 조사 좀
en.issue
- The empty house next to us in {dong} has been abandoned for years, trash and rats everywhere
- Redevelopment in our area has been 'planned' for ten years, meanwhile nobody fixes anything
- Dust from the redevelopment demolition next to {apt} covers everything
en.ask
- Do tenants in a redevelopment zone get any relocation support?
- Is there support for repairing old houses, like insulation?
en.idea
- Turn empty houses into shared housing for young people
- Make redevelopment association accounts public online
en.good
- The housing repair support fixed our leaky roof, thank you so much
- Love how the empty house lot in {dong} became a little garden
en.view
- Sad to see the old alleys disappear for apartment blocks
- Redevelopment talk never ends here lol
ko.hist
- 재개발 이주가 끝난 구역에 빈 건물들이 방치돼서 우범지대가 됐어요
- 조합 총회 공지가 문자 한 통 없이 게시판에만 붙었어요

@building | housing | HOU-BLD | 건축허가·불법건축물·일조권 | building permits and illegal buildings
kw=불법건축, 건축허가, 불법 증축, 증축, 옥탑, 일조권, 건축물, 용도변경, 위반건축물, 쪼개기, 이격거리, 베란다 확장, illegal building, building permit, extension, sunlight, rooftop, 빌라, villa
ko.issue
- {addr} 건물 옥상에 불법으로 컨테이너를 올려서 사람이 살아요
- 옆 필지에 {n}층 건물 허가가 났는데 저희 집 햇빛이 완전히 가려져요. 일조권 검토한 거 맞나요?
- {dong} 상가 건물이 주차장을 창고로 불법 용도변경해서 쓰고 있어요
- 신축 빌라가 이격거리를 안 지키고 저희 담장에 딱 붙여 지었어요
- 위반건축물 신고했는데 {weeks} 현장 확인도 안 나왔어요
- 다세대 주택을 쪼개서 방 {n}개로 불법 개조했어요. 화재 나면 큰일이에요
- {place} 공사 현장에 건축 허가 표지판도 없는데 공사를 계속해요
ko.ask
- 베란다 확장하려면 구청 허가가 필요한가요?
- 우리 집이 위반건축물로 등록됐다는데 어떻게 해제하나요?
- {addr} 건물 건축허가 내용을 열람할 수 있나요?
- 옥탑방 불법 여부는 어떻게 확인하나요?
ko.idea
- 건축허가 나면 주변 주민한테 문자로 알려주는 제도가 있으면 좋겠어요
- 신축 공사 현장 정보를 QR로 확인할 수 있게 해주세요
- 불법 쪼개기 원룸은 세입자 신고 포상제를 만들면 잡기 쉬울 것 같아요
- 일조권 분쟁은 시에서 조정위원회를 만들어 중재해주면 좋겠어요
ko.good
- 위반건축물 신고 처리가 빨라서 놀랐어요. 담당자분이 직접 설명도 해주셨어요
- 건축 상담 창구에서 리모델링 절차를 자세히 알려주셔서 도움이 많이 됐어요
- 옆 건물 불법 증축 시정명령 내려주셔서 감사합니다
ko.view
- 요즘 짓는 빌라들 보면 다 비슷비슷하게 생겼네요
- 건축 규제가 너무 까다롭다는 사람도 있고 너무 느슨하다는 사람도 있네요
- 동네에 높은 건물 올라가니까 하늘이 점점 좁아지는 느낌이에요
ko.tiny
- C: 불법건축물 신고합니다 {addr}
- Q: 베란다 확장 허가 필요해요?
- C: 일조권 침해 ㅠ
en.issue
- Someone built an illegal rooftop extension at {addr} and rents it out
- The new villa at {place} was built right against our wall, no setback at all
- New building next door was approved and now we get zero sunlight
en.ask
- Do I need a building permit to enclose my balcony?
- How can I check if my apartment is registered as an illegal building?
en.idea
- Notify neighbours by text when a building permit is granted nearby
- A mediation service for sunlight disputes would help a lot
en.good
- The building consultation desk explained the remodeling rules really clearly, thanks
- Thanks for acting on the illegal extension report
en.view
- All the new villas look exactly the same lol
- The skyline keeps getting taller, kind of sad
ko.hist
- 근린생활시설로 허가받은 건물을 원룸으로 쓰고 있어요
- 옆 건물 증축 공사로 저희 집 창문이 완전히 막혔어요

@apartment | housing | HOU-POL | 아파트 관리·층간소음·주택정책 | apartment management, neighbour noise, housing policy
kw=관리비, 관리사무소, 층간소음, 윗집, 아랫집, 입주자대표, 경비원, 장기수선, 공동주택, 집값, 주택정책, maintenance fee, management office, upstairs, downstairs, neighbor noise, housing price
ko.issue
- 윗집 층간소음 때문에 {weeks} 잠을 못 자요. 관리사무소는 자기들 일 아니라고 하고요
- {apt} 관리비가 갑자기 {money}이나 올랐는데 내역 공개를 안 해요
- 입주자대표회의가 장기수선충당금을 마음대로 쓰는 것 같아요
- 경비원분들한테 막말하는 주민이 있는데 관리사무소가 모른 척해요
- 아랫집에서 베란다에서 담배를 피워서 연기가 저희 집으로 다 올라와요
- 관리사무소 소장 자리가 {weeks} 공석인데 관리비는 그대로 나가요
- 층간소음 중재 신청했는데 {n}달째 대기만 하래요
ko.ask
- 층간소음 상담은 어디서 받을 수 있나요?
- 아파트 관리비 회계감사 요청은 어디에 하나요?
- 공동주택 관리 지원금으로 단지 경로당 수리도 할 수 있나요?
- 층간소음 측정 서비스 신청 방법이 궁금합니다
ko.idea
- 층간소음 분쟁은 중재를 빨리 받을 수 있게 전담 인력을 늘렸으면 해요
- 아파트 관리비 내역을 다른 단지랑 비교할 수 있게 공개하면 좋겠어요
- 경비원 휴게실 환경 점검을 시에서 해주면 좋겠어요
- 신축 아파트 바닥 두께 기준을 더 높이는 걸 시에서 정부에 건의해주세요
ko.good
- 층간소음 상담센터에서 중재해주셔서 윗집이랑 원만하게 해결됐어요
- 관리비 회계감사 지원 덕분에 단지 관리가 많이 투명해졌어요
- 경비원 처우 개선 사업 덕분에 우리 단지 경비 아저씨들 휴게실이 생겼어요
ko.view
- 층간소음은 결국 서로 배려하는 수밖에 없는 것 같아요
- 집값은 오르는데 살기 좋아지는 건 잘 모르겠어요
- 아파트 공화국이라는 말이 괜히 나온 게 아니네요
ko.tiny
- C: 윗집 쿵쿵 미치겠어요
- Q: 층간소음 상담 전화번호요
- C: 관리비 너무 비싸요
en.issue
- Upstairs neighbor stomps around until 2am every night, the management office does nothing
- Smoke from the downstairs balcony comes straight into my kid's room
- Our maintenance fee jumped by {money} with no explanation
en.ask
- Is there a mediation service for noise between neighbors?
- Who can audit our apartment maintenance fees?
en.idea
- Faster mediation for noise complaints between apartments
- Publish maintenance fees so we can compare with other complexes
en.good
- The noise mediation service actually worked, upstairs is much quieter now
- Thanks for the new rest room for our security guards
en.view
- Apartment noise is just part of life here I guess
- Prices going up, quality of life not so much
ko.hist
- 아파트 단지 안에서 배달 오토바이가 과속해요
- 관리사무소가 택배 보관을 거부해서 매일 분실돼요

@zoning | housing | URB-POL | 도시계획·용도지역·개발계획 | urban planning, zoning and development plans
kw=도시계획, 용도지역, 개발계획, 지구단위, 그린벨트, 개발제한구역, 역세권 개발, 도시재생, 공청회, 고도제한, 공람, zoning, urban plan, master plan, greenbelt, regeneration
ko.issue
- {dong} 지구단위계획 바꾸면서 주민 공청회를 평일 오후 {n}시에 해서 직장인은 아무도 못 갔어요
- 우리 동네는 {landmark} 주변 고도제한 때문에 몇십 년째 아무것도 못 짓고 있어요
- 도시재생 사업 한다고 돈 들여서 벽화만 그리고 끝났어요
- 그린벨트 해제 발표가 났는데 {dong} 주민들은 아무것도 몰랐어요
- 역세권 개발 계획이 {n}번이나 바뀌어서 땅 가진 사람들만 혼란스러워요
- 도시계획 열람 공고를 구청 게시판에만 붙여놔서 아무도 몰랐어요
- 용도지역이 주거지역인데 바로 옆에 물류창고 허가가 났어요
ko.ask
- {addr} 땅의 용도지역을 어디서 확인할 수 있나요?
- {station} 역세권 개발 계획 공람은 언제까지인가요?
- 도시재생 사업 주민 공모는 어떻게 참여하나요?
- 그린벨트 안에 있는 땅에 창고를 지을 수 있나요?
ko.idea
- 도시계획 공청회를 저녁이나 주말에도 하고 온라인 중계도 해주세요
- {station} 주변 낡은 상가를 묶어서 복합개발하면 좋겠어요
- 도시재생은 벽화보다 주민 공동시설 위주로 해주면 좋겠어요
- 개발계획을 3D 지도로 보여주면 주민들이 이해하기 쉬울 것 같아요
ko.good
- 도시재생 사업으로 {dong} 골목이 정말 살아났어요
- 도시계획 설명회에서 담당자분이 주민 질문에 하나하나 답해주셔서 좋았어요
- 주민 의견 반영해서 개발계획 수정해주신 거 감사합니다
ko.view
- 개발 발표만 나면 땅값부터 오르는 게 문제인 것 같아요
- 도시계획이라는 게 결국 몇십 년 뒤를 보고 하는 거라 평가하기 어렵네요
- 예전 도시재생 사업들은 흔적도 없이 사라졌더라고요
ko.tiny
- C: 공청회 공지 좀 제대로 해요
- Q: 용도지역 확인 어디서 해요?
- C: 개발계획 또 바뀜 ㅡㅡ
en.issue
- The public hearing on the {dong} district plan was at 2pm on a weekday, no working person could go
- Urban regeneration project here was basically just murals, what a waste
- They approved a logistics warehouse right next to our residential zone in {dong}
en.ask
- Where can I check the zoning of a plot in {gu}?
- Is there an English summary of the new urban master plan?
en.idea
- Hold planning hearings in the evening or online
- Show development plans on a 3D map
en.good
- The regeneration project really brought the {dong} alleys back to life
- Thanks for changing the plan after listening to residents
en.view
- Land prices jump before anything is even built
- City planning feels so slow but I guess that's normal
ko.hist
- 지구단위계획 변경안 공람 기간이 너무 짧아요
- 도시재생 거점시설이 완공 후 {weeks} 문이 닫혀 있어요
"""

BANK_CULTURE = """
@festival | culture | CUL-ART | 축제·공연·전시 | festivals, performances and exhibitions
kw=축제, 공연, 전시회, 버스킹, 거리공연, 콘서트, 음악회, 문화행사, 예술, 불꽃, festival, concert, performance, exhibition, busking, 영화 상영, movie night
months=4,5,9,10
ko.issue
- {park} 축제 끝나고도 {ntime}까지 스피커 소리가 너무 커서 애들이 못 잤어요
- 문화행사 사전예약이 {n}분 만에 마감됐는데 매크로 같아요. 현장에 가보니 빈자리가 많았어요
- {landmark} 앞 버스킹이 허가 시간 넘어서도 계속돼요
- 축제 한다고 {road}를 통제했는데 안내가 하나도 없어서 {dur} 갇혀 있었어요
- 무료 공연이라고 해서 갔더니 좌석 대부분이 관계자석이었어요
- 전시회 입장권을 온라인으로만 팔아서 어르신들은 못 샀어요
- 축제 부스가 다 먹거리 장사뿐이고 정작 문화 프로그램은 없어요
ko.ask
- 이번 {park} 축제 일정이랑 프로그램은 어디서 볼 수 있나요?
- 거리공연 하려면 어디에 허가 신청을 해야 하나요?
- 문화누리카드로 공연 예매 가능한가요?
- 불꽃축제 날 {station} 무정차 통과하나요?
ko.idea
- {park}에서 여름밤 야외 영화 상영회 하면 좋겠어요
- 동네 작은 갤러리들을 묶어서 아트 투어 지도를 만들어주면 좋겠어요
- 문화행사 예약에 노쇼 패널티를 도입해주세요
- 축제를 한 곳에서만 하지 말고 {gu} 동네마다 돌아가면서 하면 어떨까요
ko.good
- 지난 주말 {park} 음악회 너무 좋았어요. 무료인데 수준이 엄청 높았어요
- {landmark} 거리예술축제 덕분에 동네가 활기차졌어요
- 장애인석 예약 도와주신 문화재단 직원분 감사합니다
ko.view
- 요즘 축제가 너무 많아서 어디가 어딘지 모르겠어요 ㅋㅋ
- 무료 공연이 많아진 건 확실히 좋아진 점이에요
- 축제는 좋은데 끝나고 나면 쓰레기가 산더미네요
ko.tiny
- C: 축제 소음 너무 심해요 {park}
- Q: 축제 몇시까지 해요?
- C: 공연 예약 매크로 의심
en.issue
- The festival at {park} was blasting music until midnight, my baby couldn't sleep
- Road closed for a festival with zero signs, stuck on {road} for {dur}
- Free concert tickets sold out in 2 minutes and half the seats were empty
en.ask
- Where can I find the program for this weekend's festival in English?
- Do I need a permit to busk near {station}?
en.idea
- Outdoor movie nights at {park} in summer would be amazing
- Add no-show penalties for free event bookings
en.good
- The jazz night at {park} was incredible, and free!
- Great job on the lantern festival, so beautiful
en.view
- There's a festival every weekend here, I love it
- Festivals are fun but the trash afterwards is wild
ko.hist
- 구민회관 공연장 음향이 엉망이라 대사가 하나도 안 들려요
- 축제 기간에 {park} 화장실이 턱없이 부족해요

@heritage | culture | CUL-HER | 문화재·고궁·성곽 | heritage sites, palaces and the fortress wall
kw=문화재, 유적, 궁궐, 고궁, 성곽, 한옥, 사적, 국가유산, 야간개장, 돌담, heritage, palace, historic, fortress, hanok, 근대 건축물, old buildings
ko.issue
- {heritage} 돌담에 누가 낙서를 해놨는데 {weeks} 그대로예요
- 성곽길 안내판이 다 바래서 하나도 안 읽혀요
- 한옥마을 골목에 관광객들이 밤늦게까지 떠들어서 주민들이 못 살겠어요
- 유적지 주변에 관광버스들이 불법 주차해서 문화재 경관을 다 가려요
- {dong}에 남은 근대 건축물이 철거된대요. 문화재 지정 검토라도 해본 건가요?
- 고궁 야간개장 예매 사이트가 계속 튕겨요
- 성곽 옆 탐방로 계단이 부서져서 발을 헛디딜 뻔했어요
ko.ask
- 고궁 야간개장은 언제부터 예매하나요?
- 한복 입으면 궁궐 무료입장 되는 거 아직 하나요?
- 우리 집이 문화재 보호구역 안인데 수리하려면 허가가 필요한가요?
- 성곽길 해설 프로그램은 어떻게 신청하나요?
ko.idea
- 성곽길 전체 구간에 QR 해설을 붙여주면 혼자 걸어도 재밌을 것 같아요
- 사라지는 근대 건축물을 디지털로 기록하는 사업을 해주세요
- 한옥마을 주거지역엔 관광 가능 시간을 정해주면 좋겠어요
- 문화재 주변 야간 조명을 좀 더 은은하게 바꾸면 좋겠어요
ko.good
- {heritage} 야간개장 갔는데 너무 아름다웠어요. 해설사님도 친절하셨고요
- 성곽길 정비하고 나서 주말마다 산책 가요. 길이 너무 예뻐졌어요
- 문화재 낙서 신고했더니 금방 지워주셨네요
ko.view
- 외국인 친구들이 궁궐을 제일 좋아하더라고요
- 개발도 좋지만 옛날 건물은 좀 남겨뒀으면 하는 생각이 들어요
- 한옥마을 사는 분들은 관광객 때문에 힘드시겠다 싶어요
ko.tiny
- C: 문화재에 낙서 있어요 {heritage}
- Q: 야간개장 예매 언제?
- C: 성곽길 계단 파손
en.issue
- Someone spray-painted the old stone wall near {heritage}, it's still there {weeks}
- Tour buses idling right in front of the historic gate, ruins the whole view
- The night palace tour booking site keeps crashing
en.ask
- Is entry to the palaces still free if I wear hanbok?
- Are there English guided tours of the fortress wall?
en.idea
- QR-code audio guides along the fortress trail would be great
- Quiet hours for tourists in the hanok village where people live
en.good
- The night opening at {heritage} was magical, thank you
- The fortress trail restoration looks great
en.view
- The palaces are the best part of the city for visitors
- Hope the old buildings survive all the redevelopment
ko.hist
- 고궁 앞 노점상들이 호객행위를 해요
- 유적지 안내판 영어 설명에 오타가 있어요

@museum | culture | CUL-MUS | 박물관·미술관·기념관 | museums, galleries and memorial halls
kw=박물관, 미술관, 기념관, 전시관, 역사관, 도슨트, 전시 설명, museum, gallery, memorial hall, docent
ko.issue
- 역사박물관 주차장이 너무 좁아서 {dur} 대기했어요
- 역사박물관 전시 설명이 한국어로만 되어 있어서 외국인 친구랑 갔다가 민망했어요
- 미술관 단체관람 예약을 했는데 당일 가니까 명단에 없대요
- 박물관 수유실이 창고로 쓰이고 있어요
- 기념관 엘리베이터가 고장이라 휠체어로는 2층 전시를 못 봤어요
- 도슨트 시간에 안내하시는 분 목소리가 너무 작아서 뒤에선 하나도 안 들려요
- 박물관 카페 가격이 너무 비싸요. 물 한 병에 3천 원이에요
ko.ask
- 역사박물관 어린이 체험 프로그램은 어떻게 예약하나요?
- 미술관 월요일에도 여나요?
- 박물관에 유모차 대여 되나요?
- 기념관 단체관람 최소 인원이 몇 명인가요?
ko.idea
- 박물관 야간 개장을 금요일마다 하면 직장인들도 갈 수 있을 것 같아요
- 전시 설명을 QR로 영어 중국어 일본어로 볼 수 있게 해주세요
- 어린이용 활동지를 전시마다 만들어주면 좋겠어요
- 동네마다 작은 순회 전시를 열면 어떨까요
ko.good
- 역사박물관 체험 프로그램을 아이가 너무 좋아했어요. 선생님들 감사합니다
- 미술관 무료 도슨트 해설 듣고 그림 보는 눈이 생겼어요 ㅎㅎ
- 박물관 직원분이 잃어버린 우산까지 찾아주셨어요
ko.view
- 박물관이 무료인 게 아직도 신기해요
- 요즘 미술관은 사진 찍으러 가는 곳이 된 것 같아요
- 전시는 좋은데 너무 자주 바뀌어서 놓치는 게 많네요
ko.tiny
- C: 박물관 엘베 고장 ㅠ
- Q: 미술관 월요일 휴관인가요?
- C: 수유실 없어요 박물관
en.issue
- Museum exhibit labels are Korean only, couldn't understand anything
- Group booking at the art museum disappeared from the system
- The elevator at the history museum was broken so I couldn't see the second floor in my wheelchair
en.ask
- Is the history museum open on Mondays?
- Do you rent strollers at the museum?
en.idea
- Friday night openings at the museum for people who work
- Activity sheets for kids at every exhibition
en.good
- The free docent tour at the art museum was fantastic
- My kids loved the history museum workshop, thanks
en.view
- Free museums are such a great thing about this city
- Museums are mostly selfie spots now lol
ko.hist
- 박물관 기념품숍 카드 결제가 안 돼요
- 전시실 온도가 너무 낮아서 추워요

@tourism | culture | TOU-POL | 관광·관광안내 | tourism and visitor information
kw=관광, 관광객, 관광안내소, 관광버스, 시티투어, 게스트하우스, 투어, 바가지, tourist, tourism, tour, visitor, guesthouse, sightseeing
ko.issue
- {landmark} 앞에 관광버스 {n}대가 매일 공회전하면서 서 있어요
- 관광안내소가 {station} 앞에 있다고 지도에 나오는데 가보니 없어졌어요
- 관광객들이 캐리어 끌고 {dong} 주택가 골목 게스트하우스로 밤새 드나들어요
- 외국인 관광객한테 택시비를 몇 배로 받는 걸 봤어요. 창피해요
- {landmark} 주변 가게들이 외국인한테만 가격을 다르게 받아요
- 관광지 안내판 영어 번역이 엉터리예요. 말이 안 되는 문장이 그대로 붙어 있어요
- 시티투어버스 예약했는데 당일 취소됐다는 연락도 없었어요
ko.ask
- 시티투어버스 노선이랑 시간표 어디서 보나요?
- 외국인 친구가 오는데 무료 가이드 서비스 신청할 수 있나요?
- {station} 근처 관광안내소는 어디 있나요?
- 관광 통역 안내 전화번호가 뭐예요?
ko.idea
- {gu} 숨은 골목 맛집 투어 코스를 만들어서 홍보하면 좋겠어요
- 관광지 주변 주택가에는 관광객 매너 안내판을 여러 언어로 붙여주세요
- 외국인 관광객용 짐 보관소를 지하철역마다 두면 좋겠어요
- 야경 명소를 잇는 밤 투어 버스를 운영하면 어떨까요
ko.good
- 관광안내소 직원분이 외국인 친구한테 너무 친절하게 안내해주셨어요
- 시티투어버스 타봤는데 해설이 재밌어서 부모님이 엄청 좋아하셨어요
- 관광지 화장실이랑 안내판 새로 정비한 게 확 티가 나요
ko.view
- 요즘 어딜 가나 외국인 관광객이 정말 많아졌네요
- 관광객 많아지는 건 좋은데 주민들 불편도 좀 생각해야 할 것 같아요
- 우리 동네가 관광지가 될 줄은 몰랐어요 ㅋㅋ
ko.tiny
- C: 관광버스 공회전 {landmark}
- Q: 시티투어 몇시 출발?
- C: 관광안내소 없어짐 ㅡㅡ
en.issue
- The tourist info center near {station} shown on the map doesn't exist anymore
- Tourist buses idling for hours next to {landmark}, the fumes are terrible
- A shop near {landmark} charged me triple because I'm a tourist
en.ask
- Is there a free volunteer guide service for tourists?
- What's the tourist interpretation hotline number?
en.idea
- Luggage storage at major subway stations would help tourists a lot
- A night-view bus tour would be awesome
en.good
- Staff at the tourist info center went above and beyond helping us
- The city tour bus was great, my parents loved it
en.view
- The city is getting so popular with tourists, it's crowded everywhere
- Didn't expect my quiet neighborhood to become a tourist spot lol
ko.hist
- 관광지 주변 환전소가 너무 불친절해요
- 관광객 대상 바가지 요금이 심해요

@sports | culture | TOU-FAC | 체육시설·생활체육 | sports facilities and community sports
kw=체육관, 수영장, 운동장, 체육센터, 테니스장, 풋살장, 헬스장, 생활체육, 축구장, 파크골프, 강습, gym, swimming pool, sports center, tennis court, futsal, soccer field, 체육시설, 체육
ko.issue
- {dong} 구민체육센터 수영장 물이 너무 탁하고 탈의실 배수구에서 냄새가 나요
- 테니스장 예약이 매크로로 다 빠져서 {n}달째 한 번도 못 쳤어요
- {park} 풋살장 조명이 {weeks} 꺼져 있어서 저녁에 못 써요
- 체육센터 강습 신청이 선착순이라 새벽에 줄 서야 해요. 직장인은 불가능해요
- {school} 운동장 인조잔디가 다 뜯어져서 애들이 넘어져요
- 체육관 샤워실 온수가 {weeks} 안 나와요
- 구립 헬스장 기구가 고장 난 채로 몇 달째 방치돼 있어요
ko.ask
- 구민체육센터 수영 강습 다음 달 신청은 언제 하나요?
- {school} 운동장 주말 개방 시간이 어떻게 되나요?
- 장애인 수영 강습 프로그램이 있나요?
- 테니스장 예약 취소하면 위약금이 있나요?
ko.idea
- 체육센터 강습을 추첨제로 바꾸면 공평할 것 같아요
- {park}에 작은 농구 코트도 하나 있으면 좋겠어요
- 학교 체육관을 주말에 주민에게 더 개방해주세요
- 퇴근 후 직장인을 위한 밤 10시 수영 강습반을 만들어주세요
ko.good
- 구민체육센터 리모델링하고 너무 깨끗해졌어요. 강사님들도 친절하세요
- 어르신 생활체육 프로그램 덕분에 어머니가 요즘 활기가 넘치세요
- 풋살장 조명 고장 신고했더니 바로 고쳐주셨어요
ko.view
- 요즘 러닝 크루가 진짜 많아졌더라고요
- 공공 체육시설은 싸서 좋은데 예약이 하늘의 별 따기예요
- 파크골프장이 어르신들 사이에서 엄청 인기래요
ko.tiny
- C: 테니스장 예약 매크로 ㅡㅡ
- Q: 수영장 자유수영 몇시?
- C: 체육관 샤워실 온수 안나옴
en.issue
- Public tennis court bookings are all taken by bots the second they open
- Lights at the futsal field in {park} have been out {weeks}
- The pool at the {dong} sports center is cloudy and the showers smell
en.ask
- Can foreigners register for classes at the district sports center?
- What are the free swim hours at the public pool?
en.idea
- Switch sports class registration to a lottery instead of first-come
- A basketball court at {park} please
en.good
- The renovated sports center is so nice now, great staff
- Fixed the futsal lights fast, thanks
en.view
- Running crews are everywhere now, love it
- Public gyms are cheap but impossible to book
ko.hist
- 체육센터 주차장이 회원 전용이라 장애인 이용객도 못 대요
- 공공 축구장을 특정 동호회가 독점해서 써요
"""

BANK_WELFARE = """
@senior | welfare | WEL-SEN | 어르신·경로당·기초연금·노인일자리 | seniors, senior centres, basic pension
kw=어르신, 경로당, 기초연금, 노인, 독거노인, 노인일자리, 노인복지관, 할머니, 할아버지, elderly, senior, pension, grandmother, grandfather
ko.issue
- {dong} 경로당 에어컨이 고장 나서 어르신들이 {weeks} 더운 데서 지내세요
- 기초연금 신청했는데 재산 기준 때문에 탈락했대요. 집 한 채가 전부인데요
- 노인일자리 참여하시는 어머니가 {month} 활동비를 아직 못 받으셨어요
- 독거노인 안부 전화가 {weeks} 안 와서 아버지가 서운해하세요
- 경로당 운영비가 깎여서 점심 식사를 못 하게 됐어요
- 노인복지관 프로그램 신청이 온라인으로만 돼서 어르신들은 하나도 못 해요
- 어르신 교통카드 발급하러 갔는데 {n}번을 다시 오라고 해요
ko.ask
- 기초연금 수급 자격이 어떻게 되나요? 어머니가 {age}세세요
- 노인일자리 내년 모집은 언제 하나요?
- 독거노인 응급안전 알림 장치 신청은 어디서 하나요?
- 경로당 신규 등록하려면 회원이 몇 명 있어야 하나요?
ko.idea
- 경로당에 스마트폰 사용법 강좌를 정기적으로 열어주면 좋겠어요
- 어르신 점심 식사를 동네 식당이랑 연계해서 식권으로 주면 어떨까요
- 독거노인 가구에 안부 확인 센서를 더 보급해주세요
- 노인일자리를 어린이 등하교 안전 지킴이랑 연결하면 좋을 것 같아요
ko.good
- 어머니가 복지관 한글교실 다니시면서 처음으로 편지를 써주셨어요. 너무 감사해요
- 사회복지사 선생님이 매주 아버지 찾아뵙고 챙겨주셔서 마음이 놓여요
- 경로당 에어컨 교체해주셔서 어르신들이 너무 좋아하세요
ko.view
- 노인 인구가 이렇게 늘어나는데 복지 예산이 감당될지 모르겠어요
- 요즘 어르신들은 예전 어르신들이랑 달리 엄청 활동적이시더라고요
- 기초연금 기준은 늘 논란인 것 같아요
ko.tiny
- C: 경로당 에어컨 고장 {dong}
- Q: 기초연금 언제 들어와요?
- C: 노인일자리 활동비 미지급
en.issue
- My father-in-law's senior center in {dong} has had no air conditioning {weeks}
- The elderly man next door lives alone and nobody has checked on him in weeks
- Senior welfare center classes can only be booked online, elderly people can't do it
en.ask
- Can foreign parents of permanent residents get any senior benefits?
- When does registration for senior jobs open?
en.idea
- Smartphone classes at senior centers would help so much
- Link senior jobs with school crossing guard duty
en.good
- The social worker who visits my grandmother every week is an angel
- Thanks for fixing the AC at the senior center
en.view
- The city is aging so fast
- Seniors here are so active, hiking every weekend
ko.hist
- 복지관 어르신 식당 반찬이 너무 짜요
- 어르신 무료 급식소 줄이 너무 길어서 한참 서 계세요

@disability | welfare | WEL-DIS | 장애인 복지·이동권 | disability support and accessibility
kw=장애인, 휠체어, 활동지원, 장애인콜택시, 장콜, 점자, 수어, 발달장애, 경사로, 보조기기, disabled, disability, wheelchair, sign language, braille
ko.issue
- 장애인콜택시 부르면 평균 {dur} 넘게 기다려요. 병원 예약 시간을 매번 놓쳐요
- {center}에 경사로가 없어서 휠체어로는 들어갈 수가 없어요
- 활동지원 시간이 줄어서 아들 돌봄 공백이 너무 커요
- {station} 점자블록 위에 입간판이 세워져 있어서 시각장애인이 부딪혀요
- 발달장애 청년 주간활동 서비스 대기가 {n}년이래요
- 주민센터 민원 창구에 수어 통역이 없어서 필담으로만 했어요
- 장애인 복지카드 재발급 받으러 갔는데 {n}층인데 엘리베이터가 없어서 못 올라갔어요
ko.ask
- 장애인 활동지원 시간 재심사는 어떻게 신청하나요?
- 장애인콜택시 예약 어디서 하나요? 앱도 있나요?
- 발달장애인 부모 휴식 지원 프로그램이 있나요?
- 보조기기 지원 대상이 어떻게 되나요?
ko.idea
- 장애인콜택시 대기시간을 앱에서 실시간으로 보여주면 좋겠어요
- 공공기관 키오스크에 휠체어 높이 화면이랑 음성 안내를 꼭 넣어주세요
- 발달장애 청년들이 일할 수 있는 카페를 구청마다 하나씩 열면 어떨까요
- 공연장에 수어 통역 회차를 정기적으로 편성해주세요
ko.good
- 장애인콜택시 기사님이 친절하게 휠체어 고정까지 꼼꼼히 해주셨어요
- 복지관 발달장애 프로그램 덕분에 아이가 많이 밝아졌어요
- 주민센터에 경사로 생겼어요! 감사합니다
ko.view
- 장애인 이동권 얘기가 나올 때마다 우리 사회가 아직 멀었구나 싶어요
- 예전보단 저상버스가 많아진 게 눈에 보여요
- 배리어프리라는 말이 많이 쓰이는데 현실은 아직 계단이 많아요
ko.tiny
- C: 장콜 대기 {dur} 실화냐
- Q: 활동지원 신청 어디서?
- C: 점자블록 위에 입간판
en.issue
- Waited {dur} for the disability call taxi and missed my hospital appointment again
- Shop signs are placed right on the tactile paving at {station}
- No ramp at the {dong} community center, I couldn't get in with my wheelchair
en.ask
- How do I book the disability call taxi? Is there an app in English?
- Is there sign language interpretation at the district office?
en.idea
- Show live wait times for the disability taxi in the app
- Kiosks in public offices need wheelchair-height screens and audio
en.good
- The call taxi driver was so patient securing my wheelchair, thank you
- New ramp at the community center, finally!
en.view
- Accessibility has improved but there are still stairs everywhere
- Lots of low-floor buses now, nice to see
ko.hist
- {place} 장애인 화장실이 창고로 쓰이고 있어요
- 활동지원사 매칭이 {weeks} 안 되고 있어요

@livelihood | welfare | WEL-SSF | 기초생활·긴급지원·자활 | basic livelihood, emergency support, self-sufficiency
kw=기초생활, 수급자, 수급, 긴급지원, 긴급복지, 생계급여, 주거급여, 자활, 차상위, 푸드뱅크, welfare benefit, livelihood, emergency support, emergency welfare, food bank
ko.issue
- 실직하고 긴급지원 신청했는데 {weeks} 결과가 안 나와요. 당장 월세 낼 돈도 없어요
- 생계급여가 이번 달에 {money} 덜 들어왔는데 주민센터에서는 모른대요
- 자활근로 사업단에서 일하는데 {weeks} 급여가 밀렸어요
- 수급자 심사할 때 연락 끊긴 아들 소득 때문에 탈락했어요
- 주민센터 복지 담당자가 수급자라고 대놓고 무시하는 말투였어요
- 주거급여 신청했는데 집주인이 서류 협조를 안 해줘요
- 푸드뱅크 물품 받으러 갔는데 유통기한 지난 것들이었어요
ko.ask
- 차상위계층 확인서는 어디서 떼나요?
- 긴급복지 생계지원은 얼마까지 받을 수 있나요?
- 실업급여 받는 중에도 긴급지원 신청이 되나요?
- 자활근로 신청 자격이 어떻게 되나요?
ko.idea
- 복지 신청을 한 번에 할 수 있는 원스톱 창구를 주민센터마다 만들어주세요
- 위기가구 찾기를 관리비 체납 정보랑 연계하면 사각지대가 줄 것 같아요
- 푸드뱅크 운영 시간을 저녁까지 늘려주면 일하는 사람도 이용할 수 있을 것 같아요
- 긴급지원 심사를 온라인으로도 할 수 있게 해주세요
ko.good
- 긴급지원 덕분에 이번 겨울을 버텼어요. 담당 주무관님께 꼭 감사하다고 전해주세요
- 자활센터에서 바리스타 자격증 따서 취업했어요!
- 복지 상담 선생님이 제가 몰랐던 지원까지 다 찾아주셨어요
ko.view
- 복지 제도가 많아도 몰라서 못 받는 사람이 더 많은 것 같아요
- 부정수급 얘기만 나오는데 정말 필요한 사람들이 더 많아요
- 복지 사각지대라는 말이 요즘 더 자주 들리네요
ko.tiny
- C: 긴급지원 심사 너무 느려요 ㅠ
- Q: 차상위 확인서 어디서 떼요?
- C: 생계급여 덜 들어옴
en.issue
- Applied for emergency support after losing my job {span} ago and still nothing, can't pay rent
- Staff at the welfare desk treated me like a beggar
- Livelihood benefit came in {money} short this month and nobody can explain why
en.ask
- Are foreign residents married to Koreans eligible for emergency welfare?
- Where is the nearest food bank?
en.idea
- One-stop welfare desk where you can apply for everything at once
- Keep the food bank open in the evening
en.good
- Emergency support got us through the winter, thank you to the social worker
- The self-sufficiency center helped me get a barista license and a job!
en.view
- So many benefits exist but nobody knows about them
- The welfare system is complicated but it does help
ko.hist
- 수급비 통장이 압류됐는데 해제 방법을 아무도 안 알려줘요
- 복지 상담 예약 전화가 {weeks} 안 돼요

@family | welfare | WFM-FAM | 가족·다문화·한부모 | families, multicultural and single-parent households
kw=다문화, 한부모, 가족센터, 결혼이민, 출산, 양육비, 가정폭력, 통번역, multicultural, single parent, single mom, family center, marriage migrant, birth, newborn
ko.issue
- 가족센터 한국어 교실이 {weeks} 휴강인데 공지도 없었어요
- 한부모 양육비 지원 신청했는데 서류를 {n}번이나 보완하라고 해요
- 결혼이민자인 아내가 주민센터에서 한국말 못 한다고 무시당했어요
- 출산 축하금 신청하러 갔더니 {gu}에 전입한 지 {n}개월 안 돼서 안 된대요
- 다문화가족 통번역 서비스 예약이 {weeks} 안 잡혀요
- 가정폭력 상담 전화가 밤에는 연결이 안 돼요
- {station} 여성 안심 택배함이 {weeks} 고장 나 있어요
ko.ask
- 한부모가족 아동양육비는 몇 살까지 받을 수 있나요?
- 가족센터 한국어 교실 다음 학기 신청은 언제예요?
- 출산 축하금 신청 기한이 어떻게 되나요?
- 결혼이민자 통역 지원은 어떻게 신청해요?
ko.idea
- 다문화가족 엄마들끼리 모일 수 있는 주말 프로그램이 있으면 좋겠어요
- 한부모 가정 긴급 아이돌봄을 야간에도 해주면 좋겠어요
- 출산 지원 정책을 한 페이지로 정리해서 보내주면 좋겠어요
- 가족센터 프로그램을 저녁 시간에도 열어주세요
ko.good
- 가족센터 한국어 선생님 덕분에 아내가 많이 밝아졌어요. 감사합니다
- 한부모 가정 지원 상담해주신 분이 너무 따뜻하셨어요
- 출산 축하 선물 꾸러미 받았어요. 너무 실용적이에요 ㅎㅎ
ko.view
- 다문화 가정이 많아져서 이제 학교 반마다 한두 명씩은 있다고 하더라고요
- 저출생 대책이 많은데 피부로 와닿는 건 별로 없네요
- 가족 형태가 다양해지는 만큼 정책도 따라가야 할 것 같아요
ko.tiny
- C: 한국어교실 휴강 공지도 없음
- Q: 출산축하금 얼마에요?
- C: 양육비 지원 서류 너무 많아요
en.issue
- My wife is from Vietnam and was treated rudely at the community center because of her Korean
- Interpreter service for multicultural families is always fully booked
- Korean classes at the family center were cancelled {weeks} with no notice
en.ask
- How do I apply for the Korean class at the family center?
- Is the birth celebration grant available for foreign parents?
en.idea
- Weekend meetups for multicultural moms
- Evening classes at the family center please
en.good
- The Korean teacher at the family center changed my life, thank you
- Loved the newborn gift box!
en.view
- Families here are getting so diverse, it's nice
- Lots of birth policies but hard to feel the difference
ko.hist
- 가족센터 상담 예약이 전화로만 돼요
- 한부모 지원 안내 문자가 엉뚱한 사람한테 갔대요

@welfare_general | welfare | WEL-POL | 복지관·복지 사각지대·나눔 | welfare centres, welfare gaps, giving
kw=복지관, 고독사, 사각지대, 사회복지, 무료급식, 급식소, 기부, 봉사, 나눔, 안부 확인, welfare center, social worker, volunteer, donate, donation, 복지 정보
ko.issue
- {dong} 종합사회복지관 엘리베이터가 {weeks} 고장인데 프로그램은 다 3층이에요
- 옆집 할아버지가 며칠째 안 보이셔서 주민센터에 말했는데 아무도 안 와봤어요
- 복지관 봉사 신청했는데 연락을 한 번도 안 줘요
- 무료급식소가 {dong}에서 없어져서 다들 먼 데까지 가요
- 기부한 물품이 어디에 쓰였는지 전혀 안 알려줘요
- 사회복지사 선생님들이 너무 자주 바뀌어서 상담을 처음부터 다시 해요
- 복지관 프로그램 공지가 종이로만 붙어 있어요
ko.ask
- 복지관 자원봉사는 어떻게 신청하나요? 고등학생도 되나요?
- 우리 동네 복지관 프로그램 목록은 어디서 보나요?
- 고독사 예방 안부 확인 서비스는 어떻게 신청하나요?
- 연말에 기부하려면 어디로 연락하면 되나요?
ko.idea
- 1인 가구끼리 반찬 나누는 동네 모임을 복지관에서 만들어주면 좋겠어요
- 복지 정보를 카톡으로 맞춤형으로 알려주면 좋겠어요
- 우유 배달로 안부 확인하는 사업을 우리 동네도 해주세요
- 복지관 프로그램을 퇴근 후 청년 1인 가구용으로도 만들어주세요
ko.good
- 복지관 선생님들 덕분에 외롭던 어머니가 친구분들이 생기셨어요
- 연말 나눔 행사에서 봉사했는데 너무 보람찼어요. 기획해주셔서 감사해요
- 안부 확인 서비스 덕분에 쓰러지신 이웃 할머니를 빨리 발견했대요
ko.view
- 고독사 뉴스 볼 때마다 남 일 같지가 않아요
- 복지는 결국 사람이 하는 일이라 현장 인력이 중요한 것 같아요
- 요즘 기부 문화가 좀 줄어든 것 같아 아쉬워요
ko.tiny
- C: 복지관 엘베 고장
- Q: 봉사 신청 어디서해요?
- C: 봉사 신청 연락이 없네요
en.issue
- The community welfare center elevator in {dong} is broken and all programs are on the 3rd floor
- An old man in my building hasn't been seen for days, I told the community center and no one came
- Signed up to volunteer at the welfare center months ago and nobody ever called
en.ask
- How can I volunteer at a welfare center as a foreigner?
- Where can I donate winter clothes?
en.idea
- Welfare info pushed through a messenger channel, personalized
- Programs for young single-person households after work
en.good
- The welfare center staff made my lonely mom so happy, thank you
- The year-end sharing event was beautiful
en.view
- Lonely deaths in the news are heartbreaking
- Welfare is really about the people on the ground
ko.hist
- 복지관 셔틀버스 시간이 바뀌었는데 안내가 없었어요
- 복지 상담 후 결과 통보가 없어요
"""

BANK_HEALTH = """
@infect | health | HLT-DIS | 감염병·예방접종·방역 | infectious disease, vaccination, pest control
kw=예방접종, 접종, 백신, 독감, 코로나, 감염, 방역, 모기, 결핵, 빈대, vaccine, vaccination, flu shot, covid, infection, mosquito
months=10,11,12,7,8
ko.issue
- 독감 무료 접종 대상이라 갔는데 보건소 백신이 다 떨어졌대요. 공지라도 해주지
- {dong} 하천 근처에 모기가 엄청난데 방역을 한 번도 안 하는 것 같아요
- 코로나 검사 받으러 갔다가 {dur} 줄 섰어요
- {kid} 예방접종 안내 문자가 엉뚱한 날짜로 왔어요
- {school} 근처 PC방에서 결핵 환자가 나왔다는데 아무 안내가 없어요
- 방역 소독을 한낮에 해서 {park} 놀이터 애들이 다 연기를 마셨어요
- 예방접종 예약 사이트가 계속 오류 나요
ko.ask
- 올해 독감 무료 접종 대상 나이가 어떻게 되나요?
- 대상포진 예방접종 보건소에서 지원되나요?
- {dong} 방역 소독은 언제 하나요?
- 해외여행 가기 전 예방접종은 어디서 맞나요?
ko.idea
- 예방접종 가능한 병원을 지도에 실시간 재고랑 같이 보여주면 좋겠어요
- 모기 많은 하천 주변에 친환경 모기 트랩을 설치해주세요
- 어르신 독감 접종을 경로당으로 찾아가서 해주면 좋겠어요
- 감염병 안내 문자를 외국어로도 보내주세요
ko.good
- 보건소 접종 예약이 너무 편해졌어요. 기다림 없이 바로 맞았어요
- {dong} 방역 차량 다녀간 뒤로 모기가 확 줄었어요
- 결핵 검진 이동 차량 덕분에 어머니가 쉽게 검사받으셨어요
ko.view
- 요즘 독감이 다시 유행이라 다들 마스크를 쓰더라고요
- 코로나 이후로 손 씻는 습관은 확실히 남은 것 같아요
- 모기가 가을까지 있는 거 보면 기후가 진짜 변했나 봐요
ko.tiny
- C: 모기 방역 좀요 {dong}
- Q: 독감 무료접종 몇살부터에요?
- C: 백신 다 떨어졌대요 ㅡㅡ
en.issue
- Went for the free flu shot at the health center and they'd run out, no notice online
- Vaccination booking website keeps erroring out
- Mosquitoes along the stream in {dong} are insane, has anyone sprayed this year?
en.ask
- Can foreigners get the free flu shot?
- Where do I get travel vaccinations?
en.idea
- Show vaccine stock at clinics on a map
- Send infectious disease alerts in English too
en.good
- Getting vaccinated at the health center was so quick, great system
- Way fewer mosquitoes since the spraying, thanks
en.view
- Everyone's wearing masks again, flu must be bad this year
- Mosquitoes in October? climate is weird
ko.hist
- {dong} 고시원에 빈대가 나왔다는 소문이 있어요. 방역 좀 해주세요
- 보건소 접종 대기실이 너무 좁아요

@publichealth | health | HLT-PUB | 보건소·건강검진·금연·치매·정신건강 | health centres, check-ups, smoking, dementia, mental health
kw=보건소, 건강검진, 금연, 흡연, 담배, 꽁초, 치매, 정신건강, 마음건강, 걷기 챌린지, health center, checkup, check-up, smoking, cigarette, dementia, mental health
ko.issue
- {school} 앞에서 어른들이 담배를 너무 펴요. 금연구역 표시가 있는데도요
- {station} {x}번 출구 앞이 완전 흡연장이에요. 지나갈 때마다 숨을 참아요
- 보건소 건강검진 예약이 {n}달 뒤까지 꽉 차 있어요
- 아파트 놀이터에서 밤마다 담배를 피워서 꽁초가 모래에 가득해요
- 치매안심센터 검사 받으러 갔는데 {dur} 기다리다 그냥 왔어요
- 보건소 금연 클리닉에 전화를 {n}번 했는데 아무도 안 받아요
- 정신건강 상담 예약이 {span} 뒤래요. 지금 당장 힘든데요
ko.ask
- 보건소 무료 건강검진 대상자인지 어떻게 확인하나요?
- 금연 클리닉 등록하면 패치 무료로 주나요?
- 치매 조기검진은 몇 살부터 받을 수 있나요?
- 청년 마음건강 상담 바우처 신청은 어디서 하나요?
ko.idea
- {station} 출구 앞에 흡연부스를 따로 만들어서 사람들 다니는 길에서 못 피우게 해주세요
- 보건소 건강검진을 토요일에도 해주면 직장인들이 갈 수 있을 것 같아요
- 동네 공원에 걷기 챌린지 앱이랑 연동된 코스를 만들면 좋겠어요
- 마음건강 상담을 카톡으로 먼저 받을 수 있게 해주세요
ko.good
- 보건소 금연 클리닉 덕분에 {n}개월째 금연 중입니다! 선생님 감사해요
- 치매안심센터에서 아버지 검사부터 돌봄까지 다 연결해주셨어요
- 걷기 챌린지 하면서 {n}킬로 뺐어요 ㅋㅋ 좋은 사업이에요
ko.view
- 길거리 흡연은 단속만으론 안 되고 흡연 공간이 있어야 할 것 같아요
- 요즘 젊은 사람들도 마음이 많이 힘든 것 같아요
- 보건소가 생각보다 해주는 게 많더라고요
ko.tiny
- C: {station} 출구 흡연 너무 심함
- Q: 보건소 토요일에 해요?
- C: 금연구역인데 담배 ㅡㅡ
en.issue
- People smoke right outside {exit} all day, impossible to walk past without breathing it in
- Adults smoking in front of {school} under the no smoking sign
- Health center checkup booking is full for the next 3 months
en.ask
- Does the health center offer free checkups to foreign residents?
- Is there mental health counselling in English?
en.idea
- Build proper smoking booths away from subway exits
- Saturday hours at the health center
en.good
- The quit-smoking clinic actually worked, 3 months smoke free!
- The dementia center helped my dad so much
en.view
- Street smoking is a real problem here
- The public health center does way more than I thought
ko.hist
- 보건소 주차장이 좁아서 어르신들이 멀리 대고 걸어오세요
- 금연구역 단속을 저녁 시간에도 해주세요

@food | health | HLT-FOD | 식품위생·식중독 | food hygiene and food poisoning
kw=식중독, 위생, 음식점, 유통기한, 배달음식, 식당, 이물질, 원산지, 반찬가게, 배탈, food poisoning, hygiene, restaurant, expired, food safety, 반찬, 도시락
ko.issue
- {place} 식당에서 점심 먹고 가족 {n}명이 다 배탈이 났어요. 식중독 같아요
- 배달음식에서 머리카락이 나왔는데 가게는 배달앱 탓만 해요
- {market} 반찬가게가 유통기한 지난 제품을 할인해서 팔아요
- {dong} 고깃집 주방 환풍기가 기름때 범벅이에요. 위생 점검 한 번 나와주세요
- {landmark} 근처 식당이 원산지를 국산이라고 써놓고 수입산을 쓰는 것 같아요
- {school} 급식에서 이물질이 나왔다는데 학교는 쉬쉬해요
- 편의점에서 산 도시락이 상해 있었어요
ko.ask
- 식중독 의심되면 어디에 신고해야 하나요?
- 음식점 위생등급은 어디서 확인할 수 있나요?
- 집에서 만든 반찬 팔려면 어떤 허가가 필요한가요?
- 배달음식 이물질 신고하면 처리 결과를 알려주나요?
ko.idea
- 음식점 위생점검 결과를 배달앱에도 표시하게 해주세요
- 전통시장 반찬가게 위생 교육을 정기적으로 해주면 좋겠어요
- 식중독 신고를 앱으로 사진이랑 간단하게 할 수 있게 해주세요
- 위생 우수 식당에 인증 스티커를 크게 붙여주면 좋겠어요
ko.good
- 식중독 신고했더니 바로 역학조사 나오셔서 원인까지 알려주셨어요
- 위생등급 받은 식당 찾아다니는데 확실히 깔끔하더라고요
- 시장 위생 개선 사업 후 반찬가게들이 훨씬 깨끗해졌어요
ko.view
- 요즘 배달음식 위생은 복불복인 것 같아요
- 오픈 주방 식당이 많아진 건 좋은 변화 같아요
- 원산지 표시는 잘 보지도 않게 되더라고요
ko.tiny
- C: 배달음식 이물질 나옴
- Q: 식중독 신고 어디로?
- C: 유통기한 지난거 팔아요 {market}
en.issue
- Got food poisoning from a restaurant at {place}, whole family sick
- Found a hair and a piece of plastic in my delivery food
- The side-dish shop in {market} sells expired stuff at a discount
en.ask
- Where do I report food poisoning?
- Where can I check restaurant hygiene ratings?
en.idea
- Show hygiene inspection results on delivery apps
- Big hygiene rating stickers on restaurant doors
en.good
- Reported food poisoning and inspectors came the same day, very professional
- The market stalls look way cleaner after the hygiene program
en.view
- Delivery food hygiene is a gamble
- Open kitchens are a nice trend
ko.hist
- 푸드트럭이 위생 허가 없이 영업하는 것 같아요
- 식당 화장실이 주방이랑 붙어 있어서 비위생적이에요

@animal | health | HLT-ANM | 동물보호·유기동물·반려동물 | animal welfare, strays and pets
kw=유기견, 길고양이, 고양이, 반려견, 강아지, 목줄, 동물학대, 유기동물, 들개, 개물림, 반려동물, 캣맘, 배변, 동물등록, stray, dog, cats, stray cat, injured cat, street cat, leash, animal abuse, pets
ko.issue
- {park}에서 목줄 안 한 대형견이 {kid}한테 달려들었어요. 주인은 안 문다고만 해요
- {dong} 뒷산에 들개 떼가 {n}마리씩 몰려다녀요. 아침 산책이 무서워요
- 옆 건물에서 개를 베란다에 방치해서 밤낮없이 짖어요. 학대 같아요
- 길고양이 밥 주는 분이랑 주민들이 매일 싸워요. 사료 때문에 벌레도 꼬이고요
- {apt} 엘리베이터에 반려견 배변을 안 치우고 가요
- 유기견 신고했는데 보호소에서 {weeks} 안 와요
- {park} 산책로에 개똥이 너무 많아요
ko.ask
- 반려견 동물등록은 어디서 하나요?
- 길에서 다친 고양이를 발견하면 어디에 연락해야 하나요?
- 유기동물 입양하려면 어떤 절차가 있나요?
- 반려견 순찰대는 어떻게 지원하나요?
ko.idea
- {park}에 반려견 놀이터를 만들어서 목줄 풀 수 있는 공간을 따로 주면 좋겠어요
- 길고양이 급식소를 정해진 장소에 설치하면 갈등이 줄 것 같아요
- 동물등록 안 한 반려견 집중 점검 기간을 운영하면 좋겠어요
- 유기동물 입양 행사를 {park}에서 주말마다 열면 어떨까요
ko.good
- 다친 길고양이 신고했더니 구조팀이 금방 와서 병원에 데려가주셨어요
- {park} 반려견 놀이터 생기고 나서 산책 갈등이 많이 줄었어요
- 유기견 입양 상담해주신 분 덕분에 우리 막내를 만났어요 🐶
ko.view
- 반려동물 키우는 집이 정말 많아진 것 같아요
- 캣맘 갈등은 누가 옳다고 하기 어려운 문제 같아요
- 요즘 유모차에 강아지 태우고 다니는 분들이 더 많네요 ㅎㅎ
ko.tiny
- C: 목줄 안한 개 {park}
- Q: 동물등록 어디서해요?
- C: 들개 출몰 무서워요
en.issue
- Off-leash big dog in {park} charged at my kid, the owner just laughed
- Neighbor leaves their dog on the balcony barking day and night, looks like neglect
- Pack of stray dogs on the hill behind {dong}, scary in the morning
en.ask
- Where do I register my dog? I just moved here
- Who do I call for an injured stray cat?
en.idea
- An off-leash dog park in {park} please
- Designated feeding stations for street cats
en.good
- Animal rescue came fast for the injured cat I reported, thanks!
- Adopted from the city shelter, the staff were wonderful
en.view
- So many people have dogs now
- Dogs in strollers everywhere lol
ko.hist
- 반려견 동반 카페에서 개가 손님을 물었는데 처리가 안 돼요
- {park} 연못에 누가 애완 거북이를 버렸어요

@medical | health | HLT-POL | 병원·응급의료·공공의료 | hospitals, emergency care and public medicine
kw=응급실, 병원, 소아과, 야간진료, 공공병원, 시립병원, 의료원, 약국, 진료, 달빛어린이병원, hospital, emergency room, pediatric, clinic, pharmacy
ko.issue
- {time}에 {kid} 열이 40도까지 올랐는데 문 연 소아과가 하나도 없었어요
- 응급실 {n}곳에 전화했는데 다 못 받는다고 해서 {dur} 헤맸어요
- {dong}에 하나 있던 소아과가 문을 닫아서 아이 진료받으러 {gu} 밖까지 가요
- 시립병원 외래 예약 전화가 아예 안 돼요
- 공휴일 문 여는 약국 정보가 틀려서 세 군데를 헛걸음했어요
- 의료원 주차장이 공사 중이라 환자들이 길에 차를 세워요
- 달빛어린이병원 대기가 {n}시간이래요
ko.ask
- {gu}에 밤에 진료하는 소아과가 있나요?
- 공휴일에 문 여는 병원은 어디서 확인하나요?
- 시립병원 무료 진료 대상이 어떻게 되나요?
- 응급실 말고 야간에 갈 수 있는 곳이 있나요?
ko.idea
- 소아 야간진료 병원을 구마다 최소 하나씩은 지정해주세요
- 응급실 실시간 병상 현황을 앱으로 보여주면 좋겠어요
- 어르신 병원 동행 서비스를 확대해주면 좋겠어요
- 공공 심야약국을 주말에도 운영해주세요
ko.good
- 달빛어린이병원 덕분에 새벽에 애 진료 잘 받았어요. 정말 감사해요
- 시립병원 간호사 선생님들이 너무 친절하셨어요
- 병원 동행 서비스 덕분에 혼자 사시는 어머니가 정기 검진을 잘 다니세요
ko.view
- 소아과 오픈런이라는 말이 생길 줄은 몰랐어요
- 의료 문제는 시에서 할 수 있는 게 한계가 있는 것 같기도 해요
- 공공병원이 더 많아져야 한다고 생각해요
ko.tiny
- C: 소아과가 없어요 {dong} ㅠㅠ
- Q: 오늘 문여는 병원?
- C: 응급실 다 거절당함
en.issue
- My kid had a 40 degree fever at night and there wasn't a single pediatric clinic open near {dong}
- Holiday pharmacy list online was wrong, went to three closed ones
- Called 4 emergency rooms and all said no, drove around for {dur}
en.ask
- Is there a night-time pediatric clinic in {gu}?
- Which hospitals have English-speaking staff?
en.idea
- Real-time ER availability in an app
- Night pharmacies open on weekends too please
en.good
- The night children's hospital saved us at 2am, thank you
- Nurses at the city hospital were so kind
en.view
- "Pediatric open-run" is a sad phrase
- More public hospitals would be good
ko.hist
- 보건지소가 없어져서 어르신들이 멀리 가세요
- 병원 셔틀버스가 없어져서 불편해요
"""

BANK_EDUCATION = """
@childcare | education | WFM-CHC | 보육·어린이집 | childcare and daycare
kw=어린이집, 보육, 유치원, 보육교사, 영유아, 아이돌봄, 돌보미, 시간제보육, 공동육아, daycare, kindergarten, childcare, nursery
ko.issue
- 국공립 어린이집 대기가 {nn}번째예요. {n}년을 기다려도 순서가 안 와요
- 어린이집 보육교사가 아이를 거칠게 대하는 걸 봤어요. CCTV 열람을 거부해요
- {apt} 단지 어린이집이 갑자기 폐원한대요. 한 달 전에 통보받았어요
- 시간제보육 예약이 아침 9시에 열리면 1분 만에 끝나요
- 아이돌봄 서비스 신청했는데 돌보미 매칭이 {weeks} 안 돼요
- 어린이집 급식 양이 너무 적다는 얘기가 엄마들 사이에서 돌아요
- 유치원 통학버스가 {road}에서 과속해요
ko.ask
- 국공립 어린이집 입소 우선순위가 어떻게 되나요? 맞벌이예요
- 아이돌봄 서비스 정부 지원은 소득 기준이 어떻게 되나요?
- 어린이집 CCTV 열람은 어떻게 요청하나요?
- {gu}에 시간제보육 하는 어린이집이 몇 곳 있나요?
ko.idea
- 어린이집 대기 순번을 실시간으로 볼 수 있게 해주세요
- 맞벌이 가정을 위해 저녁 9시까지 하는 거점 어린이집을 늘려주세요
- 폐원 예정 어린이집은 최소 석 달 전에 알리도록 해주세요
- 아파트 단지 커뮤니티 공간을 공동육아 나눔터로 쓰게 하면 좋겠어요
ko.good
- 국공립 어린이집 선생님들 너무 따뜻하세요. 아이가 매일 가고 싶어 해요
- 시간제보육 덕분에 병원 진료 편하게 다녀왔어요
- 아이돌봄 선생님이 너무 좋은 분이 오셔서 맞벌이가 가능해졌어요
ko.view
- 아이 키우기 좋은 도시라고 하기엔 아직 멀었어요
- 요즘은 어린이집보다 키즈카페가 더 많은 것 같아요
- 보육교사 처우가 좋아져야 아이들도 더 잘 돌봐질 것 같아요
ko.tiny
- C: 어린이집 대기 너무 길어요
- Q: 시간제보육 어디서 신청해요?
- C: 돌보미 매칭 안됨 ㅠ
en.issue
- We've been on the public daycare waiting list in {dong} for over a year
- Hourly childcare booking opens at 9am and is full in one minute
- Our daycare is closing with one month's notice, where are we supposed to go?
en.ask
- Can foreign children get into public daycare?
- How do I request the daycare CCTV footage?
en.idea
- Show live waiting list positions for public daycare
- Evening childcare centers for working parents
en.good
- Our daycare teachers are amazing, my son loves going
- Hourly childcare saved me during a hospital visit
en.view
- This city isn't really built for raising kids yet
- Daycare teachers deserve better pay
ko.hist
- 어린이집 차량 안전벨트가 고장 난 채로 운행해요
- 어린이집 입소 확정 문자가 잘못 갔어요

@kidscare | education | WFM-CHD | 초등돌봄·아동보호 | after-school care and child protection
kw=키움센터, 지역아동센터, 돌봄교실, 초등돌봄, 방과후, 아동학대, 아동, after-school, children's center, child abuse, kids center, 방과 후, 돌봄, 초등학생
ko.issue
- 우리동네키움센터 정원이 꽉 차서 초등학생 아이를 맡길 데가 없어요
- 초등 돌봄교실 추첨에서 떨어져서 오후 {n}시부터 애가 혼자 있어요
- 지역아동센터 건물이 너무 낡아서 비 오면 물이 새요
- 옆집에서 아이 우는 소리랑 때리는 소리가 매일 나요. 아동학대 같아요
- 키움센터 선생님이 자주 바뀌어서 애가 적응을 못 해요
- 방학 때 돌봄교실이 점심을 안 줘서 도시락을 싸야 해요
- 초등학생 돌봄 프로그램이 오후 5시에 끝나서 퇴근 전까지 공백이에요
ko.ask
- 우리동네키움센터 신청 자격이 어떻게 되나요?
- 아동학대 의심 신고는 어디로 하나요? 익명도 되나요?
- 방학 중 초등 돌봄 프로그램이 있나요?
- 지역아동센터 이용료가 있나요?
ko.idea
- 키움센터를 아파트 단지 커뮤니티 시설에 더 만들어주세요
- 방과 후에 초등학생이 갈 수 있는 무료 놀이 공간을 동마다 하나씩 만들면 좋겠어요
- 맞벌이 가정 초등생 등하교 동행 서비스를 해주면 어떨까요
- 방학 돌봄교실에 급식을 제공해주세요
ko.good
- 키움센터 선생님들 덕분에 맞벌이하면서도 마음 놓고 일해요
- 지역아동센터에서 아이 숙제까지 봐주셔서 너무 감사해요
- 아동학대 신고했는데 바로 조사 나가주셔서 다행이에요
ko.view
- 초등학생 방과 후가 맞벌이 부모에겐 제일 힘든 시간 같아요
- 요즘 애들은 학원 말고는 갈 데가 없는 것 같아요
- 돌봄 정책이 많아졌는데 동네마다 차이가 큰 것 같아요
ko.tiny
- C: 키움센터 자리가 없어요
- Q: 돌봄교실 방학에도 해요?
- C: 옆집 아동학대 의심돼요
en.issue
- No spots at the after-school care center, my 8 year old is home alone from 2pm
- The local children's center building leaks when it rains
- I hear a child being hit next door almost every night
en.ask
- How do I apply for the after-school care center?
- Is there summer vacation care for elementary kids?
en.idea
- Free play spaces for elementary kids in every neighborhood
- Walking escort service to school for working parents
en.good
- The after-school center teachers are a lifesaver for us working parents
- Thank you for acting quickly on the child abuse report
en.view
- Kids here have nowhere to go except cram schools
- After school is the hardest time for working parents
ko.hist
- 키움센터 간식이 너무 부실해요
- 돌봄센터 운영 시간이 단축됐는데 공지가 늦었어요

@library | education | EDU-LIB | 도서관 | libraries
kw=도서관, 열람실, 희망도서, 상호대차, 사서, 대출, library, librarian, reading room
ko.issue
- {dong} 구립도서관 열람실 자리를 가방으로 맡아두고 하루 종일 안 와요
- 도서관 냉방이 너무 약해서 여름엔 공부가 안 돼요
- 희망도서 신청한 지 {n}달이 지났는데 아직도 안 들어왔어요
- {station} 스마트도서관 기계가 {weeks} 고장이에요
- 도서관 어린이실에서 아이들이 뛰고 소리 질러도 아무도 제지를 안 해요
- 도서관 주말 운영 시간이 줄어서 직장인은 이용을 못 해요
- 상호대차 신청하면 {span} 넘게 걸려요
ko.ask
- 구립도서관 회원증은 어떻게 만드나요? 외국인도 되나요?
- 희망도서 신청은 한 달에 몇 권까지 되나요?
- 도서관 열람실 예약 앱이 따로 있나요?
- 상호대차로 다른 구 도서관 책도 빌릴 수 있나요?
ko.idea
- 밤 11시까지 여는 도서관이 하나라도 있으면 좋겠어요
- {station}에 무인 예약도서 대출함을 설치해주세요
- 도서관 열람실 자리 비우면 자동 반납되는 좌석 시스템을 도입해주세요
- 동네 카페에서 도서관 책을 반납할 수 있게 하면 어떨까요
ko.good
- 새로 생긴 {dong} 작은도서관 너무 예뻐요. 아이랑 매주 가요
- 사서 선생님이 아이 책 추천을 정말 잘해주세요
- 희망도서 신청한 책이 일주일 만에 들어왔어요!
ko.view
- 도서관이 요즘은 공부방이 된 것 같아요
- 종이책 읽는 사람이 줄어도 도서관은 꼭 있어야 하는 곳 같아요
- 도서관 건물들이 요즘 진짜 예쁘게 나오네요
ko.tiny
- C: 열람실 자리맡기 너무 심해요
- Q: 도서관 월요일 휴관?
- C: 스마트도서관 고장
en.issue
- People reserve reading room seats with bags and disappear all day at the {dong} library
- Requested book still hasn't arrived after three months
- The smart library kiosk at {station} has been broken {weeks}
en.ask
- Can foreigners get a library card? What ID do I need?
- Is there an English books section at the district library?
en.idea
- At least one library open until 11pm
- Library book returns at convenience stores would be amazing
en.good
- The new small library in {dong} is gorgeous, we go every week
- The librarian's book picks for my kid are always perfect
en.view
- Libraries here are basically study cafes now
- New library buildings are so pretty
ko.hist
- 도서관 화장실 비데가 고장 났어요
- 도서관 주차장 이용 시간이 너무 짧아요

@school | education | EDU-SCH | 학교·교육정책·통학로 | schools, school meals, routes to school
kw=급식, 통학로, 등굣길, 교육청, 교육비, 학원가, 전학, 입학, 예비소집, 운동장 개방, 문구점, school lunch, school meal, teacher, enroll, tuition, 학교, 학원, school meals
ko.issue
- {school} 통학로에 인도가 없어서 애들이 차 사이로 걸어 다녀요
- {school} 급식이 너무 부실하다고 아이가 매일 배고파해요
- 학교 운동장을 주민 개방한다더니 주말에 가보면 자물쇠가 잠겨 있어요
- {dong} 학원가에 밤 10시만 되면 학원 차들이 줄지어 서서 난리예요
- 학교 앞 문구점에서 아이들한테 불량식품이랑 랜덤뽑기를 팔아요
- 전학 서류 때문에 교육청이랑 주민센터를 {n}번 왔다 갔다 했어요
- 학교 화장실이 너무 낡아서 애들이 하루 종일 참고 온대요
ko.ask
- 초등학교 입학 전 예비소집은 언제 하나요?
- 교육비 지원 신청 기간이 언제까지예요?
- 외국에서 살다 왔는데 중학교 편입은 어떻게 하나요?
- 학교 운동장 주말 개방 시간이 어떻게 되나요?
ko.idea
- 통학로에 노란 발자국이랑 옐로카펫을 더 설치해주세요
- 학교 급식 식단표를 알레르기 정보랑 같이 앱으로 보내주면 좋겠어요
- 방학 중에도 학교 도서실을 동네 아이들에게 열어주면 어떨까요
- 학원가 셔틀 정차 구역을 따로 만들어주세요
ko.good
- {school} 앞 통학로 정비해주셔서 애들 등굣길이 안전해졌어요
- 교육비 지원 덕분에 아이 방과후 수업을 보낼 수 있었어요
- 학교 화장실 리모델링하고 아이가 너무 좋아해요 ㅎㅎ
ko.view
- 학생 수가 줄어서 동네 학교가 통폐합된다는 말이 있더라고요
- 학원 안 보내면 불안한 분위기가 안타까워요
- 요즘 학교 급식은 예전보다 훨씬 잘 나오는 것 같아요
ko.tiny
- C: 통학로 인도가 없어요 {school}
- Q: 예비소집 언제에요?
- C: 운동장 또 잠겨있음
en.issue
- No sidewalk on the way to {school}, kids walk between the cars
- My daughter says the school lunch portions are tiny
- The school playground is supposed to be open to residents on weekends but it's always locked
en.ask
- How do I enroll my child in a Korean elementary school mid-year?
- When is the education expense support application period?
en.idea
- Send school meal menus with allergy info through an app
- Designated drop-off zones for academy shuttles
en.good
- The new safe route to {school} is great, thank you
- Education support let my kid join after-school classes
en.view
- Kids here study way too much
- School meals here are honestly better than restaurants back home
ko.hist
- 학교 앞 도로에 과속방지턱이 없어서 차들이 쌩쌩 달려요
- 학교 보안관 선생님이 안 계셔서 외부인이 들어와요

@lifelong | education | EDU-POL | 평생학습·시민강좌 | lifelong learning and adult classes
kw=평생학습, 평생교육, 강좌, 시민대학, 수강, 강의, 폐강, 수료증, 자격증 과정, adult classes, course, lecture, lifelong learning, learning center
ko.issue
- 평생학습관 강좌 신청이 {n}분 만에 마감돼요. 매크로 쓰는 사람이 있는 것 같아요
- 시민대학 강의가 예고 없이 폐강됐는데 환불도 늦어요
- 수강료 환불 규정이 홈페이지랑 현장이랑 달라요
- 평생교육 프로그램이 다 평일 낮이에요. 직장인은 들을 게 없어요
- 온라인 강좌 사이트가 모바일에서 재생이 안 돼요
- 강사님이 수업 시간의 절반을 개인 홍보로 써요
- 자격증 과정 수료증 발급이 {weeks} 안 되고 있어요
ko.ask
- 평생학습관 다음 학기 강좌 신청은 언제 하나요?
- 시민대학은 누구나 들을 수 있나요?
- 수강료 감면 대상이 어떻게 되나요?
- 온라인 강좌도 수료증이 나오나요?
ko.idea
- 직장인을 위한 저녁 강좌나 주말 강좌를 늘려주세요
- 은퇴한 분들이 강사로 재능기부하는 프로그램을 만들면 좋겠어요
- 강좌 신청을 추첨제로 바꿔주세요
- 동네 카페나 빈 상가에서 소규모 강좌를 열면 어떨까요
ko.good
- 평생학습관 요리 강좌 들었는데 강사님도 좋고 너무 재밌었어요
- 시민대학 철학 강의 덕분에 퇴직 후 삶이 풍성해졌어요
- 온라인 강좌 무료로 열어주셔서 코딩 공부 시작했어요
ko.view
- 나이 들어서도 배울 수 있는 곳이 많아진 게 좋아요
- 평생교육 프로그램은 결국 시간 있는 사람만 듣게 되는 것 같아요
- 요즘은 유튜브로 배우는 사람이 더 많을 것 같기도 해요
ko.tiny
- C: 강좌 신청 매크로 의심
- Q: 다음학기 강좌 언제 올라와요?
- C: 수료증 발급 안됨
en.issue
- Lifelong learning classes fill up in two minutes, feels like bots
- All the adult classes are weekday daytime, impossible for workers
- My course was cancelled without notice and the refund is taking forever
en.ask
- Are there Korean language classes for foreigners at the lifelong learning center?
- Can anyone join the citizens' university lectures?
en.idea
- More evening and weekend classes for working people
- Let retirees teach classes as volunteers
en.good
- Loved the cooking class at the learning center, great teacher
- The free online courses got me into coding, thanks
en.view
- Nice that there are so many ways to keep learning here
- Most people learn from YouTube now honestly
ko.hist
- 강의실 빔프로젝터가 자주 꺼져요
- 평생학습관 주차 할인이 안 돼요

@youth | education | EDU-YTH | 청소년 | youth and teenagers
kw=청소년, 수련관, 청소년센터, 학교밖, 검정고시, 진로 상담, teen, teenager, youth center
ko.issue
- 청소년수련관 프로그램이 다 유료가 돼서 우리 애는 못 다녀요
- {park}에서 밤마다 청소년들이 몰려서 담배 피우고 오토바이 소리를 내요
- 청소년 상담 전화가 밤 10시 이후엔 안 받아요
- 청소년센터 자습실 에어컨이 {weeks} 고장이에요
- 학교밖 청소년 지원센터가 어디 있는지 찾기가 너무 어려워요
- 청소년 축제를 한다는데 어른들만 무대에 서요
- 청소년 교통비 지원 신청이 너무 복잡해요
ko.ask
- 청소년수련관 여름 캠프 신청은 언제 해요?
- 학교밖 청소년도 검정고시 지원받을 수 있나요?
- 청소년 교통비 지원은 몇 살까지인가요?
- 청소년 진로 상담은 어디서 받을 수 있나요?
ko.idea
- 청소년들이 밤에 갈 수 있는 안전한 공간을 만들어주세요
- 청소년 의회처럼 학생들이 직접 정책 제안하는 자리를 만들면 좋겠어요
- 청소년센터에 밴드 연습실을 만들어주세요
- 청소년 아르바이트 부당대우 신고 창구를 따로 만들면 어떨까요
ko.good
- 청소년수련관 댄스 동아리 덕분에 아이가 학교생활도 즐거워졌어요
- 청소년 상담 선생님이 아이 얘기를 잘 들어주셔서 감사했어요
- 청소년 진로 캠프 너무 유익했대요
ko.view
- 요즘 청소년들은 놀 데가 PC방 아니면 코인노래방뿐인 것 같아요
- 청소년 정책은 정작 청소년 목소리가 잘 안 들어가는 것 같아요
- 청소년들 생각보다 정치나 사회 문제에 관심 많더라고요
ko.tiny
- C: 수련관 에어컨 고장
- Q: 청소년 캠프 신청 언제?
- C: 청소년상담 전화 안받음
en.issue
- Youth center programs all became paid, my kid can't go anymore
- Study room at the youth center has had no AC {weeks}
- Teen counselling hotline doesn't answer after 10pm
en.ask
- Are there youth programs in English for international students?
- When is the summer camp registration at the youth center?
en.idea
- A safe place for teenagers to hang out at night
- A youth council where students propose policies
en.good
- The youth center dance club changed my daughter's life
- The career camp for teens was really useful
en.view
- Teens here only have PC rooms and karaoke
- Young people care about politics more than we think
ko.hist
- 청소년센터 와이파이가 안 돼요
- 청소년 문화의집 운영 시간이 줄었어요
"""

BANK_ECONOMY = """
@jobs | economy | ECO-JOB | 일자리·취업 | jobs and employment
kw=일자리, 취업, 채용, 구직, 공공근로, 실업, 재취업, 일자리센터, 박람회, 인턴, job, employment, hiring, unemployed, job fair, internship
ko.issue
- 공공근로 모집 공고 보고 갔는데 이미 정해진 사람이 있다고 하더라고요
- 청년 일자리 박람회 갔는데 부스 절반이 보험 영업이었어요
- 일자리센터 상담 예약이 {span} 뒤예요
- 50대 재취업 프로그램 수료했는데 연결해주는 일자리가 하나도 없어요
- 구직 지원금 신청했는데 {span} 지나도 심사 중이래요
- 시 산하기관 채용 공고가 하루 만에 마감됐어요
- 장애인 일자리 사업 참여했는데 근무 환경이 너무 열악해요
ko.ask
- 청년 구직활동 지원금 자격이 어떻게 되나요?
- {gu} 일자리센터 위치랑 운영시간 알려주세요
- 중장년 재취업 교육 신청은 어디서 하나요?
- 외국인 배우자도 일자리센터를 이용할 수 있나요?
ko.idea
- 일자리 박람회를 저녁이나 주말에도 열어주세요
- 동네 가게 구인 정보를 모아서 보여주는 앱이 있으면 좋겠어요
- 경력단절 여성을 위한 시간제 일자리를 더 만들어주세요
- 신중년 경력을 살릴 수 있는 공공 일자리 매칭을 해주세요
ko.good
- 일자리센터 상담사님 덕분에 {n}개월 만에 취업했어요! 감사합니다
- 청년 인턴 프로그램으로 경력 쌓고 정규직이 됐어요
- 중장년 재취업 교육이 실무 위주라 도움이 많이 됐어요
ko.view
- 요즘 청년들 취업 너무 힘들다는 게 실감나요
- 일자리는 많다는데 막상 할 만한 일은 없다는 게 문제 같아요
- 공공일자리는 결국 단기 알바뿐이라는 얘기가 많아요
ko.tiny
- C: 일자리센터 예약 너무 밀려요
- Q: 구직지원금 언제 나와요?
- C: 채용 공고 하루만에 마감?
en.issue
- The job fair was half insurance salespeople, total waste of time
- Finished the re-employment program and they connected me to zero jobs
- Job center counselling is booked out {weeks}
en.ask
- Can foreign spouses use the city job center? Is there English counselling?
- What are the requirements for the youth job-seeker allowance?
en.idea
- Evening and weekend job fairs please
- An app listing local shop job openings
en.good
- Got a job after 3 months thanks to my job center counsellor!
- The internship program turned into a full-time job for me
en.view
- Finding a job here as a young person is really hard
- Lots of jobs on paper, few good ones
ko.hist
- 구직 등록하라고 해서 했는데 연락이 한 번도 없어요
- 공공근로 임금이 늦게 들어와요

@smallbiz | economy | ECO-SME | 소상공인·전통시장·지역화폐 | small businesses, markets, local currency
kw=소상공인, 자영업, 전통시장, 상품권, 지역화폐, 상권, 상인, 장사, 가맹점, 폐업, 정책자금, small business, shop owner, local currency, voucher
ko.issue
- {market} 상인인데 지역화폐 결제 수수료가 갑자기 올랐어요
- 소상공인 정책자금 신청했는데 서류만 {n}번 냈어요. 그사이 가게 문 닫게 생겼어요
- {dong} 상권에 대형 프랜차이즈가 들어오면서 동네 가게들이 다 문을 닫고 있어요
- 전통시장 아케이드 지붕이 새서 비 오면 장사를 못 해요
- 지역상품권 가맹점인데 정산이 {weeks} 안 들어와요
- {market}에 주차장이 없어서 손님들이 안 와요
- 배달앱 수수료가 너무 비싸서 남는 게 없어요. 공공배달앱은 주문이 하나도 없고요
ko.ask
- 소상공인 경영 컨설팅 무료로 받을 수 있나요?
- 지역화폐 가맹점 신청은 어디서 하나요?
- 폐업 지원금 받을 수 있는 조건이 어떻게 되나요?
- 전통시장 시설 현대화 사업은 어떻게 신청하나요?
ko.idea
- 지역화폐를 전통시장에서 쓰면 추가 할인해주면 시장이 살아날 것 같아요
- 빈 점포를 청년 창업가한테 싸게 빌려주면 좋겠어요
- 소상공인 정책자금 신청을 온라인으로 한 번에 할 수 있게 해주세요
- {market}에서 야시장을 열면 젊은 손님들이 올 것 같아요
ko.good
- 소상공인 컨설팅 받고 메뉴판 바꿨더니 매출이 늘었어요
- 전통시장 지붕 공사해주셔서 비 와도 장사해요. 상인들 다 고마워해요
- 지역화폐 할인 덕분에 동네 가게들 손님이 늘었어요
ko.view
- 동네 가게들이 하나둘 사라지는 게 아쉬워요
- 지역화폐는 좋은데 예산이 금방 소진되는 게 문제 같아요
- 요즘 자영업은 진짜 버티기 싸움이라고 하더라고요
ko.tiny
- C: 지역화폐 정산 안들어옴
- Q: 지역화폐 가맹점 신청?
- C: 시장 아케이드 누수
en.issue
- I run a small shop in {market} and the local currency settlement hasn't come in {weeks}
- The roof of the traditional market leaks, stalls can't open when it rains
- Franchises are killing every small shop on our street in {dong}
en.ask
- Can a foreigner-owned small business get the small business support loans?
- How do I register my shop to accept the local currency?
en.idea
- Night markets at {market} would bring young people in
- Rent empty shops cheaply to young entrepreneurs
en.good
- The free consulting for small businesses really helped my cafe
- The local currency discount brought so many customers
en.view
- Sad to see the mom-and-pop shops disappearing
- Running a small business here is survival mode
ko.hist
- 시장 공영주차장 할인이 지역화폐로 안 돼요
- 노점 단속을 우리 가게 앞만 해요

@startup | economy | ECO-INV | 창업·스타트업·투자 | startups and investment
kw=창업, 스타트업, 창업지원, 창업센터, 입주기업, 벤처, 투자 연계, 멘토링, startup, start-up, founder, incubator, investor
ko.issue
- 창업지원센터 입주했는데 인터넷이 하루에도 {n}번씩 끊겨요
- 청년 창업 지원금 심사 결과가 예정일보다 {span} 늦어지고 있어요
- 창업 지원사업 서류가 너무 많아요. 정작 사업할 시간이 없어요
- 스타트업 지원 프로그램 멘토가 현실과 동떨어진 얘기만 해요
- 창업센터 회의실 예약을 특정 기업이 독점해요
- 지원금 정산 규정이 중간에 바뀌어서 환수당하게 생겼어요
- 창업 공간 입주 심사에서 이유도 없이 탈락 통보만 받았어요
ko.ask
- 청년 창업 공간 입주 조건이 어떻게 되나요?
- 외국인도 창업 지원 프로그램에 지원할 수 있나요?
- 창업 초기 투자 연계 프로그램이 있나요?
- 창업지원금 중복 수혜가 가능한가요?
ko.idea
- 창업 지원 서류를 하나의 표준 양식으로 통일해주세요
- 동네 빈 상가를 스타트업 쇼룸으로 쓰게 하면 좋겠어요
- 실패한 창업자도 다시 도전할 수 있게 재창업 지원을 늘려주세요
- 지원 기업들끼리 네트워킹 데이를 정기적으로 열어주면 어떨까요
ko.good
- 창업센터 덕분에 사무실 걱정 없이 사업을 시작했어요
- 투자 연계 프로그램으로 첫 투자를 받았어요! 감사합니다
- 멘토링 해주신 대표님 조언이 정말 큰 도움이 됐어요
ko.view
- 창업 지원은 많은데 정작 살아남는 회사는 적은 것 같아요
- 요즘 대학생들도 창업에 관심이 많더라고요
- 스타트업 거리라는 데 가보면 카페만 많아요 ㅋㅋ
ko.tiny
- C: 창업센터 인터넷 또 끊김
- Q: 창업지원금 발표 언제?
- C: 입주 탈락 이유라도 알려주세요
en.issue
- Internet at the startup center drops several times a day
- Paperwork for the startup program is insane
- Startup grant rules changed midway and now they want money back
en.ask
- Can foreigners apply to the city startup incubator?
- Is there an investor matching program for early-stage startups?
en.idea
- One standard application form for all startup programs
- Regular networking days for supported startups
en.good
- The incubator gave us a free office and great mentors, thank you
- Got our first investment through the city program!
en.view
- Lots of startup support, few survivors
- The "startup street" is just cafes lol
ko.hist
- 창업센터 출입카드 발급이 너무 오래 걸려요
- 지원사업 설명회 자료가 홈페이지에 안 올라와요

@fair | economy | ECO-FAI | 공정경제·임금체불·소비자 피해·상가임대 | fair trade, unpaid wages, consumer harm, shop rents
kw=임금체불, 체불, 알바비, 불공정, 갑질, 프랜차이즈, 본사, 소비자, 환불, 먹튀, 권리금, 상가 임대료, 임대료, unpaid wages, unfair, franchise, consumer, refund, 선결제, 수수료, prepaid
ko.issue
- 알바비를 {weeks} 못 받았어요. 사장님은 다음 주만 반복해요
- 프랜차이즈 본사가 인테리어를 강제로 다시 하라고 해요. 가맹점주들만 죽어나요
- {dong} 상가 임대료가 {n}년 만에 두 배가 됐어요. 가게 빼라는 거죠
- 헬스장이 갑자기 폐업해서 회원권 {money} 날렸어요
- 온라인 쇼핑몰에서 환불을 {weeks} 안 해줘요
- 건물주가 재계약 조건으로 권리금을 포기하라고 해요
- 택배 대리점이 수수료를 멋대로 떼가요
ko.ask
- 임금체불 신고는 어디에 하나요? 시에서도 도와주나요?
- 상가 임대차 분쟁 조정은 어디서 받을 수 있나요?
- 가맹점 불공정 거래 상담 창구가 있나요?
- 폐업한 학원 수강료 환불은 어떻게 받나요?
ko.idea
- 헬스장 같은 선결제 업종은 보증보험 가입을 의무화해주세요
- 상가 임대료 상승 폭을 동네마다 상생협약으로 정하면 좋겠어요
- 아르바이트생 임금체불 신고를 익명으로 할 수 있게 해주세요
- 프랜차이즈 본사 갑질 사례를 공개하면 좋겠어요
ko.good
- 상가 임대차 분쟁조정위원회 덕분에 가게를 지켰어요
- 노동권익센터에서 체불임금 받는 거 끝까지 도와주셨어요
- 소비자 상담센터 덕분에 환불받았어요. 감사합니다
ko.view
- 동네가 뜨면 원래 있던 가게들이 쫓겨나는 게 반복되네요
- 선결제하고 폐업하는 가게들 때문에 무서워서 못 끊겠어요
- 갑질 뉴스는 끊이질 않네요
ko.tiny
- C: 알바비 체불 도와주세요
- Q: 임금체불 신고 어디서?
- C: 헬스장 먹튀 당했어요
en.issue
- My boss hasn't paid my part-time wages {weeks}, keeps saying next week
- Landlord doubled the rent on our shop in {dong}, basically kicking us out
- Gym suddenly closed and I lost a {money} membership
en.ask
- Where can foreign workers report unpaid wages?
- Is there a mediation service for commercial lease disputes?
en.idea
- Require prepaid businesses like gyms to have insurance
- Anonymous reporting for unpaid part-time wages
en.good
- The labor rights center helped me get my unpaid wages, thank you
- Consumer center got my refund back
en.view
- Neighborhoods get trendy and the original shops get kicked out, every time
- Scared to prepay for anything now
ko.hist
- 상가 관리비를 건물주가 부풀려요
- 중고거래 사기를 당했는데 어디에 말해야 할지 모르겠어요
"""

BANK_ENVIRONMENT = """
@waste | environment | ENV-RES | 쓰레기·재활용·무단투기 | rubbish, recycling and fly-tipping
kw=쓰레기, 분리수거, 분리배출, 재활용, 음식물, 무단투기, 종량제, 대형폐기물, 폐기물, 수거, 환경미화원, trash, garbage, rubbish, recycling, food waste, bulky waste, dumped
ko.issue
- {place} 전봇대 밑에 쓰레기 무단투기가 {weeks} 쌓여서 냄새가 장난 아니에요
- 음식물 쓰레기 수거차가 {n}일째 안 와서 통이 넘쳐요
- {apt} 분리수거장에 재활용이랑 일반쓰레기가 다 섞여 있는데 그냥 한꺼번에 실어 가더라고요
- 대형폐기물 스티커 붙여서 내놨는데 {weeks} 수거를 안 해가요
- {market} 뒷골목에 상가 쓰레기를 밤마다 몰래 버려요
- 쓰레기 수거차가 새벽 {n}시에 와서 엄청 시끄럽게 해요
- {park} 쓰레기통이 다 없어져서 사람들이 벤치에 그냥 두고 가요
ko.ask
- 대형폐기물 신고는 어디서 하나요? 침대 매트리스 버리려고요
- 아이스팩은 어떻게 버려야 하나요?
- {dong} 재활용 수거 요일이 언제예요?
- 종량제 봉투 외국어 분리배출 안내문 있나요?
ko.idea
- 무단투기 상습 지역에 이동식 CCTV를 설치하면 좋겠어요
- 분리배출 요일을 카톡으로 알려주는 서비스가 있으면 좋겠어요
- 투명 페트병 모아오면 종량제 봉투로 바꿔주는 걸 동마다 해주세요
- 공원에 분리배출 쓰레기통을 다시 설치해주세요
ko.good
- {place} 무단투기 신고했더니 다음 날 깨끗하게 치워주셨어요
- 환경미화원분들 새벽부터 고생 많으세요. 항상 감사합니다
- 재활용 정거장 생기고 나서 골목이 훨씬 깨끗해졌어요
ko.view
- 분리수거 규칙이 너무 자주 바뀌어서 헷갈려요
- 배달 용기 쓰레기가 진짜 어마어마하게 나오네요
- 다른 나라 가보니 우리 분리수거가 엄청 철저한 편이더라고요
ko.tiny
- C: 쓰레기 무단투기 {place}
- Q: 아이스팩 어떻게 버려요?
- C: 음식물 수거 안해가요
en.issue
- Huge pile of dumped trash at {place} {weeks}, smells awful
- Put out my bulky waste with the sticker and nobody picked it up
- Food waste bins at {apt} haven't been collected in days
en.ask
- How do I get rid of an old mattress? Do I need a sticker?
- Which days is recycling collected in {dong}?
en.idea
- Recycling schedule reminders through a messenger app
- Bring back trash cans in {park}
en.good
- Reported dumped trash at {place} and it was gone the next morning
- Shout out to the street cleaners working at 5am
en.view
- The recycling rules here are so strict, took me months to learn
- Delivery packaging waste is out of control
ko.hist
- 종량제 봉투 파는 곳이 동네에 없어요
- 재활용품 수거하시는 분들이 너무 일찍 와서 시끄러워요

@air | environment | ENV-AIR | 미세먼지·대기·매연 | fine dust, air quality and exhaust
kw=미세먼지, 초미세먼지, 대기질, 매연, 공회전, 황사, 배출가스, 살수, 조기폐차, 경유차, fine dust, air quality, pollution, exhaust, smog, idling, the air, sky, 하늘이
months=3,4,5,11,12
ko.issue
- {place} 공사장에서 살수를 안 해서 미세먼지가 뿌옇게 날려요
- 마을버스들이 {station} 앞에서 시동 켜놓고 {dur}씩 공회전해요
- 미세먼지 나쁨인데 {school} 운동장에서 체육 수업을 하더라고요
- {road} 옆 공장에서 밤마다 매캐한 연기가 나와요
- 대기질 측정소 수치랑 실제 체감이 너무 달라요. 우리 동네는 훨씬 심해요
- 노후 경유 트럭이 {dong} 골목을 시커먼 매연 뿜으며 다녀요
- 미세먼지 비상저감조치라면서 관용차들은 그냥 다 다녀요
ko.ask
- {dong} 실시간 미세먼지 수치는 어디서 확인해요?
- 노후 경유차 조기폐차 지원금은 얼마인가요?
- 미세먼지 심한 날 어린이집 야외활동 기준이 있나요?
- 공회전 신고는 어디에 하나요?
ko.idea
- 버스 정류장에 미세먼지 차단 스크린을 설치해주세요
- 학교 체육관마다 공기정화 장치를 달아주면 좋겠어요
- 미세먼지 심한 날 대중교통을 무료로 하면 어떨까요
- 공회전 단속을 시민 신고 포상제로 하면 좋겠어요
ko.good
- 미세먼지 알림 카톡 덕분에 아이 외출 계획 세우기 편해요
- 조기폐차 지원 받아서 오래된 트럭 바꿨어요. 좋은 제도예요
- 공사장 살수 민원 넣었더니 바로 조치해주셨어요
ko.view
- 요즘은 하늘이 맑은 날이 더 드문 것 같아요
- 미세먼지는 남 탓만 할 게 아니라 우리도 줄여야 할 것 같아요
- 몇 년 전보다는 공기가 좀 나아진 느낌이에요
ko.tiny
- C: 공회전 너무 심해요 {station}
- Q: 오늘 미세먼지 어때요?
- C: 매연 냄새 심함 {road}
en.issue
- Village buses idle for ages at {station}, the exhaust is unbearable
- A factory on {road} puts out black smoke every night
- Construction site at {place} doesn't spray water, dust everywhere
en.ask
- Where can I check real-time fine dust for my neighborhood?
- Is there support for scrapping an old diesel car?
en.idea
- Free public transport on bad air days
- Reward citizens who report idling vehicles
en.good
- The air quality alerts on messenger are super useful
- Dust from the site stopped after my complaint, thanks
en.view
- Clear sky days feel rare now
- Air seems a bit better than a few years ago
ko.hist
- 미세먼지 경보 문자가 너무 늦게 와요
- 도로 물청소차가 우리 동네는 한 번도 안 와요

@noise | environment | ENV-LIV | 생활소음·악취·빛공해 | noise, odours and light pollution
kw=소음, 악취, 냄새, 시끄러, 빛공해, 진동, 확성기, 정화조, 실외기, 광고판, noise, noisy, smell, stink, odor, loud music, so loud, hammering, 해머, 법정 시간
ko.issue
- {place} 공사장이 아침 {n}시부터 해머 소리를 내요. 법정 시간 지키는 거 맞나요?
- {market} 하수구에서 올라오는 악취가 여름 내내 너무 심해요
- {road} 옆 술집 거리가 새벽까지 음악을 틀어서 창문을 못 열어요
- 옆 건물 실외기 진동 소리 때문에 밤에 잠을 못 자요
- {dong} 교회 확성기 소리가 주말 아침마다 동네에 울려요
- 새로 생긴 LED 광고판 빛이 집 안까지 들어와서 커튼을 쳐도 밝아요
- 정화조 청소하는 날마다 골목 전체에 냄새가 진동해요
ko.ask
- 공사장 소음 기준이 몇 데시벨인가요?
- 생활소음 측정은 어떻게 신청하나요?
- 악취 민원은 구청이랑 시청 중 어디에 하나요?
- 밤에 공사하려면 허가를 받아야 하나요?
ko.idea
- 술집 거리 주변 주택가에 소음 측정 전광판을 달아주면 좋겠어요
- 하수구 악취 차단 장치를 시장 주변부터 설치해주세요
- 야간 조명 밝기 기준을 주거지역엔 더 엄격하게 해주세요
- 공사장 소음 실시간 수치를 현장에 공개하게 하면 어떨까요
ko.good
- 공사장 소음 신고했더니 바로 측정 나오셔서 작업 시간이 조정됐어요
- 하수구 악취 저감 장치 달고 나서 냄새가 거의 안 나요
- 광고판 빛 민원 처리해주셔서 이제 푹 자요
ko.view
- 도시에 살면 어느 정도 소음은 감수해야 하는 것 같아요
- 여름만 되면 하수구 냄새가 올라오는 건 어쩔 수 없나 봐요
- 요즘 밤이 너무 밝아서 별 보기가 힘들어요
ko.tiny
- C: 공사 소음 아침부터 미치겠음
- Q: 소음 측정 신청 어떻게?
- C: 하수구 냄새 너무 심해요
en.issue
- Bars on {road} blast music until 4am, can't open my windows
- The sewer smell near {market} is unbearable all summer
- Construction at {place} starts hammering at 7am on Saturdays
en.ask
- What are the legal construction noise hours?
- How do I request a noise measurement?
en.idea
- Noise display boards near the bar streets
- Stricter night lighting limits in residential areas
en.good
- Noise complaint handled fast, the site changed its hours, thank you
- The sewer smell is finally gone, great work
en.view
- City life means some noise I guess
- Nights are so bright here you can't see stars
ko.hist
- 노래방 간판 음악 소리가 밤새 나요
- 음식점 배기구에서 기름 냄새가 집으로 들어와요

@trees | environment | PRK-LND | 가로수·조경·화단 | street trees, landscaping and flowerbeds
kw=가로수, 가지치기, 나무, 낙엽, 은행나무, 은행 열매, 화단, 조경, 잡초, trees, fallen tree, street tree, the tree, branch, leaves, ginkgo, flowerbed
months=10,11,4,5
ko.issue
- {place} 가로수 가지가 너무 길어서 2층 창문을 두드리고 신호등도 가려요
- 태풍에 쓰러진 나무가 {road} 인도를 {n}일째 막고 있어요
- 은행나무 열매 냄새 때문에 {road} 걷기가 힘들어요
- 가지치기를 너무 심하게 해서 가로수가 닭발처럼 됐어요. 여름에 그늘이 하나도 없어요
- 낙엽을 안 치워서 {road} 인도가 미끄러워요
- {apt} 앞 화단에 잡초가 허리까지 자랐어요
- 가로수 뿌리가 보도블록을 들어 올려서 걸려 넘어졌어요
ko.ask
- 집 앞 가로수 가지치기 요청은 어디에 하나요?
- 은행나무 열매 수거는 언제 하나요?
- 가로수 심어달라고 신청할 수 있나요?
- 쓰러질 것 같은 나무 신고는 어디에 하나요?
ko.idea
- 은행나무 암나무를 수나무로 바꿔주면 냄새 문제가 해결될 것 같아요
- 가로수 그늘이 부족한 길에 나무를 더 심어주세요
- 동네 화단을 주민들이 가꾸는 정원으로 만들면 좋겠어요
- 낙엽을 모아서 퇴비로 나눠주는 행사를 하면 어떨까요
ko.good
- {road} 가로수길 너무 예뻐졌어요. 가을마다 걷는 맛이 있어요
- 쓰러진 나무 신고했더니 한 시간 만에 치워주셨어요
- 화단에 꽃 심어주셔서 동네가 환해졌어요
ko.view
- 가로수가 있는 길이랑 없는 길은 여름에 온도가 완전 달라요
- 은행나무 냄새는 가을의 상징 같기도 해요 ㅋㅋ
- 가지치기는 필요하다지만 좀 덜 잘랐으면 하는 마음이에요
ko.tiny
- C: 나무 쓰러졌어요 {road}
- Q: 가지치기 신청 어디서?
- C: 화단 잡초 관리 좀
en.issue
- A fallen tree has been blocking the sidewalk on {road} for days
- The ginkgo berries on {road} smell like vomit, nobody cleans them
- Street tree branches on {road} are covering the traffic light completely
en.ask
- Who do I call to trim the tree in front of my building?
- Can residents request new street trees?
en.idea
- Replace female ginkgo trees with male ones
- Community gardens in the unused flowerbeds
en.good
- The tree-lined street on {road} is gorgeous in autumn
- Fallen tree cleared within an hour, impressive
en.view
- Streets with trees are so much cooler in summer
- The pruning here is brutal, trees look like sticks
ko.hist
- 가로수 보호판이 깨져서 발이 빠져요
- 조경 공사 후 심은 나무들이 다 말라 죽었어요

@wildlife | environment | PRK-ECO | 야생동물·하천생태·곤충 | wildlife, streams and insects
kw=야생동물, 멧돼지, 비둘기, 하천, 생태, 러브버그, 하루살이, 벌레, 말벌, 벌집, 너구리, 물고기, 녹조, wildlife, wild boar, pigeon, stream, insect, bugs, lovebug, wasp, raccoon, herons
months=6,7,8
ko.issue
- {dong} 뒷산에서 멧돼지가 내려와서 텃밭을 다 파헤쳤어요
- 러브버그가 창문이랑 벽에 새까맣게 붙어 있어요. 방제 좀 해주세요
- {park} 비둘기 떼한테 누가 자꾸 먹이를 줘서 벤치가 배설물 범벅이에요
- 하천에 물고기가 하얗게 떼로 죽어 떠 있어요
- {apt} 베란다 밖에 말벌집이 생겼어요
- 동양하루살이가 {station} 출구 불빛에 몰려서 걸어갈 수가 없어요
- 하천 산책로에 너구리가 나타나서 강아지랑 싸웠어요
ko.ask
- 멧돼지를 마주치면 어떻게 해야 하나요? 신고는 어디에?
- 말벌집 제거는 119에 해야 하나요, 구청에 해야 하나요?
- 하천 생태 탐방 프로그램이 있나요?
- 비둘기 먹이 주는 거 과태료 있나요?
ko.idea
- 하천 생태 해설 표지판을 산책로에 설치해주세요
- 러브버그 같은 곤충은 친환경 포집기로 관리하면 좋겠어요
- 멧돼지 출몰 지역 산책로 입구에 경고 알림 장치를 달아주세요
- {park} 연못에 수질 정화 식물을 심으면 어떨까요
ko.good
- 하천 복원하고 나서 백로랑 오리를 매일 봐요. 너무 좋아요
- 말벌집 신고했더니 바로 제거해주셨어요
- 생태 탐방 프로그램에 아이들이랑 갔는데 너무 유익했어요
ko.view
- 도시 한가운데서 수달을 봤다는 얘기 들으니 신기하네요
- 러브버그는 해충이 아니라던데 그래도 너무 많으니 무섭긴 해요
- 비둘기 문제는 사람이 먹이 주는 게 제일 큰 원인 같아요
ko.tiny
- C: 멧돼지 출몰했어요 {dong}
- Q: 말벌집 어디에 신고해요?
- C: 하천 물고기 폐사
en.issue
- Wild boars came down from the hill behind {dong} and dug up our garden
- Dead fish floating all along the stream near {dong}
- Swarms of lovebugs all over our building, can't open the windows
en.ask
- What should I do if I see a wild boar?
- Who removes wasp nests, 119 or the district?
en.idea
- Eco info signs along the stream trail
- Eco-friendly traps for lovebug season
en.good
- Seeing herons in the restored stream every day is wonderful
- Wasp nest removed the same day, thank you
en.view
- Otters in the city center? amazing
- Pigeon problem is really a people-feeding-them problem
ko.hist
- 하천에 녹조가 심하게 꼈어요
- 까마귀가 쓰레기봉투를 다 찢어놔요

@park | environment | PRK-POL | 공원·놀이터·산책로 | parks, playgrounds and trails
kw=놀이터, 산책로, 한강공원, 둘레길, 물놀이장, 야영장, 캠핑, 텐트, 잔디밭, 운동기구, 음수대, 미끄럼틀, 그네, playground, trail, campsite, slide, swing, camping, barbecu, 단장, 그늘
ko.issue
- {park} 놀이터 미끄럼틀이 깨져서 날카로운 부분이 튀어나와 있어요
- {park} 산책로 조명이 절반은 꺼져 있어서 저녁에 너무 어두워요
- {park} 음수대가 고장 나서 물이 안 나와요
- 공원에서 밤늦게까지 텐트 치고 고기 구워 먹는 사람들이 있어요
- {park} 운동기구가 녹슬어서 손잡이가 빠졌어요
- 공원 잔디밭 출입금지를 {weeks} 해놓고 아무 공사도 안 해요
- 한강공원 배달존 오토바이가 산책로까지 들어와요
ko.ask
- {park} 야영장 예약은 어떻게 하나요?
- 공원에서 드론 날려도 되나요?
- {park} 물놀이장 언제 개장해요?
- 공원 잔디밭에서 텐트 쳐도 되는 시간이 정해져 있나요?
ko.idea
- {park}에 그늘막이랑 벤치를 더 설치해주세요
- 공원 놀이터에 무장애 놀이기구를 넣어주면 장애 아이들도 같이 놀 수 있을 것 같아요
- 한강공원에 조용히 쉬는 구역을 따로 정해주면 좋겠어요
- {dong} 자투리땅을 작은 쉼터 공원으로 만들면 어떨까요
ko.good
- {park} 새로 단장하고 나서 매일 산책해요. 너무 예뻐졌어요
- 놀이터 고장 신고했는데 금방 고쳐주셔서 애들이 다시 신나게 놀아요
- 공원에 무장애 놀이터 생긴 거 보고 감동받았어요
ko.view
- 주말에 {park} 가면 사람이 너무 많아서 쉬러 간 건지 모르겠어요
- 이 동네 살면서 제일 좋은 게 공원이 가깝다는 거예요
- 공원에서 캠핑하는 문화가 생긴 게 신기하네요
ko.tiny
- C: 놀이터 미끄럼틀 깨졌어요 {park}
- Q: 물놀이장 언제 열어요?
- C: 공원 운동기구 고장
en.issue
- The slide at the playground in {park} is cracked with sharp edges, kids could get hurt
- People barbecuing and camping in {park} till late at night
- Half the path lights in {park} are out, very dark after 7pm
en.ask
- Do I need to book to camp at {park}?
- When does the water play area open?
en.idea
- More shade and benches in {park}
- Inclusive playground equipment for disabled kids
en.good
- {park} looks amazing after the renovation
- The playground was fixed super fast after I reported it
en.view
- Parks here are packed on weekends
- Best thing about this neighborhood is the park
ko.hist
- 공원 주차장 요금이 너무 비싸요
- {park} 분수가 고장 나서 물이 고여 썩어요
"""

BANK_ROADS = """
@pavement | roads | TRN-RD | 도로 파손·포트홀·맨홀 | potholes, road surface and manholes
kw=포트홀, 움푹, 패여, 패인, 파여, 아스팔트, 도로 파손, 맨홀, 노면, 과속방지턱, 재포장, 울퉁불퉁, pothole, asphalt, manhole, road surface, speed bump
ko.issue
- {place} 도로에 포트홀이 크게 생겨서 차가 빠질 뻔했어요
- {road} 아스팔트가 움푹 패여서 비 오면 물웅덩이가 생기고 지나가는 차가 물을 다 튀겨요
- {place} 맨홀 뚜껑이 들떠서 차 지나갈 때마다 덜컹 소리가 나요
- {road} 노면이 울퉁불퉁해서 오토바이가 자꾸 미끄러져요
- 포트홀 때문에 타이어가 터졌어요. 수리비가 {money} 나왔어요
- {road} 과속방지턱 도색이 다 벗겨져서 밤엔 안 보여요
- 보수공사 한다고 임시로 메운 아스팔트가 또 패였어요
ko.ask
- 포트홀 때문에 차 수리했는데 배상 신청은 어떻게 하나요?
- 도로 파손 신고는 어디에 해야 빨리 고쳐지나요?
- {road} 재포장 공사 계획이 있나요?
- 맨홀 뚜껑 파손은 어디 담당인가요?
ko.idea
- 포트홀 신고 앱에 사진 올리면 위치가 자동으로 잡히게 해주세요
- 버스가 다니는 도로는 더 튼튼한 포장재로 바꿔주면 좋겠어요
- 도로 보수 후에 시민이 평가하는 제도가 있으면 좋겠어요
- 과속방지턱에 야광 도료를 칠해주세요
ko.good
- {place} 포트홀 신고했더니 다음 날 바로 메워주셨어요
- {road} 재포장하고 나서 승차감이 완전 달라졌어요
- 포트홀 배상 처리 담당자분이 친절하게 안내해주셨어요
ko.view
- 겨울 지나면 도로가 곰보가 되는 건 매년 똑같네요
- 도로 보수는 해도 해도 끝이 없는 일 같아요
- 요즘은 포트홀 신고하면 빨리 고쳐주는 편인 것 같아요
ko.tiny
- C: 포트홀 있어요 {place}
- Q: 포트홀 배상 어떻게해요?
- C: 맨홀 덜컹거림 {road}
en.issue
- Massive pothole at {place}, almost lost a wheel
- Road surface on {road} is so bumpy scooters keep skidding
- Manhole cover on {road} is loose and bangs every time a car passes
en.ask
- How do I claim compensation for pothole damage to my car?
- Is {road} scheduled for repaving?
en.idea
- Let people report potholes with a photo and auto GPS
- Glow paint on speed bumps please
en.good
- Pothole at {place} fixed the day after I reported it, wow
- The repaving on {road} is so smooth now
en.view
- Every spring the roads are full of potholes, same story
- Pothole repairs are faster than they used to be
ko.hist
- {road} 도로 가장자리가 깨져서 자전거 바퀴가 빠져요
- 포트홀 신고 접수 문자만 오고 처리 문자는 안 와요

@sidewalk | roads | TRN-PED | 보도·보도블록·점자블록·경사로 | sidewalks, paving, tactile paving, kerbs
kw=보도블록, 인도, 보도, 점자블록, 경사로, 연석, 턱, sidewalk, pavement, curb, tactile
ko.issue
- {place} 보도블록이 깨지고 들떠서 할머니가 걸려 넘어지셨어요
- {station} 앞 인도 턱이 너무 높아서 유모차랑 휠체어가 못 올라가요
- {road} 인도가 사람 한 명 겨우 지나갈 정도로 좁은데 그마저 입간판이 막아요
- 멀쩡한 보도블록을 또 갈아엎어요. {span} 전에 교체한 곳이에요
- 비 오면 {place} 인도에 물이 고여서 피해 갈 데가 없어요
- {exit} 쪽 점자블록이 중간에 끊겨 있어서 시각장애인이 길을 잃어요
- 인도 경사로가 너무 가팔라서 휠체어가 뒤로 밀려요
ko.ask
- 집 앞 보도블록 파손은 어디에 신고하나요?
- {road} 인도 확장 계획이 있나요?
- 보도블록 교체 공사는 왜 매년 하는 건가요?
- 인도에 경사로 설치 요청은 어떻게 하나요?
ko.idea
- 보도블록 대신 물 잘 빠지는 투수 포장으로 바꾸면 좋겠어요
- 인도 위 입간판은 정해진 구역에만 두게 해주세요
- 보도 턱을 낮추는 공사를 어르신들 많은 동네부터 해주세요
- 보도 공사 구간에는 임시 보행로를 꼭 만들어주세요
ko.good
- {place} 보도블록 새로 깔아주셔서 유모차 끌기 편해졌어요
- 인도 턱 낮춰주셔서 휠체어로 다니기 너무 편해요
- 깨진 보도블록 신고했는데 바로 교체해주셨어요
ko.view
- 연말마다 보도블록 공사하는 건 이제 연례행사 같아요 ㅋㅋ
- 인도 폭만 넓어도 동네가 훨씬 걷기 좋아질 텐데요
- 보도블록 디자인이 구마다 다 달라서 재밌어요
ko.tiny
- C: 보도블록 깨짐 {place}
- Q: 보도 파손 신고 어디?
- C: 인도 턱 너무 높아요
en.issue
- Broken, lifted sidewalk tiles at {place}, my mom tripped and hurt her knee
- Sidewalk on {road} is so narrow and shop signs block what's left
- The tactile paving just stops halfway near {exit}
en.ask
- Where do I report a broken sidewalk?
- Why do they replace sidewalk blocks every year?
en.idea
- Permeable paving so the sidewalks don't flood
- Lower curbs in areas with lots of elderly people
en.good
- New sidewalk at {place} makes pushing a stroller so easy
- Curb ramps make wheelchair life much better, thanks
en.view
- Sidewalk replacement every December is a local tradition lol
- Wider sidewalks would change everything
ko.hist
- 인도 위 배전함이 길을 다 막아요
- 보도블록 틈에 하이힐 굽이 껴요

@streetlight | roads | SAF-FAC | 가로등·보안등 | streetlights and security lights
kw=가로등, 보안등, 깜빡, 전등, 조명이, 불이 안, streetlight, street light, lamp post, lamp
ko.issue
- {place} 가로등이 {weeks} 꺼져 있어서 밤에 골목이 깜깜해요
- 보안등이 밤새 깜빡깜빡해서 창문으로 빛이 번쩍번쩍 들어와요
- {road} 가로등이 낮에도 켜져 있어요. 전기 낭비예요
- {park} 입구 가로등 기둥이 기울어져서 넘어질 것 같아요
- {dong} 언덕길 가로등이 줄줄이 나가 있어요. 멀쩡한 게 몇 개 없어요
- {school} 앞 가로등 전선이 밖으로 삐져나와 있어요. 감전될까 무서워요
- 보안등 고장 신고했는데 {span} 지나도 그대로예요
ko.ask
- 가로등 고장 신고는 어디로 해야 해요? 기둥에 번호가 있던데
- 집 앞 골목에 보안등 설치 신청할 수 있나요?
- 가로등 켜지는 시간이 정해져 있나요? 요즘 너무 늦게 켜져요
- 가로등 빛이 집으로 들어오는데 가림판 설치 요청이 되나요?
ko.idea
- 골목 보안등을 움직임 감지 LED로 바꾸면 전기도 아끼고 밝을 것 같아요
- 가로등에 관리번호랑 신고 QR을 붙여주세요
- 어두운 골목길에 태양광 보안등을 달아주면 좋겠어요
- 가로등에 비상벨을 같이 달면 어떨까요
ko.good
- {place} 가로등 고장 신고했는데 하루 만에 고쳐주셨어요. 감사합니다
- 골목에 보안등 새로 달아주셔서 밤길이 훨씬 밝아졌어요
- 가로등을 LED로 바꾸니까 길이 훨씬 환해졌네요
ko.view
- 가로등 하나 있고 없고가 밤길 느낌을 완전히 바꾸네요
- LED 가로등은 밝긴 한데 좀 차가운 느낌이에요
- 요즘 가로등 고장 나면 금방 고쳐주는 편이에요
ko.tiny
- C: 가로등 나갔어요 {place}
- Q: 가로등 신고 번호요?
- C: 보안등 깜빡거림 ㅡㅡ
en.issue
- Streetlight at {place} has been out {weeks}, the alley is pitch black
- Security light outside my window flickers all night like a disco
- Lamp post near the {park} entrance is leaning badly, looks like it'll fall
en.ask
- How do I report a broken streetlight? There's a number on the pole
- Can I request a security light for my alley?
en.idea
- Motion-sensor LED lights in alleys
- QR codes on lamp posts for reporting
en.good
- Streetlight at {place} fixed one day after reporting, thank you
- New alley lights make my walk home so much safer
en.view
- One working streetlight changes everything at night
- The new LED lights are bright but kind of cold
ko.hist
- 가로등 타이머가 고장 나서 새벽에 꺼져요
- 보안등 갓이 깨져서 빛이 위로 다 새요

@toilet | roads | URB-FAC | 공중화장실·벤치·음수대·공공시설물 | public toilets and street furniture
kw=화장실, 벤치, 음수대, 파고라, 쉼터 의자, 시설물, 기저귀 교환대, toilet, restroom, bathroom, bench, drinking fountain
ko.issue
- {park} 공중화장실 문이 잠겨 있어요. 아침 8시인데요
- {station} 근처 개방화장실은 휴지도 없고 변기가 {weeks} 막혀 있어요
- 공중화장실 비상벨이 작동을 안 해요. 여자화장실이요
- {place} 벤치가 부서져서 못이 튀어나와 있어요
- {park} 음수대에서 녹물이 나와요
- 공원 쉼터 파고라 지붕이 다 삭아서 비가 새요
- {place} 공중화장실 장애인 칸이 창고로 쓰이고 있어요
ko.ask
- {station} 근처에 24시간 공중화장실 있나요?
- 공공시설물 파손 신고는 어디로 하나요?
- 개방화장실 지정은 어떻게 신청하나요? 저희 가게도 하고 싶어서요
- 공중화장실 청소 주기가 어떻게 되나요?
ko.idea
- 공중화장실 위치를 지도 앱에 정확하게 표시해주세요
- 버스 정류장 옆에 작은 쉼터 의자를 더 놔주세요
- 공원 화장실에 기저귀 교환대를 꼭 설치해주세요
- 공중화장실 휴지가 없을 때 QR로 바로 알리게 해주세요
ko.good
- {park} 화장실 리모델링하고 호텔 화장실 같아졌어요 ㅎㅎ
- 부서진 벤치 신고했더니 새 걸로 바꿔주셨어요
- 화장실 비상벨 점검 잘 해주셔서 안심돼요
ko.view
- 공중화장실은 그 도시 수준을 보여준다는데 많이 좋아진 것 같아요
- 공원에 벤치가 많아야 어르신들이 나오시는 것 같아요
- 화장실 찾기가 외국보다 훨씬 쉬운 편이에요
ko.tiny
- C: 화장실 휴지 없어요 {park}
- Q: 근처 공중화장실 어디에요?
- C: 벤치 부서짐 {place}
en.issue
- Public toilet in {park} locked at 8am, no sign about opening hours
- Drinking fountain in {park} gives rusty water
- Bench at {place} is broken with nails sticking out
en.ask
- Is there a 24-hour public restroom near {station}?
- Who do I contact about a broken public bench?
en.idea
- Baby changing tables in every park restroom
- Accurate public toilet locations on map apps
en.good
- The renovated restroom in {park} is cleaner than my apartment lol
- Broken bench replaced quickly, thanks
en.view
- Public toilets here are honestly great compared to Europe
- More benches = more grandmas outside, love it
ko.hist
- 공중화장실 세면대 물이 안 나와요
- 공원 쉼터 의자에 누가 페인트를 쏟았어요

@street | roads | URB-MGT | 불법현수막·노점·입간판·적치물 | banners, street stalls, signboards, obstructions
kw=현수막, 노점, 입간판, 불법광고, 전단지, 적치물, 도로 점용, 방치, 스티커, banner, street vendor, vendor, flyer, signboard
ko.issue
- {place} 사거리에 불법 현수막이 {n}개나 걸려서 운전할 때 신호가 안 보여요
- {station} 출구 앞 노점이 인도를 다 차지해서 사람들이 차도로 걸어요
- 가게 입간판이랑 적치물 때문에 {road} 인도가 반쪽이 됐어요
- 전봇대마다 대출 전단지가 덕지덕지 붙어 있어요
- {dong} 골목에 고장 난 냉장고랑 가구를 {weeks} 방치해놨어요
- 선거 끝났는데 현수막을 {weeks} 안 떼요
- {place} 도로 한쪽에 공사 자재를 몇 달째 쌓아두고 있어요
ko.ask
- 불법 현수막 신고하면 언제 철거되나요?
- 노점 허가는 어디서 받나요?
- 가게 앞 입간판은 어디까지 세워도 되나요?
- 도로 점용 허가 기간을 어디서 확인하나요?
ko.idea
- 현수막 지정 게시대를 늘리고 나머지는 바로 철거해주세요
- 노점을 허가제로 바꿔서 일정 구역에 깔끔하게 모아주면 좋겠어요
- 불법 전단지 신고하면 포상하는 제도를 만들어주세요
- 정치 현수막도 게시 기간을 짧게 제한해주세요
ko.good
- {place} 불법 현수막 신고했더니 그날 다 떼주셨어요
- 노점 정비하고 나서 {station} 앞이 훨씬 걷기 편해졌어요
- 입간판 단속 덕분에 인도가 넓어졌어요
ko.view
- 현수막이 너무 많아서 도시 미관이 엉망인 것 같아요
- 노점도 생계라 단속만이 답은 아닌 것 같아요
- 정당 현수막은 왜 예외인지 잘 모르겠어요
ko.tiny
- C: 불법현수막 너무 많아요 {place}
- Q: 현수막 신고 어디로?
- C: 전단지 도배 ㅡㅡ
en.issue
- Street vendors at {exit} take up the whole sidewalk
- Someone dumped a fridge and furniture in the alley in {dong} weeks ago
- Illegal banners at {place} block the view of the traffic lights
en.ask
- How do I report illegal banners?
- How far out can a shop put its sign on the sidewalk?
en.idea
- Designated vendor zones instead of random stalls
- Shorter display periods for political banners
en.good
- Illegal banners removed the same day I reported, nice
- The sidewalk near {station} is so much better since the vendor cleanup
en.view
- So many banners, the city looks cluttered
- Street food stalls are part of the charm though
ko.hist
- 전봇대에 광고 스티커가 너무 많아요
- 주인 없는 자전거가 {weeks} 거치대를 차지하고 있어요
"""

BANK_ADMINISTRATION = """
@certificate | administration | ADM-CIV | 민원서류·증명서·여권 | certificates, civil documents, passports
kw=등본, 초본, 증명서, 민원서류, 무인발급기, 여권, 인감, 전입신고, 가족관계, 민원실, 번호표, certificate, passport, document kiosk, residence registration, civil service desk, 서류
ko.issue
- {center} 무인발급기가 {weeks} 고장이라 등본 한 통 떼러 구청까지 갔어요
- 여권 발급 신청하러 갔는데 대기가 {dur}이었어요
- 전입신고 했는데 {n}일이 지나도 등본에 반영이 안 돼요
- 인감증명서 떼러 갔더니 본인 확인 서류를 또 가져오래요. 미리 말 좀 해주지
- 점심시간에 민원 창구를 다 닫아서 직장인은 올 수가 없어요
- 온라인으로 가족관계증명서 발급하려는데 인증 오류만 계속 나요
- 번호표 뽑고 기다렸는데 마감이라고 돌려보냈어요
ko.ask
- 주민등록등본 온라인으로 무료 발급되나요?
- 여권 재발급 기간이 보통 며칠 걸려요?
- {center} 야간 민원실 운영하는 요일이 언제예요?
- 대리인이 인감증명서 뗄 때 필요한 서류가 뭔가요?
ko.idea
- 무인발급기를 {station} 같은 지하철역에도 설치해주세요
- 민원 창구 대기 인원을 앱으로 실시간 보여주면 좋겠어요
- 점심시간에 교대 근무로 민원 창구를 계속 열어주세요
- 여권을 택배로 받을 수 있게 해주면 어떨까요
ko.good
- {center} 직원분이 서류 하나하나 친절하게 알려주셔서 금방 끝났어요
- 야간 민원실 덕분에 퇴근하고 여권 찾았어요. 너무 편해요
- 무인발급기 고장 신고했더니 바로 고쳐놨더라고요
ko.view
- 요즘은 웬만한 서류는 다 온라인으로 되니 세상 좋아졌어요
- 주민센터 가면 어르신들이 키오스크 때문에 고생하시는 게 보여요
- 민원 서류 종류가 너무 많아서 뭘 떼야 하는지 헷갈려요
ko.tiny
- C: 무인발급기 고장 {center}
- Q: 등본 몇시까지 떼요?
- C: 민원실 대기 너무 길어요
en.issue
- The document kiosk at {center} has been broken {weeks}
- Online certificate issuance keeps failing at identity verification for foreigners
- Waited {dur} for a passport appointment, half the windows were closed
en.ask
- How do I get a certificate of residence as a foreigner? Immigration or the community center?
- Are there evening hours at the civil service desk?
en.idea
- Document kiosks in subway stations please
- Show real-time waiting numbers in an app
en.good
- Staff at {center} walked me through every form in English, so kind
- The night civil service desk is a lifesaver
en.view
- Nice that most documents are online now
- The number of certificate types is confusing
ko.hist
- 등본 발급 수수료를 현금으로만 받아요
- 무인발급기 화면이 터치가 잘 안 돼요

@tax | administration | ADM-GEN | 지방세·세금·과태료 납부 | local taxes and payment of fines
kw=재산세, 자동차세, 지방세, 세금, 고지서, 체납, 가산세, 환급, 납부, tax, property tax, car tax, refund, late fee
ko.issue
- 재산세 고지서가 이사 전 주소로 가서 가산세까지 붙었어요
- 자동차세 연납했는데 또 고지서가 날아왔어요
- 지방세 납부 사이트가 마감일마다 먹통이에요
- 세금 체납 안내 문자가 엉뚱한 사람 이름으로 왔어요. 개인정보 관리를 이렇게 하나요
- 환급금 있다고 해서 신청했는데 {weeks} 안 들어와요
- 폐차한 차에 자동차세가 계속 나와요
- 전자고지 신청했는데 종이 고지서도 계속 와요
ko.ask
- 재산세 카드 납부하면 수수료 있나요?
- 자동차세 연납 할인 신청 기간이 언제예요?
- 지방세 납부 기한이 지나면 가산세가 얼마나 붙나요?
- 세금 분할 납부 신청이 가능한가요?
ko.idea
- 세금 고지서를 카톡 알림으로 받을 수 있게 해주세요
- 세금이 어디에 쓰였는지 동네별로 알기 쉽게 보여주면 좋겠어요
- 지방세 납부 마감 전날 알림을 보내주면 좋겠어요
- 외국인용 세금 안내서를 영어로도 만들어주세요
ko.good
- 세무과 주무관님이 가산세 문제를 꼼꼼하게 봐주셔서 해결됐어요
- 지방세 환급 신청이 앱으로 금방 되네요. 편해요
- 세금 분할 납부 상담 친절하게 해주셔서 감사해요
ko.view
- 세금은 꼬박꼬박 내는데 돌아오는 게 잘 안 보여요
- 재산세 나올 때마다 집이 있어도 부자가 아니라는 걸 느껴요
- 세금 고지서 디자인이 많이 보기 쉬워졌네요
ko.tiny
- C: 재산세 고지서 잘못옴
- Q: 자동차세 연납 언제?
- C: 폐차했는데 세금 또 나옴
en.issue
- Property tax bill went to my old address and now I have a late fee
- Local tax payment site crashes every deadline day
- Got a car tax bill for a car I scrapped months ago
en.ask
- Do foreign residents pay the resident tax? How?
- Can I pay local taxes with a foreign credit card?
en.idea
- Tax bills through a messenger app
- Tax guides in English
en.good
- The tax officer sorted out my late fee mess, really helpful
- Tax refund through the app took 5 minutes
en.view
- I pay taxes but it's hard to see where they go
- The new tax bill layout is much clearer
ko.hist
- 과태료를 냈는데 미납이라고 또 독촉장이 왔어요
- 세금 납부 확인서 발급이 안 돼요

@staff | administration | ADM-HR | 공무원 응대·직원 태도 | staff conduct and attitude
kw=불친절, 공무원, 직원, 응대, 주무관, 반말, 상담원, 떠넘, 한숨, 무시, rude, staff, officer, civil servant, clerk, attitude
ko.issue
- 주민센터 직원이 서류 물어보니까 한숨 쉬면서 반말로 대답했어요
- 담당자한테 전화했더니 자기 업무 아니라고 {n}번을 돌렸어요
- 민원 창구 직원이 휴대폰만 보면서 사람을 {dur} 세워뒀어요
- 청각장애가 있어서 천천히 말해달라고 했더니 짜증을 내셨어요
- 공무원이 민원인 개인정보를 다른 사람들 앞에서 큰 소리로 읽었어요
- 콜센터 상담원이 말을 끊고 그냥 전화를 끊었어요
- 외국인이라고 영어로 물어봤더니 대놓고 무시했어요
ko.ask
- 공무원 불친절 신고는 어디로 하나요?
- {center} 담당 주무관 이름이랑 연락처를 알 수 있나요?
- 민원 처리 담당자가 바뀌면 안내를 받을 수 있나요?
- 공무원 채용 시험 일정은 어디서 확인하나요?
ko.idea
- 민원 응대 후에 바로 만족도 평가를 남길 수 있게 해주세요
- 민원 전화 돌리기를 없애고 첫 담당자가 끝까지 책임지게 해주세요
- 공무원 친절 교육에 시민도 참여하게 하면 좋겠어요
- 외국어 응대 가능한 직원을 창구에 표시해주세요
ko.good
- {center} 김 주무관님 정말 친절하세요. 꼭 칭찬해주세요
- 민원 때문에 짜증 내던 저한테도 끝까지 웃으면서 설명해주셨어요. 죄송하고 감사해요
- 담당자분이 퇴근 시간 넘어서까지 제 일 처리해주셨어요
ko.view
- 요즘 공무원들 예전보다 훨씬 친절해진 것 같아요
- 악성 민원 때문에 공무원들도 힘들겠다 싶어요
- 공무원 인기가 예전 같지 않다는 뉴스 보니까 세상 변했네요
ko.tiny
- C: 주민센터 직원 너무 불친절해요
- Q: 불친절 신고 어디에?
- C: 전화 돌리기 그만 좀
en.issue
- The clerk at {center} sighed and rolled her eyes when I asked a simple question in slow Korean
- Officer read my personal details out loud in front of everyone
- Got transferred five times on the phone, nobody was responsible
en.ask
- How do I file a complaint about a rude civil servant?
- When is the civil service exam schedule announced?
en.idea
- A quick satisfaction rating right after each service
- Badges showing which staff speak English
en.good
- Officer Kim at {center} was incredibly patient with me, please thank her
- Staff stayed late to finish my paperwork, thank you
en.view
- Civil servants here are way friendlier than I expected
- Must be a tough job dealing with angry people all day
ko.hist
- 구청 당직실 전화를 아무도 안 받아요
- 직원이 민원 접수를 거부했어요

@sns | administration | COMM-SMC | 시 SNS·홈페이지·앱·문자 서비스 | the city's social media, website, app and SMS line
kw=홈페이지, 누리집, 인스타, 페이스북, 트위터, 유튜브, 카톡 채널, 카카오톡 채널, 앱, 게시판, 댓글, 라이브, 문자 소식, 문자민원, 접수 확인 문자, website, city app, the app, instagram, facebook, youtube, kakaotalk, comment, live stream
ko.issue
- 시 홈페이지 민원 게시판에 글 쓰려고 하면 본인인증에서 계속 튕겨요
- 소통시 앱 업데이트 후로 로그인이 안 돼요
- 인스타에 민원 댓글 달았는데 {weeks} 답이 없어요
- #0120 문자 보냈는데 접수 확인 문자도 안 와요
- 유튜브 라이브 방송에 악성 댓글이 도배되는데 관리를 안 해요
- 카톡 채널로 문의하면 자동응답만 나오고 사람 연결이 안 돼요
- 홈페이지 공지사항 링크가 다 깨져 있어요
ko.ask
- 시장님 라이브 방송 다시보기는 어디서 볼 수 있나요?
- 문자 소식 받기 신청은 어떻게 하나요? 관심 분야 선택할 수 있나요?
- 시 카톡 채널에서 민원 접수도 되나요?
- 홈페이지 민원 처리 결과는 어디서 확인해요?
ko.idea
- 시 공식 SNS 답변을 민원 처리 결과랑 연동해서 보여주면 좋겠어요
- 라이브 방송에 수어 통역 화면을 넣어주세요
- 시 앱에 민원 진행 상황 알림 기능을 넣어주세요
- 문자 소식 서비스를 동네 단위로 세분화해주면 좋겠어요
ko.good
- 인스타에 남긴 민원에 담당 부서가 직접 답글 달아줘서 놀랐어요 👍
- 시 유튜브 콘텐츠가 요즘 진짜 재밌어요 ㅋㅋ 편집자 누구예요
- 카톡 채널 상담원분이 밤늦게까지 친절하게 답해주셨어요
ko.view
- 시청 SNS가 예전보다 훨씬 젊어진 느낌이에요
- 홈페이지보다 인스타로 소식 보는 게 더 편하네요
- 공공기관 SNS가 밈 따라 하는 건 좀 오글거리긴 해요 ㅋㅋ
ko.tiny
- C: 앱 로그인 안돼요
- Q: 라이브 다시보기 어디?
- C: 카톡채널 자동응답만 나옴
en.issue
- The city website's complaint form fails at identity verification for foreigners every time
- The city app keeps logging me out after the update
- Commented on the city's Instagram post about my issue {weeks} ago, no reply
en.ask
- Is there an English version of the city's KakaoTalk channel?
- Where can I watch the replay of the mayor's live stream?
en.idea
- English subtitles on the city's YouTube videos
- Notifications in the app when my complaint status changes
en.good
- Love the city's Instagram, actually useful info and funny
- Got a reply from the actual department on Facebook, impressed
en.view
- The city's social media got way cooler lately
- Government accounts doing memes is a bit cringe lol
ko.hist
- 홈페이지 검색 기능이 안 돼요
- 시 SNS 게시물에 잘못된 전화번호가 적혀 있어요

@disclosure | administration | ADM-INF | 정보공개청구·행정 투명성 | information disclosure and transparency
kw=정보공개, 공개청구, 회의록, 비공개, 열람, 사전공개, 원본 데이터, information disclosure, disclosure request, disclosed, public records, meeting minutes, committee minutes
ko.issue
- 정보공개청구 했는데 기한이 지나도 아무 통보가 없어요
- 공사 계약 내역을 청구했는데 비공개 결정만 왔어요. 이유도 제대로 안 써 있어요
- 위원회 회의록이 홈페이지에 {n}년째 안 올라와요
- 정보공개 결과를 종이로만 보내준대요. 파일로 주면 되는데요
- 열람 신청하러 갔는데 담당자가 없다고 {n}번을 헛걸음했어요
- 예산 집행 내역 공개 자료가 스캔 이미지라 검색이 안 돼요
- 청구한 자료 절반이 까맣게 가려져서 왔어요
ko.ask
- 정보공개청구는 어디서 하나요? 수수료가 있나요?
- {gu} 도로 공사 계약서도 정보공개청구 대상인가요?
- 비공개 결정에 이의신청은 어떻게 하나요?
- 정보공개 결과 통지 기한이 며칠인가요?
ko.idea
- 회의록을 회의 끝나고 일주일 안에 자동 공개하게 해주세요
- 예산 집행 내역을 엑셀 같은 원본 데이터로 공개해주세요
- 자주 청구되는 정보는 사전공개 목록으로 올려두면 좋겠어요
- 정보공개청구 진행 상황을 단계별로 알려주세요
ko.good
- 정보공개청구 담당자분이 자료 찾는 방법까지 친절하게 알려주셨어요
- 요즘 시 회의록이 바로바로 올라와서 좋아요
- 예산 데이터를 원본 파일로 받아서 분석하기 편했어요
ko.view
- 정보공개가 예전보다 확실히 빨라진 것 같아요
- 공개할 건 공개하되 개인정보는 지켜야 하니 어려운 일 같아요
- 투명한 행정이라는 말이 아직은 좀 멀게 느껴져요
ko.tiny
- C: 정보공개 기한 넘었어요
- Q: 정보공개청구 어디서?
- C: 회의록 왜 안올려요
en.issue
- Filed an information disclosure request and the deadline passed with no answer
- Committee minutes haven't been published online for two years
- Half of the disclosed documents came back blacked out
en.ask
- Can foreigners file information disclosure requests?
- How do I appeal a non-disclosure decision?
en.idea
- Publish budget data as raw spreadsheets
- Automatic publication of meeting minutes within a week
en.good
- The records officer helped me find exactly what I needed, thanks
- Minutes are online so fast now, great
en.view
- Disclosure is faster than it used to be
- Transparency still feels far away
ko.hist
- 정보공개 수수료 계좌 안내가 잘못돼 있어요
- 열람실 복사기가 고장 났어요

@general | administration | COMM-CIT | 시정 일반·시장님·소통시 행정 | city affairs in general, the mayor and the city administration
kw=
ko.issue
- 시장님 공약이었던 {dong} 주민 공간은 언제 되는 거예요? 벌써 {n}년째예요
- 시청 앞 광장 행사 때문에 {weeks} 시끄럽고 길도 막혀요
- 멀쩡한 시설 자꾸 뜯어고치는 거 보면 세금이 남아도나 봐요
- 민원 넣으면 구청은 시청, 시청은 구청으로 떠넘겨요. 어디에 말해야 하나요 진짜
- 시정 홍보물만 잔뜩 붙이고 정작 필요한 안내는 없어요
- 시민 의견 들었다면서 결과는 처음 계획 그대로예요
- 동네 주민 설명회를 한 번도 안 하고 사업을 밀어붙여요
ko.ask
- 시장님 면담 신청은 어떻게 하나요?
- 시민청 대관은 어디서 신청해요?
- 시정 소식 문자는 어떻게 받을 수 있나요?
- 시민 제안 제도에 제안하면 어떻게 검토되나요?
ko.idea
- 시민 제안이 채택되면 진행 과정을 공개해주세요
- 주민이 예산 일부를 직접 정하는 주민참여예산을 늘려주세요
- 시장님이 한 달에 한 번 동네를 돌면서 주민들이랑 대화하는 자리를 만들어주세요
- 시정 만족도 조사를 온라인으로 수시로 받아주세요
ko.good
- 시장님 항상 응원합니다! 더운데 건강 챙기세요
- 소통시 공무원분들 늘 고생 많으십니다. 덕분에 살기 좋은 도시예요
- 새해 복 많이 받으세요 시장님 그리고 직원분들 모두요 ^^
ko.view
- 시장이 바뀌어도 동네는 크게 달라지는 게 없네요
- 요즘 시정 방향이 예전보다 시민 얘기를 좀 더 듣는 것 같아요
- 정책이 너무 많아서 뭐가 뭔지 잘 모르겠어요 ㅋㅋ
ko.tiny
- C: 민원 떠넘기기 그만하세요
- Q: 시민청 대관 어디서?
- P: 시장님 화이팅!!
- P: 항상 감사합니다
- O: 잘 보고 있어요
- P: 응원합니다 소통시
- O: 그렇군요 ㅎㅎ
en.issue
- Complaints get bounced between the district office and city hall forever, who is actually responsible?
- Tearing up perfectly good facilities every year, what a waste of taxes
- They held the 'citizen consultation' and then did exactly the original plan
en.ask
- How can I request a meeting with the mayor?
- How do I book a room at the Citizens Hall?
en.idea
- Show the progress of adopted citizen proposals
- Monthly neighborhood town halls with the mayor
en.good
- Keep up the good work, mayor! From a happy foreign resident
- Thank you to all the city staff, this is a great place to live
en.view
- Mayors change but the neighborhood stays the same
- So many policies, hard to keep track lol
ko.hist
- 시정 소식지가 너무 자주 와서 종이 낭비예요
- 시청 민원실 주차가 너무 불편해요
"""

BANK = (BANK_TRANSPORT + BANK_SAFETY + BANK_HOUSING + BANK_CULTURE + BANK_WELFARE + BANK_HEALTH + BANK_EDUCATION
        + BANK_ECONOMY + BANK_ENVIRONMENT + BANK_ROADS + BANK_ADMINISTRATION)

# ---------------------------------------------------------------------------------------------------------------
# Shared frames. Sections named in SPLIT_FRAMES carry the intent phrasing and are split train/test like the
# sub-topic banks; the others (greetings, introductions, places, details, emoticons) are shared by every kind and
# both splits on purpose: a citizen says "안녕하세요" and gives an address whatever they want.
# ---------------------------------------------------------------------------------------------------------------
FRAMES = """
ko.greet
- 안녕하세요
- 안녕하세요~
- 안녕하십니까
- 수고 많으십니다
- 수고하십니다
- 시장님 안녕하세요
- 담당자님께
- 저기요
- 안녕하세요 소통시 관계자분들
- ㅎㅇ
- 좋은 아침입니다
- 늦은 시간에 죄송합니다
- 바쁘신데 죄송해요
- 시장님께
- 안녕하세요 주민입니다
- 안녕하세요!! 급해서 글 남겨요
ko.intro
- {dong} 사는 주민입니다
- 저는 {dong}에 {n}년째 살고 있는 주민인데요
- {station} 근처에서 작은 가게 하는 사람입니다
- 매일 {station}으로 출퇴근하는 직장인이에요
- {kid} 키우는 엄마예요
- {age}세 어머니 모시고 사는 사람인데요
- {gu} 사는 대학생이에요
- 휠체어 타고 다니는 사람입니다
- {dong}에서 택시 운전하는 사람입니다
- 퇴근하고 {park} 산책하는 게 낙인 사람인데요
- {apt} 주민들 대신해서 글 남겨요
- 다문화가정 엄마예요. 한국어 서툴러도 이해해주세요
- 지난달에 {gu}로 이사 온 신혼부부예요
- 은퇴하고 {dong}에서 지내는 노인입니다
- {dong} 통장입니다
- 두 아이 아빠입니다
- 자취하는 20대예요
- 그냥 지나가던 시민인데요
ko.story
- 어제 퇴근하고 오는 길에 봤는데
- {date} 아침에 애 등원시키다가 본 건데요
- 지난 주말에 부모님 모시고 {park} 갔다가 느낀 건데
- 오늘 {exit}에서 친구 기다리다가 생각난 건데
- {date}에 장 보러 {market} 갔다 오는 길이었는데요
- 아침 운동하다가 든 생각인데
- 매일 지나다니는 길이라 하는 말인데
- 며칠 전부터 계속 신경 쓰였던 건데요
- 오늘 점심 먹고 산책하다가
- 방금 전에 있었던 일인데요
ko.subject
- {subj} 관련해서 글 남깁니다
- {subj} 문제로 연락드려요
- {subj} 관련해서요
- [{subj}]
- {subj} 건입니다
- {subj} 얘기인데요
- {subj} 때문에요
ko.placelead
- 위치는 {place}입니다
- {place} 말인데요
- {gu} {dong} 쪽이에요
- 장소: {place}
- {place}요
- {place} 관련해서요
- {gu} {place}
ko.c_detail
- 벌써 {n}번째 신고하는 거예요
- {date}에도 {agency}에 얘기했는데 아직 그대로네요
- 사진 찍어둔 거 있는데 여기 첨부가 안 되네요
- 저만 그런 게 아니라 동네 사람들 다 똑같이 얘기해요
- {agency}에 전화했더니 시청 소관이라고 해서 여기 남깁니다
- 이게 하루 이틀 일이 아니에요
- 어디서 관리하는 건지도 모르겠고요
- 지난번에 민원 넣었을 때는 처리 완료라고 문자만 오고 바뀐 게 없었어요
- 세금 내는 입장에서 이건 아니라고 봐요
- 저번 주에 동네 단톡방에서도 난리가 났었어요
- 동네 커뮤니티에도 이 얘기 계속 올라와요
- 다른 동네는 금방 해주던데 왜 여기만 이런지 모르겠어요
- 민원 넣으면 매번 검토하겠다는 답만 와요
- 이사 온 지 얼마 안 됐는데 벌써 후회돼요
- 구청이랑 시청이 서로 떠넘기는 것 같아요
- 저희 어머니가 {age}세신데 이런 일 때문에 너무 힘들어하세요
- 바쁜 건 알지만 이건 너무하신 것 같아요
ko.c_detail_place
- 특히 {time}에 제일 심해요
- 애들이 매일 지나다니는 길이라 더 걱정이에요
- 어르신들도 많이 다니시는 곳이에요
- 비 오는 날은 더 심해요
- 주변 상인분들도 불편하다고 하세요
- 저희 어머니가 {age}세신데 혼자 다니시기 너무 위험해요
- {kid}하고 같이 다니는데 볼 때마다 가슴이 철렁해요
- 외국인 관광객들도 많이 다니는 곳인데 창피해요
- 주말에는 더 심하고요
- 출근할 때마다 보는데 볼 때마다 화가 나요
- {school} 바로 옆이라 더 걱정이에요
- {weeks} 이 상태예요
ko.ramble
- 솔직히 이런 글 쓰는 것도 이제 지쳐요. 처음 말씀드린 게 작년 여름인데 그때는 금방 해준다고 하더니 담당자가 바뀌었다고 처음부터 다시 설명하라고 하더라고요
- 제가 예민한 건가 싶어서 동네 분들한테 물어봤는데 다들 똑같이 불편하다고 하세요. 그런데 어디에 말해야 할지 몰라서 그냥 참고 계신 거더라고요
- {agency}에 전화했더니 담당이 아니라고 다른 번호를 알려주고, 그 번호로 걸었더니 또 다른 데로 돌리고, 결국 한 시간 넘게 통화만 하다 끝났어요
- 몇 년째 이 동네 살면서 웬만한 건 그냥 넘어갔는데 이번 건은 정말 그냥 넘어갈 수가 없어서 글 남깁니다
- 바쁘신 거 알고 다른 민원도 많으실 거라는 것도 알아요. 그래도 주민 입장에서는 이게 매일매일 겪는 일이라서요
- 동네 단톡방에서도 몇 번이나 얘기가 나왔고 누가 신고했다길래 기다렸는데 {span} 지나도록 아무 변화가 없어요
- 이사 올 때만 해도 조용하고 살기 좋은 동네라고 해서 왔는데 요즘은 이런 일 때문에 이사를 다시 가야 하나 고민돼요
ko.ramble_place
- 어제도 {time}에 그 앞을 지나가는데 또 그대로여서 사진까지 찍어놨어요. 매번 이렇게 글 쓰는 것도 일이에요
- 저희 집이 바로 근처라 하루에도 몇 번씩 보게 되는데 볼 때마다 스트레스예요. 아이도 자꾸 왜 안 고쳐주냐고 물어봐요
- 지난번 민원 답변에는 조치하겠다고 쓰여 있었는데 실제로 나와서 보신 건지 의문이에요. 현장은 그때랑 똑같거든요
ko.c_emotion
- 진짜 짜증나요
- 너무 불편해요
- 화가 나네요
- 어이가 없네요
- 답답해 죽겠어요
- 이게 말이 되나요
- 너무 속상해요
- 진심 스트레스받아요
- 황당합니다
- 무서워요
- 참다 참다 글 남겨요
- 이러려고 세금 내는 게 아닌데요
- 아 진짜 ㅅㅂ
- 개빡치네요 진짜
ko.c_request
- 빨리 좀 조치해주세요
- 확인 부탁드립니다
- 빠른 처리 부탁드립니다
- 제발 좀 고쳐주세요
- 현장 한번 나와서 보세요
- 언제까지 해결되는지 답변 주세요
- 담당 부서에 꼭 전달 부탁드려요
- 단속 좀 해주세요
- 조치 결과 문자로 알려주세요
- 이번엔 제대로 처리해주세요
- 사고 나기 전에 해결해주세요
- 시정 요청합니다
- 책임지고 해결해 주십시오
- 좀 어떻게 해주세요 진짜
- 이거 누구한테 말해야 돼요? 해결 좀 해주세요
- 빨리 해주세요
- 더 늦기 전에 조치 바랍니다
- 한 번만 와서 보시면 아실 거예요. 부탁드려요
- 처리될 때까지 계속 민원 넣을 겁니다
- 오늘 안에 연락 주세요
ko.c_sarcasm
- {core} ㅋㅋㅋ 역시 소통시 클라스 👍
- {core}. 세금 참 잘 쓰시네요^^
- 칭찬합니다~ {core} 이렇게 한결같기도 어렵죠 ㅋㅋ
- 와 일 진짜 잘하신다 ㅎㅎ {core}
- {core}. 이게 선진 도시죠 ㅋㅋㅋ 감동입니다
- 감사합니다 덕분에 매일 극기훈련해요^^ {core}
- 소통시 최고~ {core} 이것도 다 계획이 있으신 거죠? ㅋㅋ
- 훌륭합니다 정말. {core} 박수 쳐드릴게요 👏
ko.c_close
- 수고하세요
- 감사합니다
- 부탁드려요
- 수고 많으세요
- 기다리겠습니다
- 답변 기다릴게요
- 꼭 좀 부탁드립니다
ko.q_lead
- 궁금한 게 있어서요
- 하나만 여쭤볼게요
- 질문 있습니다
- 문의드려요
- 혹시 아시는 분 계실까 해서요
- 죄송한데 좀 여쭤볼게요
- 다름이 아니라
- 검색해도 안 나와서 여기 물어봐요
- 아니 근데
- 급하게 여쭤봅니다
- 인터넷에 정보가 다 달라서 확인차 문의합니다
- 두 가지만 물어볼게요
ko.q_annoyed
- 공지도 없고 어디에도 안 나와 있어서 답답해서 물어봅니다
- 전화하면 계속 통화중이라 여기 남겨요 ㅡㅡ
- 구청에 물어보면 시청에 물어보라 하고 시청은 구청에 물어보래요
- 홈페이지 봐도 도통 모르겠어서요. 좀 알기 쉽게 써주시지
- 주민센터에 세 번 물어봤는데 세 번 다 다르게 말해요
ko.q_vent
- 몇 번을 물어봐도 제대로 된 답이 없어요
- 이런 건 좀 미리 공지해주셨으면 좋겠어요
- 안내문은 맨날 어려운 말만 써 있어요
- 기다리다 지쳐서 여기 씁니다
- 매번 이런 식이니까 시민들이 답답한 거예요
ko.q_detail
- 홈페이지 찾아봤는데 안 나와 있어서요
- {date}까지라고 들었는데 맞는지 모르겠어요
- 주변에서 하는 말이 다 달라서요
- 어머니 대신 여쭤보는 거예요
- 다음 주에 시간이 돼서 가보려고요
- 외국인 친구가 물어봐서 대신 문의해요
- 작년엔 됐다고 하던데 올해는 어떤지 궁금해요
- 이번 주 안에 알아야 해서요
- 여기저기 전화했는데 다들 담당이 아니라고 해서요
- 작년에 신청하려다가 기간을 놓쳐서 이번엔 미리 알아보려고요
- 부모님이 인터넷을 잘 못하셔서 대신 물어봐요
- 블로그마다 말이 달라서 공식 답변을 듣고 싶어요
ko.q_close
- 답변 부탁드려요
- 알려주시면 감사하겠습니다
- 아시는 분?
- 빨리 답 좀 주세요
- 문자로 답 주세요 {phone}
- 어디에 물어봐야 하는지라도 알려주세요
- 답변 기다리겠습니다
- 감사합니다
- 확인 후 연락 부탁드려요
- 간단하게라도 답 주시면 감사해요
ko.s_lead
- 제안 하나 드려요
- 건의드립니다
- 이런 건 어떨까 해서요
- 평소에 생각하던 건데요
- 아이디어가 있어서요
- 다른 도시에 가보니까 좋아 보여서요
- 주민으로서 바라는 점이 있어요
- 그냥 생각나서 적어봐요
- 오래 고민하다 올려봅니다
- 작은 바람이 있다면
ko.s_bridge
- 그래서 말인데요
- 그래서 드리는 말씀인데
- 불만만 말하긴 그렇고
- 그래서 생각해봤는데요
- 차라리
ko.s_justify
- 그러면 훨씬 편해질 거예요
- 다른 구에서는 이미 하고 있더라구요
- 예산도 많이 안 들 것 같아요
- 애들한테도 좋고 어르신들한테도 좋을 거예요
- 외국 도시들은 다 이렇게 하더라고요
- 주변 사람들한테 물어보니 다들 찬성하던데요
- 민원도 확 줄 것 같아요
- 시범적으로 한 동네만이라도 해보면 좋겠어요
- 저 말고도 원하는 사람이 많을 거예요
- 처음엔 어색해도 금방 자리 잡을 거라고 생각해요
- 작은 변화지만 체감은 클 거예요
- 필요하면 주민 서명도 받아볼 수 있어요
- 제가 살던 다른 도시에서는 이걸로 민원이 확 줄었어요
ko.s_close
- 검토 부탁드립니다
- 한번 고려해주세요
- 예산 문제도 있겠지만 꼭 검토해 주셨으면 해요
- 주민 의견 수렴도 해보시면 좋겠습니다
- 빨리 도입해주세요
- 긍정적으로 생각해주세요
- 좋은 정책 기대할게요
- 제 의견이 조금이라도 반영되면 좋겠어요
- 실현되면 정말 좋겠네요
ko.p_lead
- 칭찬하고 싶어서 글 남겨요
- 감사 인사 드리려고요
- 그냥 고마워서요
- 좋은 일은 알려야 할 것 같아서
- 요즘 민원 글만 올라오는 것 같아서 칭찬 하나 남깁니다
- 매번 불평만 하다가 처음으로 좋은 얘기 쓰네요
- 꼭 전하고 싶은 말이 있어서요
- 기분 좋은 소식이라 공유해요
ko.p_past
- 사실 {date}에 민원 넣었던 사람인데요
- 솔직히 처음엔 화가 나서 욕도 했었는데
- 몇 번이나 신고해도 안 돼서 포기했었는데
- 작년에 여기다 불만 글 올렸던 사람이에요
ko.p_detail
- 덕분에 {dong} 주민들 다 좋아해요
- 담당하신 분 성함을 몰라서 여기 남겨요
- 처리 과정도 문자로 다 알려주셔서 좋았어요
- 이런 게 진짜 행정이죠
- 아이도 너무 좋아해요
- 어머니도 고맙다고 꼭 전해달라세요
- 생각보다 훨씬 빨라서 놀랐어요
- 처음엔 기대 안 했는데 정말 감동받았어요
- 주변에도 자랑하고 다녔어요 ㅎㅎ
- 이런 일은 칭찬받아야 다른 분들도 힘이 나실 것 같아서요
- 앞으로도 이렇게만 해주시면 좋겠어요
- 이 동네 산 지 {n}년 만에 처음으로 시에서 일 잘한다고 느꼈어요
ko.p_close
- 정말 감사합니다
- 담당 공무원분께 꼭 전해주세요
- 수고 많으셨어요!
- 앞으로도 잘 부탁드려요
- 이런 건 칭찬받아야죠 👍
- 덕분에 살 맛 납니다 ㅎㅎ
- 감사해요 복 받으실 거예요
- 진심으로 감사드립니다
- 고생하셨습니다 최고예요
ko.p_cheer
- 시장님 화이팅!
- 늘 응원합니다
- 더운데 건강 챙기세요
- 추운데 고생 많으세요
- 소통시 최고
- 힘내세요!!
ko.o_lead
- 그냥 하는 얘긴데
- 개인적인 생각인데
- 뉴스 보고 한마디 하자면
- 요즘 느끼는 건데
- 올라온 글 보니까 생각나서
- 솔직히 말하면
- 지나가다 든 생각
- 별건 아니고
- 가만 보면
ko.o_detail
- 예전엔 안 그랬던 것 같은데
- 주변 사람들이랑 얘기해보면 다 비슷하게 느끼더라고요
- 뭐가 맞는지는 저도 잘 모르겠어요
- 장단점이 다 있는 것 같아요
- 이 동네 산 지 {n}년째인데 많이 변했어요
- 다른 분들 생각도 궁금하네요
- 그렇다고 딱히 방법이 있는 것도 아니고요
- 예전에 살던 동네랑 비교하면 나은 편이긴 해요
- 누구 탓을 하자는 건 아니고요
- 다들 바쁘게 사니까 그런가 싶기도 하고요
- 친구들이랑 얘기하다가 나온 얘기예요
ko.o_close
- 뭐 그렇다고요
- 그냥 그렇다구요 ㅎㅎ
- 다들 비슷하게 느끼지 않나요
- 좀 아쉽긴 하네요
- 세상 많이 변했네요
- 그렇더라구요
- 그냥 적어봤어요
- 각자 생각이 다르겠죠
ko.contact
- 연락처 {phone}
- 회신은 {phone}으로 주세요
- {name} {phone}
- 답장은 이 번호로 주세요
- 문자 주세요 {phone}
- {name} 드림
ko.title
- 제목: {label}
- {gu} {label}
- {label} 관련
- 안녕하세요
- 제목 없음
ko.title.Complaint
- [민원] {label}
- 긴급!!
- 제발 읽어주세요
- {label} 불편 신고
ko.title.Question
- 문의
- [민원] {label} 문의
- 질문 있습니다
ko.title.Suggestion
- 건의사항
- 제안합니다
- {label} 건의
ko.title.Praise
- 칭찬합니다
- 감사 인사
ko.tail
- ㅠㅠ
- ㅜㅜ
- ㅡㅡ
- ;;
- ㅋㅋㅋ
- ㅎㅎ
- ^^
- ^^;
- ~
- !!
- ...
- 😡
- 🙏
- 👍
- 😭
- 🥲
- 💕
- ㅠ
- !!!
- 😅
ko.sec.transport
- 말 나온 김에 버스 배차도 좀 늘려주세요
- 그리고 거기 불법주차도 너무 심해요
- 지하철역 엘리베이터도 고장이던데 같이 좀 봐주세요
ko.sec.safety
- 밤에는 골목이 어두워서 무섭기도 해요
- 근처에 CCTV도 하나 없고요
- 비 오면 거기 물도 잘 안 빠져요
ko.sec.housing
- 옆 재개발 공사장 먼지도 장난 아니고요
- 가뜩이나 윗집 층간소음 때문에 예민한데 더 그래요
- 옆 건물 공사 소음도 심해요
ko.sec.culture
- 주말엔 축제 한다고 사람도 엄청 몰려요
- 관광객들도 많이 오는 곳이에요
- 근처 체육센터 수영장도 물이 탁하던데 그것도 봐주세요
ko.sec.welfare
- 어르신들 많이 사시는 동네예요
- 근처 경로당 어르신들도 다 불편해하세요
- 휠체어 타신 분들도 자주 지나가세요
ko.sec.health
- 거기 지나갈 때마다 담배 연기도 심해요
- 근처에 밤에 문 여는 소아과도 없고요
- 여름엔 모기도 엄청 많아요
ko.sec.education
- 애들 학교 가는 길이라 더 신경 쓰여요
- 학원가라 밤에도 애들이 많이 다녀요
- 어린이집 차들도 다니는 길이에요
ko.sec.economy
- 상가들도 장사 안 된다고 난리예요
- 시장 상인분들도 힘들어하세요
- 문 닫은 가게가 벌써 몇 개째예요
ko.sec.environment
- 그 옆에 쓰레기도 잔뜩 쌓여 있고요
- 공원 쪽은 하수구 냄새도 나요
- 그리고 옆 공원 쓰레기통도 맨날 넘쳐요
ko.sec.roads
- 가는 길에 보도블록도 깨져 있더라구요
- 가로등도 하나 나가 있고요
- 길도 울퉁불퉁해서 넘어질 뻔했어요
ko.sec.administration
- 구청에 전화해도 맨날 통화중이에요
- 주민센터에서도 모른다고만 하고요
- 홈페이지엔 아무 안내도 없어요
en.greet
- Hi
- Hello
- Hi there
- Dear Sotong City
- Hello,
- Hey
- Good morning
- To whom it may concern,
- Hi Mayor
en.intro
- I live in {dong}.
- I'm a foreign resident in {gu}.
- I'm an English teacher living near {station}.
- I moved to {dong} last year.
- My Korean isn't good so I'm writing in English.
- I'm an exchange student in {gu}.
- I run a small cafe near {station}.
- Mom of two here, living in {dong}.
- I'm visiting {gu} this week.
- Long-time resident of {dong} here.
en.story
- Yesterday on my way home,
- This morning,
- Last weekend at {park},
- Walking to work today,
- For the past few days,
en.c_detail
- This is the third time I'm reporting this.
- I called {agency} but they said it's not their job.
- My neighbors all complain about it too.
- I have photos if needed.
- Reported it {date} already.
- Last time I complained I just got an automatic "resolved" text and nothing changed.
- I pay taxes here like everyone else.
en.c_detail_place
- It's worst at {time}.
- Kids walk here every day.
- Someone is going to get hurt.
- Lots of elderly people walk here.
- Tourists see this every day, kind of embarrassing.
- It's been like this {weeks}.
en.ramble
- Honestly I'm tired of writing these. I first reported it months ago, got told it would be handled, then the officer changed and I had to explain everything again.
- I asked my neighbors whether I'm being too sensitive and they all said the same thing, they just don't know who to tell.
- I called {agency}, got transferred three times and ended up back at the first number. Nobody seems to own this.
- I've lived here for years and usually let things go, but this one really affects daily life.
en.ramble_place
- I walk past it twice a day, so I took photos every day for a week. Happy to send them if anyone actually wants to see them.
- The last answer said it would be "taken care of", but nothing on site has changed since.
en.c_emotion
- So frustrating.
- Honestly ridiculous.
- Really annoying.
- I'm so tired of this.
- Unacceptable.
- wtf
en.c_request
- Please fix this asap.
- Can someone please look into it?
- Please send someone to check.
- Please do something before someone gets hurt.
- Let me know when it will be fixed.
- Please fix it.
- Please take action.
- Would appreciate a quick fix.
- Please forward this to the right department.
en.c_sarcasm
- Great job as always 👏 {core}
- {core}. Love how my taxes are spent lol
- Wow amazing service {core} 🙃
- {core}. World class city, right? lol
en.c_close
- Thanks.
- Thank you.
- Regards
- Cheers
en.q_lead
- Quick question.
- I have a question.
- Sorry to bother you.
- Couldn't find this anywhere online.
- One question please.
en.q_annoyed
- Nobody answers the phone so I'm asking here.
- The website is Korean only so I have no idea.
- I asked three different offices and got three different answers.
en.q_vent
- Honestly this should be announced somewhere.
- I've been waiting for an answer for ages.
- The official notice is impossible to understand.
en.q_close
- Thanks in advance!
- Thank you.
- Any info appreciated.
- Please reply.
- Thanks!
- Would appreciate an answer in English.
en.s_lead
- Suggestion:
- Just an idea:
- I'd like to suggest something.
- Here's an idea.
- A small proposal:
en.s_justify
- Other cities already do this.
- It wouldn't cost much.
- It would help a lot of people.
- Tourists would love it too.
en.s_close
- Please consider it.
- Hope you'll think about it.
- Would love to see this happen.
- Thanks for considering.
en.p_lead
- Just wanted to say thanks.
- Some good news for once:
- I want to praise someone.
- Quick thank you note.
en.p_past
- I complained here before, and
- Honestly I was angry at first, but
- I reported this a while ago and
en.p_close
- Thank you so much!
- Great job!
- Please pass on my thanks.
- Keep it up!
- Really appreciate it.
en.o_lead
- Just a thought:
- Honestly,
- Random observation:
- IMO
- Not a complaint, just saying:
en.o_close
- Just my two cents.
- Anyway.
- lol
- That's all.
- Curious what others think.
en.contact
- My number is {phone}.
- Contact: {phone}
- You can text me at {phone}.
- - {name}
en.tail
- :(
- :)
- !!
- ...
- 😡
- 🙏
- 👍
- 😭
- lol
- haha
- ??
en.sec.transport
- Also the buses here take forever.
- And people park illegally all over that street.
en.sec.safety
- It feels unsafe there at night too.
- There's no CCTV around either.
en.sec.housing
- The redevelopment site next to it is a dust bowl too.
- Lots of old villas around there.
en.sec.culture
- Tons of tourists come through here.
- There's a festival there most weekends.
en.sec.welfare
- Lots of elderly people live here.
- People in wheelchairs use this route every day.
en.sec.health
- People smoke there all the time too.
- And there's no clinic open at night nearby.
en.sec.education
- It's the route kids take to school.
- Near the library too.
en.sec.economy
- The local shops are struggling already.
- Half the stores on that street are closed.
en.sec.environment
- There's trash piled up next to it as well.
- The park nearby smells like sewage.
en.sec.roads
- The sidewalk there is broken too.
- One of the streetlights is out as well.
en.sec.administration
- The district office never picks up.
- The website has no info at all.
"""

SPLIT_FRAMES = {"c_request", "c_sarcasm", "q_lead", "q_annoyed", "q_close", "s_lead", "s_close",
                "p_lead", "p_close", "o_lead", "o_close"}

# ---------------------------------------------------------------------------------------------------------------
# Spam: sub-topic it pretends to be about | language | text. Ads, scams (smishing), abuse, gibberish, chain
# letters. Grouped by topic; the last quarter of each topic's templates is reserved for the test split.
# ---------------------------------------------------------------------------------------------------------------
SPAM = """
parking|ko|[소통시] 주정차 위반 과태료 미납 안내. 기한 내 미납 시 가산금 부과 {url}
taxi|ko|대리운전 최저가 {money} 콜 {phone} 24시 친절 신속
bus|ko|버스정책 만든 새끼 누구냐 진짜 ㅅㅂ 머리가 있냐
bus|ko|버스 기사 새끼들 운전 개같이 하네 ㅅㅂ 다 잘라라
taxi|en|taxi drivers here are all scum lol
taxi|en|Cheap airport pickup any time, whatsapp {phone}
parking|ko|[교통범칙금] 고지서가 발송되었습니다 확인 바랍니다 → {url}
fire|ko|소화기 의무교체 기간입니다 방문 교체 예정 문의 {phone} (무료점검)
crime|ko|CCTV 설치 최저가!! 방범 카메라 4채널 {money} 설치까지 {phone}
disaster|ko|[긴급재난] 귀하의 지역 대피 안내 확인 {url}
flood|ko|누수탐지 방수공사 전문 당일출동 {phone} {gu} 전지역
disaster|ko|재난문자 보내는 놈들 머리에 뭐가 들었냐 ㅅㅂ
crime|ko|경찰이고 구청이고 다 병신들
disaster|en|EMERGENCY ALERT: verify your location to receive shelter info {url}
public|ko|[특별공급] 공공임대 당첨 대상자 확인 바랍니다 {url}
rent|ko|★무직자 전세자금대출★ 신용 무관 당일 승인 {kakao}
redevelop|ko|{dong} 재개발 지분 투자 수익률 200% 보장 선착순 {phone}
apartment|ko|{dong} 신축빌라 분양 실입주금 1천만원 풀옵션 {phone}
public|ko|LH든 SH든 다 도둑놈들 ㅗㅗ
rent|en|Low interest loans for foreigners, no documents needed, whatsapp {phone}
festival|ko|[무료초대] 인기 콘서트 VIP석 당첨! 수령하기 {url}
tourism|ko|제주 3박4일 {money} 특가!! 선착순 마감 {url}
sports|ko|헬스 PT 10회 {money} 회원모집 {dong} {phone}
festival|ko|축제는 개뿔 세금으로 지들끼리 파티하네 ㅋㅋ 미친
tourism|en|Congratulations! You won a free trip to Jeju, claim now {url}
livelihood|ko|[소통시] 긴급생활지원금 지급 대상자입니다 신청 {url}
senior|ko|어르신 무료 건강식품 증정 행사 {center} 앞 선착순 (방문판매 아님) {phone}
family|ko|출산지원금 추가 신청 안내 {url} 본인인증 필요
welfare_general|ko|복지는 무슨 세금 도둑들 꺼져
livelihood|en|You are eligible for a government support payment, apply here {url}
publichealth|ko|[건강보험] 환급금 {money} 조회 및 신청 {url}
medical|ko|비아그라 시알리스 정품 당일배송 {url}
publichealth|ko|다이어트 한약 2주 -10kg 보장 {kakao}
infect|ko|코로나 치료제 해외직구 최저가 {url}
medical|ko|의사들 다 돈에 미친 놈들 ㅗㅗ
publichealth|en|Cheap meds no prescription, fast shipping {url}
lifelong|ko|국비지원 자격증 100% 합격 보장 무료수강 {url}
school|ko|수능 족보 최신판 판매합니다 텔레 {tg}
childcare|ko|국공립 어린이집 우선입소 대행해드립니다 {phone}
school|ko|교육청 놈들 다 무능해 ㅂㅅ
lifelong|en|Get a university degree in 2 weeks, no exams {url}
startup|ko|주식 리딩방 무료체험 수익률 300% {url}
jobs|ko|재택부업 하루 2시간 일당 20만원 주부 환영 {kakao}
smallbiz|ko|소상공인 정책자금 대출 대행 한도조회 {phone}
startup|ko|코인 에어드랍 이벤트 지금 참여 {url}
startup|en|Send 0.1 ETH and get 1 ETH back, official giveaway {url}
jobs|ko|일자리 정책 만든 새끼 나와라 ㅋㅋ
jobs|en|Work from home and earn $500/day, DM me
air|ko|공기청정기 렌탈 3개월 무료!! {phone}
waste|ko|폐가전 무료수거 {gu} 전지역 당일 {phone}
park|ko|캠핑장 예약 대행합니다 주말 자리 보장 {url}
waste|ko|ㅅㅂ 쓰레기는 니들이다
air|en|Best air purifiers 70% off today only {url}
pavement|ko|도로포장 아스콘 시공 견적 문의 {phone}
streetlight|ko|태양광 LED 가로등 납품 전문업체 카탈로그 {url}
pavement|ko|도로과 공무원들 ㄲㅈ 세금 아깝다
street|ko|현수막 제작 최저가 당일 출력 {phone}
sns|ko|팔로워 1만명 {money} 한국인 실계정 {url}
sns|ko|ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ
sns|ko|ㅁㄴㅇㄹㅁㄴㅇㄹ
sns|ko|asdfasdf
sns|ko|맞팔해요~ 선팔하면 맞팔 100%
sns|ko|.
sns|ko|{emojis}
sns|ko|오늘의 운세 무료 확인 {url}
sns|ko|[해외결제] {money} 승인 완료. 본인 아닐 시 고객센터 {phone}
certificate|ko|[정부24] 주민등록 정보 갱신이 필요합니다 {url}
tax|ko|[지방세] 미납 세금 압류 예정 안내 {url}
tax|ko|[국세청] 환급금 {money} 미수령 조회 {url}
general|ko|시장 당장 사퇴해라 ㅅㅂ 무능한 놈
general|ko|니들이 하는 게 뭔데 ㅗㅗ 세금 도둑들
general|ko|공무원 새끼들 월급루팡 ㅋㅋ 다 잘라라
general|ko|이번 선거는 기호 {n}번!! 꼭 투표해주세요 바꿉시다
general|ko|예수천국 불신지옥 회개하라
general|ko|이 글을 10명에게 공유하면 행운이 옵니다 공유 안 하면 3년간 불운
staff|ko|주민센터 그 직원 얼굴 보기 싫다 ㅂㅅ
sns|ko|온라인 카지노 첫충 30% 가입머니 지급 {url}
sns|ko|성인 19 무료 영상 {url}
sns|ko|{gibberish}
sns|ko|test
sns|ko|ㅎㅇ
sns|ko|ㅋㅋㅋㅋ
sns|ko|......
sns|ko|1
sns|en|lol
sns|ko|ㅇㅇ 잘 보고 갑니다 제 블로그도 놀러오세요~ {url}
general|ko|시장 얼굴 보기 싫다 내려와라
general|ko|다 썩었다 이 나라 이 도시
staff|ko|공무원 놈들 월급 받고 하는 게 뭐냐
sns|ko|ㄴㅇㄹㄴㅇㄹㄴㅇ
general|en|worst mayor ever, resign
sns|ko|택배 주소 불일치로 반송 예정입니다 주소 수정 {url}
general|ko|개같은 행정 ㅋㅋㅋ 다 꺼져
sns|en|Get 10k real followers now!! {url}
sns|en|Hot singles in {gu} want to meet you {url}
sns|en|Your package could not be delivered, update your address {url}
sns|en|asdfghjkl
general|en|f*** this city and the useless mayor
general|en|idiots. all of you.
sns|en|Check out my channel!!! {url}
tax|en|[Notice] Your tax refund is pending, verify at {url}
sns|en|{emojis}
"""

# ---------------------------------------------------------------------------------------------------------------
# Incidents for pairs.jsonl: one concrete problem, said in several ways (different reporters).
#   @key | sub-topic
# ---------------------------------------------------------------------------------------------------------------
INCIDENTS = """
@pothole | pavement
ko
- {place} 도로에 포트홀이 크게 생겼어요
- {place} 아스팔트가 움푹 파여서 차들이 덜컹거려요
- {place} 길바닥에 구멍이 뻥 뚫려 있어요. 타이어 찢어지겠어요
- {place} 도로가 패여서 오토바이가 넘어질 뻔했어요
en
- There's a big pothole at {place}
- The road at {place} has a huge hole in it, my car almost got stuck
@streetlight | streetlight
ko
- {place} 가로등이 나갔어요
- {place} 가로등 불이 안 들어와서 밤에 깜깜해요
- {place}에 있는 가로등이 며칠째 꺼져 있어요
- 밤에 {place} 지나가는데 가로등이 고장 났는지 불이 안 켜져요
en
- Streetlight at {place} is out
- The lamp post at {place} doesn't turn on at night
@sidewalk | sidewalk
ko
- {place} 보도블록이 깨져서 들떠 있어요
- {place} 인도 블록이 흔들리고 튀어나와서 걸려 넘어지겠어요
- {place} 보도가 파손돼서 구멍이 났어요
en
- Broken sidewalk tiles at {place}
- Sidewalk blocks at {place} are loose and sticking up
@dumping | waste
ko
- {place}에 쓰레기가 무단투기돼서 산더미예요
- {place} 옆에 누가 쓰레기봉투를 잔뜩 버려놨어요
- {place} 쓰레기 불법투기 때문에 냄새가 심해요
en
- Someone dumped a pile of trash at {place}
- Illegal dumping at {place}, it stinks
@illegalparking | parking
ko
- {place}에 불법주차 차량이 길을 막고 있어요
- {place} 골목에 차가 세워져 있어서 통행이 안 돼요
- {place}에 계속 이중주차가 돼 있어요
en
- Illegally parked car blocking the road at {place}
@busskip | bus
ko
- {bus}번 버스가 {stop} 정류장을 그냥 지나쳐요
- {stop} 정류장에서 {bus}번이 안 서고 그냥 가버렸어요
- {bus}번 기사님이 {stop} 정류장에 정차를 안 하세요
en
- Bus {bus} doesn't stop at the {stop} stop
- The {bus} skipped the {stop} stop again
@signal | subway
ko
- {place} 신호등이 고장 났어요
- {place} 신호등이 계속 깜빡이기만 해요
- {place} 신호가 안 바뀌어요. 계속 빨간불이에요
en
- Traffic light at {place} is broken
@fallentree | trees
ko
- {place}에 나무가 쓰러져서 인도를 막고 있어요
- {place} 가로수가 넘어져 있어요
- 어제 바람에 {place} 나무가 부러져서 길을 막았어요
en
- A fallen tree is blocking the sidewalk at {place}
@manhole | pavement
ko
- {place} 맨홀 뚜껑이 덜컹거려요
- {place} 맨홀이 들떠서 차 지나갈 때마다 쾅쾅 소리 나요
- {place}에 맨홀 뚜껑이 살짝 열려 있어요. 위험해요
en
- Manhole cover at {place} is loose
@drain | flood
ko
- {place} 빗물받이가 막혀서 물이 안 빠져요
- 비 오니까 {place}에 물이 고여서 못 지나가요. 배수구가 막혔나 봐요
- {place} 하수구가 막혀서 물이 역류해요
en
- The storm drain at {place} is clogged and the street is flooding
@noise_site | noise
ko
- {place} 공사장 소음이 너무 심해요
- {place} 공사 때문에 아침부터 쿵쿵거려서 잠을 못 자요
- {place}에서 공사하는 소리가 너무 커요
en
- Construction noise at {place} is unbearable
@smell | noise
ko
- {place} 하수구 냄새가 너무 심해요
- {place} 지나갈 때마다 악취가 나요
en
- Terrible sewer smell at {place}
@toilet | toilet
ko
- {place} 공중화장실 변기가 막혔어요
- {place} 화장실이 고장 나서 사용을 못 해요
- {place} 공중화장실 물이 안 내려가요
en
- The public toilet at {place} is clogged
@bench | toilet
ko
- {place} 벤치가 부서졌어요
- {place} 의자가 깨져서 못이 튀어나와 있어요
en
- Broken bench at {place}
@banner | street
ko
- {place}에 불법 현수막이 잔뜩 걸려 있어요
- {place} 현수막 때문에 앞이 안 보여요
en
- Illegal banners all over {place}
@kickboard | bike
ko
- {place}에 전동킥보드가 쓰러져서 길을 막고 있어요
- {place} 인도에 킥보드가 여러 대 방치돼 있어요
en
- E-scooters dumped on the sidewalk at {place}
@stray | animal
ko
- {place}에 들개가 돌아다녀요
- {place}에 큰 개가 목줄 없이 혼자 돌아다녀요
en
- A stray dog is wandering around {place}
@elevator | subway
ko
- {exit} 엘리베이터가 고장 났어요
- {exit} 엘베가 멈춰 있어요
- {exit}에 있는 엘리베이터가 작동을 안 해요
en
- The elevator at {exit} is broken
@sinkhole | construction
ko
- {place}에 땅이 꺼졌어요
- {place} 도로에 싱크홀 같은 게 생겼어요
en
- Looks like a sinkhole at {place}
@smoking | publichealth
ko
- {place}에서 사람들이 계속 담배를 피워요
- {place}에서 흡연하는 사람들이 너무 많아요
en
- People keep smoking at {place}
@fence | construction
ko
- {place} 공사장 펜스가 넘어졌어요
- {place} 공사장 가림막이 쓰러져서 인도를 막았어요
en
- Construction fence fell over at {place}
@swing | park
ko
- {park} 놀이터 그네 줄이 끊어졌어요
- {park} 놀이터 그네가 고장 났어요
en
- The swing at the playground in {park} is broken
"""

# ---------------------------------------------------------------------------------------------------------------
# Places: the 25 자치구 with real dongs, roads, subway stations (station: lines), parks and landmarks.
#   gu | maeul-bus prefix | dongs | roads | stations | parks (ko:en;...) | landmarks (ko:en;...)
# ---------------------------------------------------------------------------------------------------------------
DISTRICTS_TEXT = """
종로구|종로|혜화동 평창동 이화동 창신동 삼청동 부암동 숭인동 사직동 무악동 교남동|종로 율곡로 대학로 자하문로 창경궁로 삼일대로|종각:1 혜화:4 종로3가:1,3,5 경복궁:3 안국:3 동대문:1,4 광화문:5|낙산공원:Naksan Park;마로니에공원:Marronnier Park;사직공원:Sajik Park;탑골공원:Tapgol Park|광화문광장:Gwanghwamun Square;종묘:Jongmyo Shrine;경복궁:Gyeongbokgung Palace;인사동 거리:Insa-dong street
중구|중구|명동 을지로동 신당동 황학동 회현동 필동 광희동 중림동 장충동 다산동|을지로 퇴계로 다산로 동호로 청계천로 소공로|시청:1,2 명동:4 을지로입구:2 충무로:3,4 신당:2,6 동대문역사문화공원:2,4,5 회현:4 약수:3,6|남산공원:Namsan Park;장충단공원:Jangchungdan Park;서울로7017:Seoullo 7017|서울광장:Seoul Plaza;남대문시장:Namdaemun Market;덕수궁:Deoksugung Palace;명동성당:Myeongdong Cathedral;DDP:DDP
용산구|용산|이태원동 한남동 후암동 효창동 청파동 원효로동 이촌동 보광동 용문동 서빙고동|이태원로 한강대로 녹사평대로 원효로 효창원로 서빙고로|용산:1 이태원:6 삼각지:4,6 숙대입구:4 한강진:6 녹사평:6 효창공원앞:6|용산가족공원:Yongsan Family Park;효창공원:Hyochang Park;이촌한강공원:Ichon Hangang Park|전쟁기념관:War Memorial of Korea;국립중앙박물관:National Museum of Korea;이태원 세계음식거리:Itaewon food street;해방촌:Haebangchon
성동구|성동|성수동 왕십리동 금호동 옥수동 행당동 응봉동 마장동 사근동 송정동 용답동|왕십리로 뚝섬로 성수일로 고산자로 독서당로 마조로|성수:2 왕십리:2,5 뚝섬:2 옥수:3 금호:3 행당:5 한양대:2 서울숲:수인분당선|서울숲:Seoul Forest;응봉산:Eungbongsan;살곶이공원:Salgoji Park|성수동 카페거리:Seongsu cafe street;마장축산물시장:Majang Meat Market;한양대:Hanyang University
광진구|광진|자양동 구의동 화양동 군자동 중곡동 능동 광장동 노유동|능동로 아차산로 광나루로 자양로 동일로 천호대로|건대입구:2,7 구의:2 강변:2 군자:5,7 아차산:5 어린이대공원:7 광나루:5|어린이대공원:Children's Grand Park;뚝섬한강공원:Ttukseom Hangang Park;아차산:Achasan|건대 맛의거리:Konkuk food street;동서울터미널:Dong Seoul Bus Terminal;커먼그라운드:Common Ground
동대문구|동대문|회기동 휘경동 이문동 전농동 답십리동 장안동 청량리동 제기동 용두동|왕산로 답십리로 망우로 회기로 장한로 천호대로|청량리:1 회기:1 외대앞:1 답십리:5 장한평:5 제기동:1 신설동:1,2|배봉산:Baebongsan;홍릉숲:Hongneung Forest;용두공원:Yongdu Park|경동시장:Gyeongdong Market;청량리 청과물시장:Cheongnyangni fruit market;장안평 중고차시장:Janganpyeong used car market
중랑구|중랑|면목동 상봉동 중화동 묵동 망우동 신내동|망우로 동일로 봉화산로 용마산로 사가정로 겸재로|상봉:7 면목:7 중화:7 먹골:7 사가정:7 용마산:7 망우:경의중앙선|용마폭포공원:Yongma Waterfall Park;봉화산:Bonghwasan;중랑천 장미터널:Jungnangcheon rose tunnel|망우역사문화공원:Mangu History and Culture Park;중랑구청:Jungnang-gu Office;면목시장:Myeonmok Market
성북구|성북|정릉동 길음동 돈암동 안암동 석관동 장위동 종암동 월곡동 성북동 삼선동|보문로 동소문로 정릉로 화랑로 아리랑로 오패산로|성신여대입구:4 길음:4 한성대입구:4 고려대:6 월곡:6 안암:6 보문:6|정릉계곡:Jeongneung Valley;개운산공원:Gaeunsan Park;오동근린공원:Odong Park|길상사:Gilsangsa Temple;고려대:Korea University;성신여대 앞 거리:Sungshin Women's University street
강북구|강북|미아동 번동 수유동 우이동 삼양동 인수동 송중동|도봉로 삼양로 한천로 4.19로 오현로 솔매로|미아:4 미아사거리:4 수유:4 4.19민주묘지:우이신설선 솔밭공원:우이신설선 북한산우이:우이신설선|북서울꿈의숲:Dream Forest;솔밭근린공원:Solbat Park;우이천:Uicheon stream|국립4.19민주묘지:4.19 National Cemetery;수유시장:Suyu Market;북한산 우이령길:Uiryeong trail
도봉구|도봉|쌍문동 방학동 창동 도봉동|도봉로 마들로 해등로 방학로 노해로 시루봉로|창동:1,4 쌍문:4 방학:1 도봉산:1,7 도봉:1|도봉산:Dobongsan;초안산:Choansan;발바닥공원:Balbadak Park|둘리뮤지엄:Dooly Museum;플랫폼창동61:Platform Changdong 61;창동 문화체육센터:Changdong sports center
노원구|노원|상계동 중계동 하계동 공릉동 월계동|동일로 노원로 한글비석로 공릉로 화랑로 노해로|노원:4,7 상계:4 중계:7 하계:7 공릉:7 태릉입구:6,7 마들:7|경춘선숲길:Gyeongchun Line Forest Trail;불암산:Buramsan;당현천:Danghyeoncheon|노원 문화의거리:Nowon culture street;중계동 학원가:Junggye academy street;서울과기대:SeoulTech
은평구|은평|불광동 녹번동 응암동 역촌동 갈현동 구산동 진관동 수색동 대조동 증산동|통일로 연서로 은평로 진흥로 서오릉로 가좌로|연신내:3,6 불광:3,6 구파발:3 응암:6 녹번:3 새절:6 역촌:6 증산:6|불광천:Bulgwangcheon;봉산:Bongsan;은평한옥마을 둘레길:Eunpyeong Hanok Village trail|은평한옥마을:Eunpyeong Hanok Village;연신내 먹자골목:Yeonsinnae food alley;진관사:Jingwansa Temple
서대문구|서대문|신촌동 연희동 홍제동 남가좌동 북가좌동 북아현동 천연동 충현동 홍은동|연세로 연희로 증가로 신촌로 통일로 수색로|신촌:2 홍제:3 독립문:3 무악재:3 충정로:2,5 가좌:경의중앙선|안산자락길:Ansan trail;홍제천:Hongjecheon;독립공원:Independence Park|연세대:Yonsei University;신촌 연세로:Sinchon Yonsei-ro;서대문형무소역사관:Seodaemun Prison History Hall
마포구|마포|망원동 합정동 서교동 연남동 상암동 성산동 공덕동 아현동 도화동 신수동 대흥동|월드컵로 양화로 와우산로 마포대로 독막로 동교로|홍대입구:2 합정:2,6 망원:6 공덕:5,6 마포구청:6 상수:6 마포:5 광흥창:6|망원한강공원:Mangwon Hangang Park;경의선숲길:Gyeongui Line Forest Park;하늘공원:Haneul Park;월드컵공원:World Cup Park|망원시장:Mangwon Market;홍대 걷고싶은거리:Hongdae street;상암 DMC:Sangam DMC;월드컵경기장:World Cup Stadium
양천구|양천|목동 신정동 신월동|목동로 오목로 신월로 목동동로 목동서로 신정로|목동:5 오목교:5 신정네거리:2 양천구청:2 신정:5 신목동:9|파리공원:Paris Park;서서울호수공원:Seoseoul Lake Park;안양천:Anyangcheon;용왕산:Yongwangsan|목동 학원가:Mokdong academy street;목동 아이스링크:Mokdong Ice Rink;목동종합운동장:Mokdong Stadium
강서구|강서|화곡동 등촌동 가양동 마곡동 방화동 염창동 공항동 내발산동|강서로 화곡로 공항대로 양천로 마곡중앙로 곰달래로|화곡:5 까치산:2,5 발산:5 마곡:5 가양:9 등촌:9 김포공항:5,9 마곡나루:9|서울식물원:Seoul Botanic Park;궁산:Gungsan;개화산:Gaehwasan;강서습지생태공원:Gangseo Wetland Eco Park|김포공항:Gimpo Airport;마곡 업무지구:Magok business district;화곡 먹자골목:Hwagok food alley
구로구|구로|구로동 신도림동 개봉동 고척동 오류동 가리봉동 항동 천왕동|구로중앙로 디지털로 경인로 개봉로 오리로 새말로|구로:1 신도림:1,2 구로디지털단지:2 개봉:1 오류동:1 천왕:7 온수:1,7|푸른수목원:Purun Arboretum;구로거리공원:Guro Street Park;안양천 산책로:Anyangcheon trail|고척스카이돔:Gocheok Sky Dome;구로디지털단지:Guro Digital Complex;남구로시장:Namguro Market
금천구|금천|가산동 독산동 시흥동|시흥대로 가산디지털1로 독산로 금하로 벚꽃로 범안로|가산디지털단지:1,7 독산:1 금천구청:1|호암산:Hoamsan;안양천 벚꽃길:Anyangcheon cherry blossom road;금천폭포공원:Geumcheon Waterfall Park|가산 아울렛거리:Gasan outlet street;금천구청:Geumcheon-gu Office;남문시장:Nammun Market
영등포구|영등포|여의도동 당산동 문래동 영등포동 신길동 대림동 양평동 도림동|여의대로 국제금융로 영등포로 당산로 도림로 양산로|여의도:5,9 영등포구청:2,5 당산:2,9 문래:2 영등포:1 신길:1,5 여의나루:5 선유도:9|여의도한강공원:Yeouido Hangang Park;여의도공원:Yeouido Park;선유도공원:Seonyudo Park;문래근린공원:Mullae Park|국회의사당:National Assembly;더현대 서울:The Hyundai Seoul;문래창작촌:Mullae art village;영등포 타임스퀘어:Times Square
동작구|동작|노량진동 상도동 흑석동 사당동 대방동 신대방동|노량진로 상도로 동작대로 사당로 흑석로 장승배기로|노량진:1,9 흑석:9 상도:7 장승배기:7 대방:1 이수:4,7 신대방삼거리:7|보라매공원:Boramae Park;국립서울현충원:Seoul National Cemetery;까치산공원:Kkachisan Park|노량진수산시장:Noryangjin Fish Market;노량진 학원가:Noryangjin cram-school street;중앙대:Chung-Ang University
관악구|관악|신림동 봉천동 남현동 서원동 행운동 낙성대동 청룡동|관악로 남부순환로 신림로 봉천로 은천로 호암로|신림:2 서울대입구:2 봉천:2 낙성대:2|관악산:Gwanaksan;낙성대공원:Nakseongdae Park;도림천:Dorimcheon|샤로수길:Sharosu-gil;신림 순대타운:Sillim Sundae Town;서울대:Seoul National University
서초구|서초|서초동 반포동 방배동 양재동 잠원동 내곡동 우면동|서초대로 반포대로 양재대로 사평대로 방배로 효령로|교대:2,3 서초:2 방배:2 양재:3 고속터미널:3,7,9 남부터미널:3 내방:7 양재시민의숲:신분당선|양재시민의숲:Yangjae Citizens' Forest;반포한강공원:Banpo Hangang Park;서리풀공원:Seoripul Park;양재천:Yangjaecheon|예술의전당:Seoul Arts Center;고속버스터미널:Express Bus Terminal;세빛섬:Sebitseom;서초구청:Seocho-gu Office
강남구|강남|역삼동 삼성동 대치동 개포동 논현동 압구정동 청담동 도곡동 일원동 수서동|테헤란로 도산대로 언주로 봉은사로 선릉로 영동대로|역삼:2 선릉:2 삼성:2 대치:3 압구정:3 수서:3 학여울:3 도곡:3 한티:수인분당선|도산공원:Dosan Park;대모산:Daemosan;선정릉:Seonjeongneung|코엑스:COEX;봉은사:Bongeunsa Temple;대치동 학원가:Daechi academy street;가로수길:Garosu-gil
송파구|송파|잠실동 가락동 문정동 석촌동 방이동 오금동 거여동 마천동 풍납동 장지동|올림픽로 송파대로 백제고분로 오금로 중대로 양재대로|잠실:2,8 석촌:8,9 가락시장:3,8 문정:8 방이:5 오금:3,5 잠실새내:2 송파:8|석촌호수:Seokchon Lake;올림픽공원:Olympic Park;성내천:Seongnaecheon|롯데월드타워:Lotte World Tower;가락시장:Garak Market;잠실종합운동장:Jamsil Sports Complex;송리단길:Songnidan-gil
강동구|강동|천호동 성내동 길동 둔촌동 암사동 명일동 고덕동 상일동 강일동|천호대로 구천면로 고덕로 양재대로 진황도로 올림픽로|천호:5,8 강동:5 길동:5 둔촌동:5 명일:5 고덕:5 암사:8 굽은다리:5 상일동:5|광나루한강공원:Gwangnaru Hangang Park;일자산:Iljasan;길동생태공원:Gildong Ecological Park|암사동 유적:Amsa-dong prehistoric site;천호 로데오거리:Cheonho Rodeo street;강동아트센터:Gangdong Arts Center
"""

HERITAGE = {
    "종로구": [("경복궁", "Gyeongbokgung Palace"), ("창덕궁", "Changdeokgung Palace"), ("종묘", "Jongmyo Shrine"),
             ("낙산 성곽길", "the Naksan fortress wall trail")],
    "중구": [("덕수궁", "Deoksugung Palace"), ("남산 성곽길", "the Namsan fortress wall"), ("숭례문", "Sungnyemun Gate")],
    "서대문구": [("서대문형무소역사관", "Seodaemun Prison History Hall"), ("독립문", "Independence Gate")],
    "강남구": [("선정릉", "the Seonjeongneung royal tombs"), ("봉은사", "Bongeunsa Temple")],
    "송파구": [("몽촌토성", "Mongchontoseong fortress"), ("풍납토성", "Pungnaptoseong fortress")],
    "강동구": [("암사동 유적", "the Amsa-dong prehistoric site")],
    "성북구": [("혜화문", "Hyehwamun Gate"), ("정릉", "the Jeongneung royal tomb"), ("최순우 옛집", "Choi Sunu's old house")],
    "노원구": [("태릉", "the Taereung royal tomb")],
    "성동구": [("살곶이다리", "Salgoji Bridge")],
    "마포구": [("절두산 순교성지", "Jeoldusan shrine")],
    "강북구": [("국립4.19민주묘지", "the 4.19 National Cemetery")],
    "동작구": [("국립서울현충원", "Seoul National Cemetery")],
    "관악구": [("낙성대", "Nakseongdae shrine")],
    "은평구": [("진관사", "Jingwansa Temple")],
}
# Sub-topics whose messages only make sense in some districts.
SUB_DISTRICTS = {"heritage": sorted(HERITAGE)}

APT_BRANDS = ["래미안", "푸르지오", "자이", "힐스테이트", "e편한세상", "롯데캐슬", "아이파크", "현대", "한신", "삼성", "우성",
              "벽산", "주공", "SK뷰", "두산위브"]
APT_EN = {"래미안": "Raemian", "푸르지오": "Prugio", "자이": "Xi", "힐스테이트": "Hillstate", "e편한세상": "e-Pyeonhan Sesang",
          "롯데캐슬": "Lotte Castle", "아이파크": "I-Park", "현대": "Hyundai", "한신": "Hanshin", "삼성": "Samsung",
          "우성": "Woosung", "벽산": "Byucksan", "주공": "Jugong", "SK뷰": "SK View", "두산위브": "Doosan We've"}
SHOPS = ["GS25", "CU", "세븐일레븐", "파리바게뜨", "스타벅스", "다이소", "올리브영", "이마트24", "농협", "국민은행", "맥도날드",
         "약국"]
SHOPS_EN = {"세븐일레븐": "7-Eleven", "파리바게뜨": "Paris Baguette", "스타벅스": "Starbucks", "다이소": "Daiso",
            "올리브영": "Olive Young", "이마트24": "emart24", "농협": "Nonghyup bank", "국민은행": "KB bank",
            "맥도날드": "McDonald's", "약국": "pharmacy"}
LINE_EN = {"경의중앙선": "the Gyeongui-Jungang Line", "우이신설선": "the Ui-Sinseol Line", "신분당선": "the Sinbundang Line",
           "수인분당선": "the Suin-Bundang Line"}
ROM_OVERRIDE = {
    "월드컵로": "World Cup-ro", "테헤란로": "Teheran-ro", "가산디지털1로": "Gasan Digital 1-ro", "4.19로": "4.19-ro",
    "4.19민주묘지": "4.19 National Cemetery Station", "동대문역사문화공원": "Dongdaemun History & Culture Park Station",
    "어린이대공원": "Children's Grand Park Station", "서울대입구": "Seoul Nat'l Univ. Station", "외대앞": "HUFS Station",
    "고려대": "Korea Univ. Station", "한양대": "Hanyang Univ. Station", "성신여대입구": "Sungshin Women's Univ. Station",
    "한성대입구": "Hansung Univ. Station", "숙대입구": "Sookmyung Women's Univ. Station",
    "양재시민의숲": "Yangjae Citizen's Forest Station", "구로디지털단지": "Guro Digital Complex Station",
    "가산디지털단지": "Gasan Digital Complex Station", "김포공항": "Gimpo Airport Station",
    "고속터미널": "Express Bus Terminal Station", "남부터미널": "Nambu Bus Terminal Station",
    "가락시장": "Garak Market Station", "효창공원앞": "Hyochang Park Station", "종로3가": "Jongno 3-ga Station",
    "신대방삼거리": "Sindaebang Samgeori Station", "솔밭공원": "Solbat Park Station", "북한산우이": "Bukhansan Ui Station",
    "미아사거리": "Mia Sageori Station", "신정네거리": "Sinjeong Negeori Station", "을지로입구": "Euljiro 1-ga Station",
    "영등포구청": "Yeongdeungpo-gu Office Station", "양천구청": "Yangcheon-gu Office Station",
    "금천구청": "Geumcheon-gu Office Station", "마포구청": "Mapo-gu Office Station", "시청": "City Hall Station",
    "서울숲": "Seoul Forest Station", "홍대입구": "Hongik Univ. Station", "건대입구": "Konkuk Univ. Station",
}
ROM_STATION = {"둔촌동": "Dunchon-dong Station", "오류동": "Oryu-dong Station", "상일동": "Sangil-dong Station",
               "제기동": "Jegi-dong Station", "신설동": "Sinseol-dong Station"}
ROM_OVERRIDE.update({"디지털로": "Digital-ro", "올림픽로": "Olympic-ro"})


def parse_districts():
    out = []
    for line in DISTRICTS_TEXT.strip().splitlines():
        gu, short, dongs, roads, stations, parks, landmarks = line.split("|")
        st = []
        for tok in stations.split():
            name, lines = tok.split(":")
            st.append((name, lines.split(",")))
        out.append(dict(gu=gu, short=short, dongs=dongs.split(), roads=roads.split(), stations=st,
                        parks=[tuple(p.split(":")) for p in parks.split(";")],
                        landmarks=[tuple(p.split(":")) for p in landmarks.split(";")]))
    return out


DISTRICTS = parse_districts()
DIST = {d["gu"]: d for d in DISTRICTS}

# --- Revised Romanization (enough for place names: liaison and the common assimilations) ------------------------
_CHO = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_JUNG = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
         "eu", "ui", "i"]
_JONG = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
         "t", "t", "k", "t", "p", "t"]
_LIAISON = {1: "g", 2: "kk", 4: "n", 7: "d", 8: "r", 16: "m", 17: "b", 19: "s", 20: "ss", 22: "j", 23: "ch", 24: "k",
            25: "t", 26: "p"}


def romanize(word):
    syl = []
    for ch in word:
        o = ord(ch) - 0xAC00
        if 0 <= o < 11172:
            syl.append([o // 588, (o % 588) // 28, o % 28])
        else:
            syl.append(ch)
    out = []
    for i, s in enumerate(syl):
        if isinstance(s, str):
            out.append(s)
            continue
        cho, jung, jong = s
        prev = syl[i - 1] if i > 0 and not isinstance(syl[i - 1], str) else None
        ini = _CHO[cho]
        if i == 0 or prev is None:
            ini = "" if cho == 11 else _CHO[cho]
        if prev is not None:
            pj = prev[2]
            if cho == 11 and pj in _LIAISON:
                ini = _LIAISON[pj]
            elif cho == 5:
                ini = "l" if pj in (4, 8) else ("n" if pj else "r")
            elif cho == 2 and pj == 8:
                ini = "l"
        fin = _JONG[jong]
        nxt = syl[i + 1] if i + 1 < len(syl) and not isinstance(syl[i + 1], str) else None
        if nxt is not None:
            nc = nxt[0]
            if nc == 11 and jong in _LIAISON:
                fin = ""
            elif nc == 5:
                fin = {4: "l", 8: "l", 1: "ng", 17: "m", 7: "n", 19: "n", 22: "n", 23: "n", 25: "n"}.get(jong, fin)
            elif nc in (2, 6):
                fin = {1: "ng", 17: "m", 7: "n", 19: "n", 20: "n", 22: "n", 23: "n", 25: "n"}.get(jong, fin)
        out.append(ini + _JUNG[jung] + fin)
    s = "".join(out)
    return s[:1].upper() + s[1:]


def rom_place(name, kind):
    if kind == "station" and name in ROM_STATION:
        return ROM_STATION[name]
    if name in ROM_OVERRIDE:
        return ROM_OVERRIDE[name]
    if kind == "station":
        return romanize(name) + " Station"
    for suffix, en in (("대로", "-daero"), ("로", "-ro"), ("길", "-gil"), ("구", "-gu"), ("동", "-dong")):
        if name.endswith(suffix) and len(name) > len(suffix):
            return romanize(name[: -len(suffix)]) + en
    return romanize(name)


def dong_stem(dong):
    return dong if len(dong) <= 2 else dong[:-1]


# ---------------------------------------------------------------------------------------------------------------
# Bank parsing and the train/test reservation.
# ---------------------------------------------------------------------------------------------------------------
def parse_bank(text):
    subs, cur, sec = [], None, None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            f = [x.strip() for x in line[1:].split("|")]
            cur = dict(key=f[0], topic=f[1], div=f[2], label_ko=f[3], label_en=f[4], kw=[], months=[],
                       b=defaultdict(list))
            subs.append(cur)
            sec = None
        elif line.startswith("kw="):
            cur["kw"] = [k.strip() for k in line[3:].split(",") if k.strip()]
        elif line.startswith("months="):
            cur["months"] = [int(m) for m in line[7:].split(",") if m.strip()]
        elif line.startswith("- "):
            cur["b"][sec].append(line[2:].strip())
        else:
            sec = line
    return subs


def parse_sections(text):
    d, sec = defaultdict(list), None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("- ") or line == "-":
            d[sec].append(line[2:].strip())
        else:
            sec = line
    return d


def parse_incidents(text):
    out, cur, lang = [], None, None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@"):
            key, sub = [x.strip() for x in line[1:].split("|")]
            cur = dict(key=key, sub=sub, ko=[], en=[])
            out.append(cur)
        elif line in ("ko", "en"):
            lang = line
        elif line.startswith("- "):
            cur[lang].append(line[2:].strip())
    return out


def split_pool(lst):
    """The last quarter (at least one entry) of a bank is reserved for the test split."""
    n = len(lst)
    if n < 2:
        return list(lst), list(lst)
    nt = max(1, int(n * 0.25 + 0.5))
    return list(lst[: n - nt]), list(lst[n - nt:])


SUBS = parse_bank(BANK)
SUB = {s["key"]: s for s in SUBS}
FR = parse_sections(FRAMES)
INC = parse_incidents(INCIDENTS)
SPAM_T = []
for _line in SPAM.strip().splitlines():
    _sub, _lang, _text = _line.split("|", 2)
    SPAM_T.append(dict(sub=_sub, lang=_lang, text=_text, topic=SUB[_sub]["topic"]))
SUBS_BY_TOPIC = {t: [s for s in SUBS if s["topic"] == t] for t in TOPICS}
CORE_SECTION = {"Complaint": "issue", "Question": "ask", "Suggestion": "idea", "Praise": "good", "Opinion": "view"}
KIND_LETTER = {"Complaint": "C", "Question": "Q", "Praise": "P", "Opinion": "O", "Suggestion": "S"}
LOC_KEYS = {"heritage", "gu", "dong", "road", "addr", "station", "exit", "place", "park", "landmark", "apt", "school", "center",
            "market", "stop", "mbus", "place2"}

# ---------------------------------------------------------------------------------------------------------------
# A message's context: the place (all in one district) and the lazily drawn numbers, times and names.
# ---------------------------------------------------------------------------------------------------------------
PLACE_FORMS = ["addr"] * 5 + ["center"] * 3 + ["exit"] * 4 + ["apt"] * 3 + ["school"] * 2 + ["shop"] * 2 + \
              ["cross"] * 2 + ["park"] * 2 + ["market"] * 2 + ["jibun"] + ["landmark"] * 2
STOP_FORMS = ["center", "station", "station", "market", "school", "apt", "cross"]


def make_bus(r):
    u = r.random()
    if u < 0.5:
        return f"{r.randint(1, 7)}{r.randint(0, 7)}{r.randint(0, 9)}"
    if u < 0.85:
        return f"{r.randint(1, 7)}{r.randint(0, 7)}{r.randint(0, 3)}{r.randint(0, 9)}"
    if u < 0.93:
        return f"9{r.randint(1, 7)}0{r.randint(1, 9)}"
    return f"N{r.randint(13, 75)}"


def new_comps(r, gu=None):
    D = DIST[gu] if gu else r.choice(DISTRICTS)
    st = r.choice(D["stations"])
    num = r.randint(3, 420) if r.random() < 0.8 else r.randint(420, 999)
    return dict(
        gu=D["gu"], dong=r.choice(D["dongs"]), road=r.choice(D["roads"]), num=num, gil=r.randint(1, 45),
        addr_form=r.choice(["gu_road", "gu_road", "road", "gil", "jibun"]), station=st[0], line=r.choice(st[1]),
        line_prefix=r.random() < 0.3, x=r.randint(1, 10), park=r.randrange(len(D["parks"])),
        lm=r.randrange(len(D["landmarks"])), brand=r.choice(APT_BRANDS), danji=r.randint(1, 9),
        shop=r.choice(SHOPS), school=r.choice(["초등학교", "초등학교", "초등학교", "중학교", "고등학교"]),
        jibun=f"{r.randint(10, 999)}-{r.randint(1, 40)}", place_form=r.choice(PLACE_FORMS),
        place_var=r.randint(0, 9), stop_form=r.choice(STOP_FORMS), center=r.choice(["주민센터", "주민센터", "행정복지센터"]),
        mbus=r.randint(1, 14), bus=make_bus(r), bus2=make_bus(r),
    )


def phone(r):
    return f"010-{r.randint(2000, 9999)}-{r.randint(1000, 9999)}"


def url(r):
    code = "".join(r.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(r.randint(5, 7)))
    word = r.choice(["win", "vip", "bonus", "gov-notice", "event", "kr-check", "lucky", "pay", "post-kr", "safe"])
    return r.choice([f"http://bit.ly/{code}", f"https://han.gl/{code}", f"http://sotong-gov.{code[:4].lower()}.top/{code}",
                     f"https://t.ly/{code}", f"www.{word}{r.randint(10, 99)}.com", f"http://me2.kr/{code}",
                     f"https://open.kakao.com/o/s{code}", f"http://{word}-{code.lower()}.xyz"])


EMOJI = ["😀", "😂", "🤣", "😍", "🔥", "💯", "👍", "🙏", "😡", "💩", "🎉", "❤️", "✨", "😭", "🤔", "👀", "💰", "🍀"]


def ko_values(c, r, sub):
    D = DIST[c["gu"]]
    gu, dong, road = c["gu"], c["dong"], c["road"]
    stem = dong_stem(dong)
    station = c["station"] + "역"
    line = f"{c['line']}호선" if c["line"].isdigit() else c["line"]
    exit_ = f"{station} {c['x']}번 출구"
    if c["line_prefix"]:
        exit_ = f"{line} {exit_}"
    addr = {"gu_road": f"{gu} {road} {c['num']}", "road": f"{road} {c['num']}",
            "gil": f"{road}{c['gil']}길 {c['num'] % 90 + 1}", "jibun": f"{gu} {dong} {c['jibun']}"}[c["addr_form"]]
    park, landmark = D["parks"][c["park"]][0], D["landmarks"][c["lm"]][0]
    her = HERITAGE.get(gu)
    heritage = her[c["lm"] % len(her)][0] if her else landmark
    brand = c["brand"]
    if brand in ("현대", "한신", "삼성", "우성", "벽산"):
        apt = f"{dong} {brand}아파트"
    elif brand == "주공":
        apt = f"{stem} 주공{c['danji']}단지"
    else:
        apt = f"{stem} {brand}"
    school = stem + c["school"]
    center = f"{dong} {c['center']}"
    market = stem + "시장"
    stop = {"center": f"{dong}주민센터", "station": station, "market": market, "school": school, "apt": apt,
            "cross": f"{stem}사거리"}[c["stop_form"]]
    v = c["place_var"]
    place = {
        "addr": addr + (" 앞" if v < 7 else ""), "center": center + " 앞", "exit": exit_ + (" 앞" if v < 5 else ""),
        "apt": apt + (" 정문 앞" if v < 6 else " 후문 쪽"), "school": school + (" 앞" if v < 6 else " 후문 쪽"),
        "shop": f"{dong} {c['shop']} 앞", "cross": f"{stem}사거리", "park": park + " 입구", "market": market + " 입구",
        "jibun": f"{dong} {c['jibun']}번지 근처", "landmark": landmark + " 근처"}[c["place_form"]]
    ch = r.choice
    return long_values(c, r, sub, "ko") | dict(
        gu=gu, dong=dong, road=road, addr=addr, station=station, line=line, x=str(c["x"]), exit=exit_, park=park,
        landmark=landmark, apt=apt, school=school, center=center, market=market, stop=stop, place=place,
        heritage=heritage, mbus=f"{D['short']}{c['mbus']:02d}", bus=c["bus"], bus2=c["bus2"],
        label=(sub["label_ko"].split("·")[0] if sub else "민원"),
        subj=lambda: ch(sub["label_ko"].split("·")) if sub else "민원",
        n=lambda: str(r.randint(2, 9)), nn=lambda: str(r.randint(11, 95)),
        dur=lambda: ch(["20분", "30분", "40분", "50분", "한 시간", "1시간 반", "25분", "15분"]),
        weeks=lambda: ch(["2주째", "한 달 넘게", "몇 달째", "일주일째", "열흘째", "석 달째", "3주째", "작년부터"]),
        span=lambda: ch(["2주", "한 달", "3주", "일주일", "열흘", "두 달", "석 달"]),
        time=lambda: ch(["아침 8시쯤", "오전 7시 40분쯤", "점심때", "오후 3시쯤", "저녁 6시 반쯤", "밤 10시쯤", "출근 시간",
                         "퇴근 시간", "새벽 1시쯤", "아침 9시쯤"]),
        ntime=lambda: ch(["밤 11시", "새벽 1시", "자정", "새벽 2시", "밤 12시 넘어서"]),
        date=lambda: ch(["어제", "그저께", "지난주 금요일", "오늘 아침", "지난 주말", "지난달 말", "월요일",
                         f"{r.randint(1, 12)}월 {r.randint(1, 28)}일"]),
        money=lambda: ch(["3만원", "4만 원", "5만원", "8만 원", "12만원", "20만원", "35만원", "2만 원"]),
        rent=lambda: ch(["45만원", "50만원", "55만원", "60만원", "70만원", "80만원"]),
        deposit=lambda: ch(["1억 2천", "2억", "8천만원", "3억 5천", "1억 5천만원", "9천만원", "2억 3천"]),
        phone=lambda: phone(r),
        name=lambda: ch(["김민지", "이서준", "박지훈", "최유나", "정하은", "강도윤", "윤서연", "장민호", "임수빈", "한지우",
                         "오승현", "서예린", "김○○", "박○○", "이○○"]),
        age=lambda: str(r.randint(68, 93)), yage=lambda: str(r.randint(21, 34)),
        kid=lambda: ch(["초등학생 딸", "일곱 살 아들", "유치원 다니는 딸", "중학생 아들", "돌 지난 아기", "네 살 쌍둥이",
                        "초등학생 아들"]),
        agency=lambda: ch(["120 콜센터", "구청", "주민센터", "국민신문고", "동사무소", "구청 당직실"]),
        month=lambda: ch(["지난달", "이번 달", "지난 두 달"]),
        url=lambda: url(r),
        kakao=lambda: ch(["카톡 ", "ㅋr톡 ", "카톡ID: ", "문의 카톡 "]) + ch(["vip", "money", "loan", "best", "hj", "ok"]) +
        str(r.randint(10, 9999)),
        tg=lambda: "@" + ch(["study", "pass", "kr", "data", "sun"]) + str(r.randint(10, 999)),
        emojis=lambda: "".join(ch(EMOJI) for _ in range(r.randint(3, 12))),
        gibberish=lambda: ch(["ㅁㄴㅇㄹ", "ㅋㅎㅋㅎ", "ㄱㄱㄱ", "ㅇㅇ", "ㅎㅎㅎㅎ", "sdfkj", "qwer", "ㅠㅠㅠ"]) * r.randint(1, 4),
    )


def en_values(c, r, sub):
    D = DIST[c["gu"]]
    gu = rom_place(c["gu"], "gu")
    dong = rom_place(c["dong"], "dong")
    stem = romanize(dong_stem(c["dong"]))
    road = rom_place(c["road"], "road")
    station = rom_place(c["station"], "station")
    line = f"Line {c['line']}" if c["line"].isdigit() else LINE_EN.get(c["line"], c["line"])
    exit_ = f"exit {c['x']} of {station}" if c["place_var"] % 2 else f"{station} exit {c['x']}"
    addr = {"gu_road": f"{c['num']} {road}, {gu}", "road": f"{road} {c['num']}",
            "gil": f"{road}-{c['gil']}-gil {c['num'] % 90 + 1}", "jibun": f"{c['jibun']} {dong}"}[c["addr_form"]]
    park, landmark = D["parks"][c["park"]][1], D["landmarks"][c["lm"]][1]
    her = HERITAGE.get(c["gu"])
    heritage = her[c["lm"] % len(her)][1] if her else landmark
    apt = f"the {stem} {APT_EN[c['brand']]} apartments"
    school = stem + {"초등학교": " Elementary School", "중학교": " Middle School", "고등학교": " High School"}[c["school"]]
    center = f"the {dong} community center"
    market = stem + " Market"
    shop = SHOPS_EN.get(c["shop"], c["shop"])
    stop = {"center": f"{dong} Community Center", "station": station, "market": market, "school": school,
            "apt": f"{stem} {APT_EN[c['brand']]} Apt.", "cross": f"{stem} Intersection"}[c["stop_form"]]
    place = {"addr": addr, "center": center, "exit": exit_, "apt": apt, "school": school,
             "shop": f"the {shop} in {dong}", "cross": f"the {stem} intersection", "park": f"the entrance of {park}",
             "market": market, "jibun": f"{c['jibun']} {dong}", "landmark": landmark}[c["place_form"]]
    ch = r.choice
    return long_values(c, r, sub, "en") | dict(
        gu=gu, dong=dong, road=road, addr=addr, station=station, line=line, x=str(c["x"]), exit=exit_, park=park,
        landmark=landmark, apt=apt, school=school, center=center, market=market, stop=stop, place=place,
        heritage=heritage, mbus=f"{romanize(D['short'])} {c['mbus']:02d}", bus=c["bus"], bus2=c["bus2"],
        label=(sub["label_en"] if sub else "complaint"),
        subj=lambda: ch(re.split(r", | and ", sub["label_en"])) if sub else "my complaint",
        n=lambda: str(r.randint(2, 9)), nn=lambda: str(r.randint(11, 95)),
        dur=lambda: ch(["20 minutes", "30 minutes", "40 minutes", "an hour", "45 minutes", "over an hour"]),
        weeks=lambda: ch(["for two weeks", "for over a month", "for months", "for a week", "for three weeks",
                          "since last month"]),
        span=lambda: ch(["two weeks", "a month", "three weeks", "a week", "two months"]),
        time=lambda: ch(["8am", "rush hour", "6pm", "lunchtime", "midnight", "7:30am", "night"]),
        ntime=lambda: ch(["11pm", "1am", "midnight", "2am"]),
        date=lambda: ch(["yesterday", "last Friday", "on March 14", "this morning", "last weekend", "two days ago",
                         "on October 3"]),
        money=lambda: ch(["30,000 won", "50,000 won", "120,000 won", "40,000 won", "80,000 won", "300,000 won"]),
        rent=lambda: ch(["600,000 won", "550,000 won", "750,000 won"]),
        deposit=lambda: ch(["200 million won", "80 million won", "150 million won", "50 million won"]),
        phone=lambda: phone(r),
        name=lambda: ch(["John", "Maria K.", "Nguyen Thi Lan", "Ahmed", "Sarah", "Wang Fang", "Tom B.", "Priya", "Olga",
                         "Daniel"]),
        age=lambda: str(r.randint(68, 93)), yage=lambda: str(r.randint(21, 34)),
        kid=lambda: ch(["my 6-year-old", "my daughter", "my son", "my toddler", "my 8-year-old"]),
        agency=lambda: ch(["the 120 call center", "the district office", "the community center", "the police"]),
        month=lambda: ch(["last month", "this month"]),
        url=lambda: url(r),
        kakao=lambda: "kakao " + ch(["vip", "money", "loan", "best"]) + str(r.randint(10, 9999)),
        tg=lambda: "@" + ch(["study", "pass", "kr", "data"]) + str(r.randint(10, 999)),
        emojis=lambda: "".join(ch(EMOJI) for _ in range(r.randint(3, 12))),
        gibberish=lambda: ch(["asdf", "qwerty", "jkjkjk", "lololol", "zzz"]) * r.randint(1, 3),
    )


class Fmt(dict):
    """format_map target that draws lazy values on demand and records which keys a message used."""

    def __init__(self, vals):
        super().__init__()
        self.vals = vals
        self.used = set()

    def __missing__(self, k):
        self.used.add(k)
        v = self.vals[k]
        return v() if callable(v) else v


# ---------------------------------------------------------------------------------------------------------------
# Registers and noise.
# ---------------------------------------------------------------------------------------------------------------
BOUND = "(?=$|[\\s.,!?~;:^)\\]ㅠㅜㅋㅎㅡ]|[\U0001F300-\U0001FAFF\u2600-\u27BF])"
DROP_YO = set("어아해와워봐돼됐했였었았네지게래데걸써져쳐켜려가나까든고구서군줘파빠타차라러셔대내매새찮")


def _set_final(ch, jong):
    o = ord(ch) - 0xAC00
    return chr(0xAC00 + o - o % 28 + jong)


def _final(ch):
    o = ord(ch) - 0xAC00
    return o % 28 if 0 <= o < 11172 else -1


PROTECT = ["감사합니다", "수고하십니다", "안녕하십니까", "고맙습니다", "죄송합니다", "감사드립니다", "수고하세요", "안녕하세요",
           "죄송한데", "감사하겠습니다"]


def _protect(t):
    for i, w in enumerate(PROTECT):
        t = t.replace(w, f"\x01{i}\x02")
    return t


def _unprotect(t):
    for i, w in enumerate(PROTECT):
        t = t.replace(f"\x01{i}\x02", w)
    return t


def to_banmal(t, protect=True):
    if protect:
        t = _protect(t)
    for a, b in (("때문에요", "때문에"), ("부탁드립니다", "부탁해"), ("부탁드려요", "부탁해"), ("바랍니다", "바람"), ("아닙니다", "아님"),
                 ("겁니다", "거임"), ("입니다", "임"), ("주십시오", "줘"), ("주세요", "줘"), ("드립니다", "드림")):
        t = re.sub(a + BOUND, b, t)
    t = re.sub("([가-힣])습니다" + BOUND, r"\1다", t)
    t = re.sub("([가-힣])니다" + BOUND, lambda m: (_set_final(m.group(1), 4) + "다") if _final(m.group(1)) == 17
               else m.group(0), t)
    t = re.sub("이에요" + BOUND, "이야", t)
    t = re.sub("예요" + BOUND, "야", t)
    t = re.sub("에요" + BOUND, "야", t)
    t = re.sub("죠" + BOUND, "지", t)
    t = re.sub("([가-힣])요" + BOUND, lambda m: m.group(1) if m.group(1) in DROP_YO else m.group(0), t)
    return _unprotect(t) if protect else t


def to_eum(t, r):
    t = _protect(t)
    for a, b in (("부탁드립니다", "부탁드림"), ("바랍니다", "바람"), ("입니다", "임"), ("주세요", r.choice(["주셈", "주삼", "줘요"]))):
        t = re.sub(a + BOUND, b, t)
    t = re.sub("([가-힣])습니다" + BOUND, r"\1음", t)
    t = re.sub("([가-힣])니다" + BOUND, lambda m: _set_final(m.group(1), 16) if _final(m.group(1)) == 17
               else m.group(0), t)
    return _unprotect(to_banmal(t, protect=False))


TYPOS_KO = [("안돼", "안되"), ("돼요", "되요"), ("됐", "됬"), ("며칠", "몇일"), ("어이가 없", "어의가 없"), ("웬만", "왠만"),
            ("어떻게", "어떡게"), ("어떻게", "어케"), ("너무", "넘"), ("너무", "너무너무"), ("진짜", "진쨔"), ("진짜", "ㄹㅇ"),
            ("빨리", "빨랑"), ("좀", "쫌"), ("그런데", "근데"), ("이렇게", "이케"), ("감사합니다", "감사합니당"),
            ("감사합니다", "ㄳ"), ("있어요", "있어여"), ("해주세요", "해주세여"), ("해주세요", "해주셈"),
            ("수고하세요", "수고하세여"), ("뭐", "머"), ("괜찮", "갠찮"), ("하고", "하구"), ("않", "안"), ("같아요", "같아여"),
            ("습니다", "슴다"), ("ㅠㅠ", "ㅠㅠㅠㅠ"), ("?", "??"), ("!", "!!!"), ("정말", "정말루"), ("에요", "애요"),
            ("게요", "께요"), ("할게", "할께"), ("설거지", "설겆이")]


def typo_ko(t, r, p):
    for a, b in TYPOS_KO:
        if a in t and r.random() < p:
            t = t.replace(a, b, 1)
    return t


def despace(t, r, p):
    out = []
    for i, tok in enumerate(t.split(" ")):
        if i and not (out and out[-1].endswith("\n")) and r.random() >= p:
            out.append(" ")
        out.append(tok)
    return "".join(out)


def en_casual(t, r):
    if r.random() < 0.35:
        t = t.lower()
    if r.random() < 0.3:
        t = t.replace("'", "")
    if r.random() < 0.4:
        t = re.sub(r"\bplease\b", "pls", t, flags=re.I)
    if r.random() < 0.2:
        t = re.sub(r"\byou\b", "u", t)
    if r.random() < 0.25:
        t = re.sub(r"\bthanks\b", "thx", t, flags=re.I)
    if r.random() < 0.25:
        words = t.split(" ")
        cand = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
        if cand:
            i = r.choice(cand)
            w = words[i]
            j = r.randint(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            t = " ".join(words)
    if r.random() < 0.3:
        t = t.rstrip(".")
    return t


def is_emoji(ch):
    o = ord(ch)
    return o >= 0x1F000 or 0x2600 <= o <= 0x27BF or o == 0xFE0F


CONTINUATIONS = ("아니라", "는데", "인데", "건데", "한데", "은데", "하자면", "보니까", "나서", "다가")


def needs_end(s):
    ch = s[-1]
    if s.endswith(CONTINUATIONS):
        return False
    return not (ch in ".!?~…)ㅠㅜㅋㅎㅡ^;:," or is_emoji(ch))

FRAMES_EN_EXTRA = """
en.subject
- Re: {subj}.
- About {subj}:
- This is about {subj}.
- [{subj}]
en.placelead
- Location: {place}.
- This is about {place}.
- At {place}.
- Re: {place}
en.s_bridge
- So,
- Instead,
- So here's an idea:
- Maybe
en.q_detail
- Couldn't find it on the website.
- Asking for my parents.
- Need to know this week.
- The info online is outdated.
en.p_detail
- Everyone in {dong} is happy about it.
- It was much faster than I expected.
- I don't know the officer's name so I'm posting here.
en.p_cheer
- Keep going!
- You guys rock!
- Stay healthy in this heat!
en.o_detail
- It used to be different.
- Not sure what the right answer is.
- My neighbors say the same.
"""
for _k, _v in parse_sections(FRAMES_EN_EXTRA).items():
    FR[_k] = _v

# ---------------------------------------------------------------------------------------------------------------
# Long messages: what citizens actually send through a complaint form or a DM when they have waited too long. They
# are 300–1,200 characters in several paragraphs: who the writer is and where they live, how they noticed, the
# problem (with a second place), what they already tried (dates, receipt numbers), what it costs them, often a
# second topic in passing, and a concrete request. Every section here carries the writer's own story or the intent
# phrasing, so every one is split train/test like the intent frames (LONG_SPLIT below).
#   l_who, l_routine, l_notice   who the writer is, their day, how they noticed (numbers, dates, units, routes)
#   l_where                      where exactly (two places, an address, metres from an exit)
#   l_history, l_impact          earlier reports and what it costs them (complaints)
#   l_request                    a long, concrete request (complaints)
#   l_q_*, l_s_*, l_p_*, l_o_*   the same for questions, suggestions, praise and opinions
#   l_pass_*, l_turn, l_ps       a second topic in passing: before it, after it, back to the point, a P.S.
#   l_sign                       a signature with a unit number or a phone number
#   l_spam                       the extra lines of a long advertisement or scam
# An entry starting with "@" is place-bound (a photo, a site visit, "the spot"): only sub-topics in PHYSICAL use it.
# The split is taken before that filter, and validate() checks both halves keep entries for every sub-topic.
# ---------------------------------------------------------------------------------------------------------------
LONG_FRAMES = """
ko.l_who
- 저는 {dong} {apt} {unit}에 사는 주민이에요. {year}년에 이사 왔어요
- {gu}에서만 {yrs}년 넘게 산 토박이입니다
- {station} 근처 건물 {floor}층에 사무실이 있어서 평일엔 거의 하루 종일 이 동네에 있어요
- 저희 집은 {addr}이고 {age}세 아버지 모시고 애들까지 다섯 식구가 살아요
- {station} 근처 {road}에서 {yrs}년째 반찬가게를 하고 있는 사람입니다
- 맞벌이라 아침마다 애 맡기고 {bus}번 버스 타고 출근하는 직장인이에요
- 매일 {mbus} 마을버스 타고 {station}까지 가서 {line}으로 갈아타는 사람이에요
- 은퇴하고 {dong}에서 아내랑 둘이 사는 {age}세 노인입니다. 컴퓨터를 잘 못해서 딸이 대신 적어주고 있어요
- {dong} 다세대주택 {floor}층에 전세로 들어온 지 {span} 된 세입자예요
- 작년 {month_num}월에 {gu}로 이사 온 신혼부부입니다
- {school} 학부모이고 {apt} {unit}에 살아요
- {dong}에서 {yrs}년째 택배 일을 하고 있어서 이 동네 골목은 거의 다 알아요
- {road} 쪽에서 작은 카페를 하는 자영업자입니다. 가게 연 지는 {n}년 됐어요
- {center} 바로 뒤 빌라 {floor}층에 사는 {yage}살 직장인이에요
- {kid} 키우면서 {dong}에 산 지 {yrs}년 된 엄마입니다
- {dong}에서 {yrs}년째 살고 있는 사람이에요. 집은 {addr} 근처예요
ko.l_routine
- 평일엔 {time}에 {exit}로 나가서 회사까지 걸어가요
- 주말마다 {park}에서 아이랑 자전거 타고 오는 길에 {market}에 들러서 장을 봐요
- 퇴근하면 보통 {ntime} 넘어서 {stop} 쪽으로 걸어서 집에 와요
- 저녁마다 {park} 한 바퀴 도는 게 {yrs}년째 하루 일과예요
- 어머니 병원 때문에 한 달에 {n}번은 {bus}번 타고 {station}까지 가요
- 매일 아침 {road} 따라서 출근해요
- 애 학원 때문에 일주일에 세 번은 {school} 앞에서 {dur}씩 기다려요
- 출퇴근은 {line}으로 하는데 집에서 {station}까지는 {n}분 정도 걸어요
- 저녁엔 강아지 데리고 {place} 쪽으로 산책을 나가요
- 일 끝나고 {market}에서 장 보고 {place2} 지나서 집에 와요
- 주말엔 {bus2}번 타고 {landmark} 쪽으로 자주 나가요
ko.l_notice
- @처음 본 게 {ldate}쯤이니까 꽤 됐어요. 그때는 별일 아닌 줄 알았어요
- @{ldate} 밤에 집에 오다가 처음 알게 됐어요
- 사실 꽤 오래됐어요. 제 기억으로는 {year}년 여름부터 그랬던 것 같아요
- @며칠 전에 {kid}하고 {park} 다녀오는 길에 봤어요
- @이웃집 할머니가 먼저 말씀해주셔서 {ldate}에 직접 가서 확인했어요
- {ldate}부터 계속 이래요
- @{ldate}에 동네 단톡방에 누가 사진을 올려서 알게 됐어요
- @출근길에 매일 보는데 {weeks} 그대로예요
- 주변에 물어보니 저만 그런 게 아니더라고요
- @{date} {time}에 {place}에서 있었던 일이에요
- 처음엔 저만 불편한 줄 알았는데 {ldate}에 반상회 갔다가 다들 똑같이 겪고 있다는 걸 알았어요
- 딱 {span} 전부터 시작됐어요
ko.l_where
- 정확한 위치는 {place}이고 {place2} 쪽에서 오다 보면 바로 보여요
- 주소로는 {addr} 근처예요. {landmark}에서 걸어서 {n}분 거리예요
- {station} {x}번 출구로 나와서 {road} 방향으로 {nn}미터쯤 가시면 돼요
- 위치는 {place}부터 {place2}까지 쭉이에요
- 지도 앱에 {addr} 치면 나오는 바로 그 앞이에요
- {apt} {unit} 창문에서 내려다보이는 자리예요
- {place2}에서 {place} 쪽으로 가는 길 중간쯤이에요
ko.l_history
- {ldate}에 {agency}에 처음 신고했어요. 접수번호가 {receipt}였는데 일주일 뒤에 "현장 확인 후 조치 예정"이라는 답만 왔어요
- 지금까지 {agency}에 {times} 전화했고 {ldate}에는 국민신문고에도 글을 올렸어요. 그때마다 담당자가 바뀌어 있더라고요
- 작년 {month_num}월에도 똑같은 일로 민원을 넣었는데 "처리 완료" 문자가 오고 {span} 만에 원래대로 돌아갔어요
- @{ldate}에 구청 {office}에 직접 찾아가서 사진까지 보여드렸는데 시 소관이라 여기 넣으라고 하시더라고요
- 120에 전화했을 때 {dur} 기다려서 겨우 연결됐는데 "관할 구청으로 이관하겠다"는 말만 듣고 끝났어요
- {center} 직원분도 알고는 계시던데 예산이 없어서 내년 {month_num}월쯤이나 될 거라고 하셨어요
- 지난번 답변에는 {ldate2}까지 조치한다고 돼 있었는데 그 날짜 지난 지가 {span}이 넘었어요
- @관리사무소에 먼저 얘기했더니 거기는 관리 구역이 아니라서 시에 말하라고 했어요
- 동네 주민 {nn}명이 같이 서명해서 {ldate}에 구청에 냈는데 아직 회신이 없어요
- 이번이 {nth} 민원이에요. 접수번호 {receipt}, {receipt2} 다 적어놨어요
- {ldate}에 담당 주무관님이랑 통화했는데 이번 달 안에 보겠다고 하시고는 그 뒤로 연락이 없어요
- 구청 홈페이지 게시판에도 {ldate}에 올렸는데 조회수만 {nn}이고 답변은 없어요
ko.l_impact
- @지난주 {weekday}에는 저희 애가 거기서 넘어져서 무릎이 다 까졌어요. 병원비만 {money} 나왔고요
- 저희 어머니가 {age}세신데 이 일 때문에 너무 힘들어하세요
- 가게 손님이 눈에 띄게 줄었어요. 지난달 매출이 그 전달보다 {pct}% 넘게 빠졌어요
- 이 일로 밤에 잠을 제대로 못 자서 {span}째 병원 다니고 있어요
- @출근이 매일 {dur}씩 늦어져서 회사에서 눈치가 보여요
- 이것 때문에 평일에 반차를 낸 것만 벌써 {n}번이에요
- @택배 기사님들도 헷갈려서 물건이 엉뚱한 데 가 있던 적이 {n}번이에요
- @이러다 진짜 누구 하나 크게 다치면 그때는 누가 책임지나요
- 그동안 여기저기 쓴 돈만 {money}이 넘어요
- @{apt} 단톡방에 사진 올렸더니 {nn}명이 자기도 봤다고 하더라고요
- @아이가 이제 그쪽으로는 안 가겠다고 해서 {dur} 넘게 돌아서 다녀요
- 주변에 같은 일 겪는 사람이 {nn}명은 넘을 거예요
- @저희 가게 앞이라 손님들이 저한테 따지세요. 제가 할 수 있는 것도 없는데요
- 이 일 때문에 이웃끼리 언성 높인 적도 {n}번 있어요
- 솔직히 이사까지 생각하고 있어요. 계약이 {ldate2}까지인데 연장 안 하려고요
- 이 일로 {span} 동안 전화만 몇십 통은 했어요
ko.l_request
- @그래서 요청드리는 건 세 가지예요. 첫째 현장 확인, 둘째 언제까지 고쳐지는지 날짜, 셋째 처리 결과를 {phone}으로 문자로 주세요
- 담당 부서에 꼭 넘겨주시고 접수번호라도 알려주세요
- @이번엔 검토하겠다는 말 말고 실제로 누가 언제 나와서 보는지 알려주세요. 제가 {time}에는 집에 있으니까 그때 오시면 안내해드릴게요
- {ldate2} 전에는 꼭 조치해 주세요. 그 주에 {event}도 있어서 더 급해요
- {subj} 문제 이번엔 꼭 해결해 주세요. 몇 년째 같은 얘기 하는 것도 지쳤어요
- @정식 공사는 나중에 하시더라도 일단 위험한 것부터 임시로라도 막아주세요
- 누가 담당인지, 언제까지 어떻게 처리되는지 {phone}으로 연락 주세요
- @처리되면 사진이라도 한 장 보내주세요. 그래야 동네 분들한테도 말씀드릴 수 있어요
- 다음 주 {weekday}까지 아무 연락 없으면 국민신문고에 다시 올리고 구의원님께도 말씀드릴 생각입니다
- @한 번만 직접 나와서 보세요. {place}에서 {time}에 {dur}만 서 계시면 무슨 말인지 아실 거예요
- 이번엔 형식적인 답변 말고 실제로 뭐가 바뀌는지 알려주세요
- @제 번호는 {phone}이에요. 현장 오실 때 연락 주시면 제가 나가서 위치 알려드릴게요
- 이번에는 꼭 끝까지 처리해 주세요. 중간에 담당자가 바뀌어도 이 글 그대로 넘겨주시고요
- 제 경우만 봐달라는 게 아니에요. 같은 처지인 사람들 다 같이 해결되게 해주세요
- 다른 건 몰라도 {subj} 건은 이번 달 안에 답 주세요
ko.l_q_context
- 제가 이걸 여쭤보는 건 {ldate}에 {agency}에 물어봤을 때 들은 거랑 홈페이지에 나온 게 달라서예요
- 작년에는 {month_num}월에 신청을 받았다고 들었는데 올해는 공고를 아무리 찾아도 없어요
- 부모님이 {age}세, {age}세이신데 두 분 다 인터넷을 못 하셔서 제가 대신 알아보고 있어요
- 블로그 글을 {n}개나 봤는데 다 말이 달라서 정확한 걸 알고 싶어요
- 다음 달 {day}일까지는 결정을 해야 해서 마음이 좀 급해요
- 직장 때문에 평일 낮에는 {center}에 갈 수가 없어서 미리 여쭤봐요
- 친구는 된다고 하고 {center}에서는 안 된다고 하고, 누구 말이 맞는지 모르겠어요
- 외국에서 {yrs}년 살다 와서 이런 절차를 잘 몰라요. 기초적인 질문이어도 양해 부탁드려요
- {ldate}에 안내문을 받긴 했는데 글씨가 작고 말이 어려워서 무슨 뜻인지 잘 모르겠어요
- 작년에 한 번 신청하려다 서류가 모자라서 못 했거든요. 이번엔 한 번에 끝내고 싶어요
ko.l_q_head
- 궁금한 게 몇 가지 있어요
- 정리하면 질문은 이거예요
- 여쭤볼 게 좀 많은데 하나씩 적을게요
- 질문만 정리해서 적을게요
ko.l_q_more
- 신청은 온라인으로만 되나요, 아니면 {center}에 가서 해도 되나요?
- 가족이 대신 신청해도 되나요? 된다면 위임장 같은 게 필요한가요?
- 필요한 서류가 뭔지도 알려주세요
- 처리되는 데 보통 며칠 걸리나요?
- 결과는 문자로 오나요, 아니면 직접 확인해야 하나요?
- 비용이 드는 거라면 대략 얼마인지도 궁금해요
- 주말에도 가능한가요?
- 작년이랑 기준이 바뀐 게 있나요?
- 마감일이 언제까지인가요?
- 문의할 수 있는 담당 부서 전화번호도 알려주세요
- 외국인 배우자도 같이 해당되나요?
- 이미 한 번 받은 적이 있어도 다시 신청할 수 있나요?
ko.l_q_close
- 위에 적은 것 중에 하나라도 답 주시면 정말 감사하겠어요. 전화는 {phone}이고 평일 저녁에는 받을 수 있어요
- 담당 부서 직통 번호라도 알려주시면 제가 직접 전화드릴게요
- {subj} 관련해서 제대로 안내받을 수 있는 곳이라도 알려주세요
- 답변은 문자로 주셔도 되고 여기에 달아주셔도 돼요
- 바쁘시겠지만 {ldate2} 전에만 알려주세요
- 혹시 제가 잘못 알고 있는 게 있으면 그것도 바로잡아 주세요
- 어디 물어볼 데가 없어서 여기에 길게 적었어요. 읽어주셔서 감사합니다
- {subj} 담당 부서가 어딘지라도 알려주시면 감사하겠습니다
ko.l_s_case
- {city}에 갔을 때 보니까 이미 하고 있더라고요. 거기는 {year}년부터 했다는데 주민 만족도가 {pct}%라고 기사에 나왔어요
- 인터넷에 찾아보니까 비슷한 걸 한 곳 하는 데 {won} 정도 든다던데 생각보다 큰돈은 아닌 것 같아요
- 옆 구에서는 작년 {month_num}월부터 시범으로 하고 있는데 반응이 꽤 좋다고 들었어요
- 제가 {city}에서 {yrs}년 살다 왔는데 거기서는 이게 당연한 거였어요
- 유튜브에서 {city} 사례를 봤는데 처음엔 반대도 있었지만 {n}년 지나니까 다들 좋아한대요
- 회사 동료가 {city} 사는데 거기는 이걸로 민원이 {pct}% 줄었다고 하더라고요
- 다른 시에서는 주민참여예산으로 했다고 들었어요. 우리 동네도 그렇게 하면 되지 않을까요
- 제가 찾아본 바로는 관련 조례도 이미 있는 것 같더라고요
ko.l_s_plan
- @처음부터 크게 하지 말고 {place}부터 {place2}까지만 {span} 정도 시범으로 해보고 반응을 보면 어떨까요
- 주민 의견은 {center}에서 설문 받으면 금방 모일 거예요. 저도 {apt} 단톡방에 돌려볼 수 있어요
- 주말에만이라도 먼저 해보면 좋겠어요
- 예산이 걱정이면 내년 예산에 조금씩 나눠서 넣는 방법도 있을 것 같아요
- 처음부터 시 전체로 하지 말고 {dong}에서 {span} 정도 시범으로 해보면 어떨까요
- 관리는 {dong} 주민자치회나 자원봉사자들이 나눠서 해도 될 것 같아요
- {school} 학부모들도 찬성할 거예요. 학부모회 단톡방에 물어봤더니 {nn}명 중에 대부분이 좋다고 했어요
- @위치는 {place2} 쪽이 제일 좋을 것 같아요. 사람도 많이 다니고 공간도 있어요
- 먼저 {span} 동안 해보고 안 되면 원래대로 돌리면 되니까 부담도 적을 거예요
ko.l_s_close
- 제 생각이 다 맞다고는 못 하겠지만 한 번만 진지하게 검토해 주세요. 필요하면 주민 서명도 받아서 내겠습니다
- 검토 결과를 알려주시면 동네 분들한테도 공유할게요
- {subj} 쪽으로 이런 의견도 있다는 것 정도는 담당 부서에 꼭 전해주세요
- 담당 부서에서 연락 주시면 제가 아는 건 다 말씀드릴게요. {phone}
- 주민 설명회 같은 게 열리면 꼭 가겠습니다
- 당장 어렵다면 언제쯤 가능할지라도 알려주세요
- 긴 글 읽어주셔서 감사합니다. 좋은 방향으로 검토해 주시리라 믿어요
- {subj} 담당하시는 분들이 한 번만 읽어봐 주세요
ko.l_p_story
- @{ldate}에 연락드렸는데 {dur}도 안 돼서 직원분이 오셨어요
- 처음엔 솔직히 기대 안 했어요. {agency}에 몇 번 말해도 안 되던 거라서요. 근데 이번엔 {n}일 만에 다 해결됐어요
- 담당하셨던 {name} 주무관님이 중간중간 전화로 진행 상황까지 알려주셨어요
- @비가 그렇게 오는데도 우비 입고 오셔서 {dur} 넘게 일하시는 걸 창문으로 봤어요
- 예전에도 한 번 도움 받은 적이 있는데 이번에 또 신세를 졌네요
- @제가 말을 두서없이 했는데도 끝까지 들어주시고 {place}까지 같이 가서 확인해주셨어요
- 제가 말을 두서없이 했는데도 끝까지 들어주시고 하나하나 설명해주셨어요
- @끝나고 나서 사진까지 찍어서 문자로 보내주셨어요. 이런 건 처음이에요
- 주말인데도 {ldate}에 바로 연락이 와서 깜짝 놀랐어요
- 동네 어르신들도 {market} 앞에서 만날 때마다 그 얘기를 하세요
- {kid}도 그 뒤로 고맙다고 인사하러 가자고 해요
ko.l_p_close
- 이런 분들 칭찬 좀 많이 해주세요. 인사고과에도 반영되면 좋겠어요
- 시장님께도 꼭 전해주세요. 이 동네에서 {yrs}년 살면서 처음으로 세금 아깝지 않다고 느꼈어요
- {subj} 담당하시는 분들 다 고생 많으세요. 꼭 전해주세요
- @담당자분 성함을 정확히 몰라서 {ldate}에 {place}에 오셨던 분이라고만 적을게요. 꼭 전해주세요
- 앞으로도 이렇게만 해주세요. 진심으로 감사드립니다
- 담당자분 성함을 정확히 몰라서 {ldate}에 통화했던 분이라고만 적을게요. 꼭 전해주세요
- 저희 가족 모두 고마워하고 있어요. 날씨 궂은데 건강 챙기세요
- 민원만 쓰다가 처음으로 칭찬 글 써보네요. 정말 감사합니다
- {subj} 때문에 속 썩던 게 해결돼서 정말 기뻐요. 감사합니다
ko.l_o_musing
- 제가 이 동네 온 {year}년만 해도 이렇지 않았어요. 그땐 {road}도 지금보다 훨씬 한산했죠
- 뉴스에서는 {pct}%가 좋아졌다고 하는데 체감은 잘 모르겠어요
- 다른 구 사는 친구들이랑 얘기해보면 다들 비슷비슷하더라고요
- 이런 건 결국 사람들 생각이 바뀌어야 하는 문제 같기도 해요
- 예전에 {city} 여행 갔을 때 보니까 거기도 비슷한 문제로 고민하더라고요
- 세금은 매년 오르는데 달라지는 건 잘 모르겠다는 게 솔직한 마음이에요
- 그렇다고 시에서 다 해줄 수 있는 것도 아니라는 건 알아요
- 동네 어르신들 얘기 들어보면 옛날이 더 나았다고 하시는데 저는 잘 모르겠어요
- 요즘 {apt} 단톡방에서도 이 얘기가 종종 나와요. 의견이 반반이에요
ko.l_o_close
- 딱히 뭘 해달라는 건 아니고 주민 하나가 이렇게 느낀다는 걸 남겨두고 싶었어요
- 답변은 안 주셔도 돼요. 그냥 누가 읽기는 했으면 해서요
- 긴 글 죄송해요. 요즘 그냥 생각이 많아져서요
- 다른 분들은 어떻게 생각하시는지 궁금하네요
- 뭐 이런 생각도 있다는 정도로 봐주세요
- 쓰다 보니 길어졌네요. 그냥 그렇다고요
ko.l_pass_pre
- 아 그리고 이건 다른 얘긴데
- 참, 말 나온 김에
- 이건 급한 건 아닌데
- 여담인데
- 그러고 보니 생각났는데
- 덧붙여서 하나만 더 말하면
- 그 얘기 하다 보니 생각나는데
- 본론이랑은 상관없지만
ko.l_pass_post
- 그건 나중에 따로 민원 넣을게요
- 그건 그냥 참고로 말씀드리는 거예요
- 그건 그거고 오늘은 {subj} 얘기만 할게요
- 그건 답 안 주셔도 돼요
- 아무튼 오늘 글 쓴 건 그 얘기가 아니고요
- 그건 다른 부서 일이겠죠
- 그건 동네 사람들도 다 아는 거라 길게 안 쓸게요
- 암튼 그건 그거고요
- 그것도 신경 쓰이긴 하는데 지금 제일 급한 건 따로 있어요
- 아무튼 제가 말하려던 건 {subj} 문제예요
ko.l_pass_open
- 원래는 다른 일로 글 쓰려고 했어요
- 쓰고 싶은 게 두 가지인데 하나는 짧게만 적을게요
- 먼저 하나만 짧게 말하자면
- 요즘 동네에 불편한 게 한두 가지가 아니에요
ko.l_turn
- 근데 오늘 글 쓴 진짜 이유는 따로 있어요
- 그건 그렇고 본론으로 들어갈게요
- 근데 오늘 글 쓴 진짜 이유는 {subj} 때문이에요
- 근데 그것보다 더 급한 게 있어서요
- 아무튼 제가 정말 말씀드리고 싶은 건 이거예요
- 그런데 지금 제일 급한 건 이거예요
- 그거야 참을 수 있는데 이건 정말 못 참겠어서요
- 오늘은 {subj} 얘기 하려고 글 쓴 거예요
ko.l_ps
- 추신. 사진은 {n}장 찍어놨어요. 필요하시면 {phone}으로 연락 주세요
- P.S. 답변이 늦어지면 중간에라도 한 번 알려주세요
- ps. 제 이름은 안 나가게 해주세요. 동네가 좁아서요
- 추신: 글이 길어서 죄송합니다
- P.S. 위에 쓴 주소가 헷갈리시면 {center} 기준으로 찾으시면 돼요
- 추신. 같은 내용으로 {agency}에도 넣었어요
ko.l_sign
- {dong} {unit} {name} 드림
- {name} ({phone})
- {apt} 주민 {name} 올림
- 연락처 {phone} / {dong} 거주
- {name} 드림. 연락은 {phone}으로 주세요
- 주민 {name}
- {dong} 주민 올림
- 회신 {phone}
ko.l_spam
- ★★ 상담 가능 시간 ★★ 평일 {time}부터 {ntime}까지, 주말·공휴일도 상담 가능합니다
- ✔ 신용등급 상관없이 당일 {won}까지 가능 / 기존 대출 있으셔도 OK / 서류 간소화
- ✔ 주부, 학생, 프리랜서, 무직자도 가능합니다. 조회 기록 남지 않아요
- ※ 이번 달 선착순 {nn}명 마감 ※ 마감되면 다음 기회는 없습니다
- ☎ 상담 전화 {phone} (통화가 어려우면 문자 남겨주세요, 바로 연락드립니다)
- ▶ 자세한 내용과 신청서는 여기서 확인하세요 {url}
- ◆ {gu} 주민 한정 특별 혜택 ◆ 주소지만 확인되면 추가 서류 없이 바로 진행됩니다
- ■ 1:1 비밀 상담 보장 ■ 가족, 직장에 절대 연락 가지 않습니다
- ▷ 카톡 상담도 가능합니다 {kakao} 친구 추가 후 성함만 남겨주세요
- ★ 지인 추천하고 추천인 코드 입력하면 {money} 추가 지급 ★ 인원 제한 없음
- ※ 본 문자는 수신 동의하신 분께만 발송되었습니다. 원치 않으시면 무료수신거부 080-{nn}0-{nn}00
- 지금 바로 확인하세요!! 오늘 {ntime}까지 신청하신 분께만 혜택이 적용됩니다
- ◎ 원금 보장 ◎ 월 수익률 {pct}% 이상, 지난달 회원 평균 수익 {won} 인증 완료
- 더 이상 고민하지 마세요~~ 전문 상담사 {nn}명이 24시간 대기 중입니다
- [후기] {dong} 사는 {name}님 "처음엔 반신반의했는데 {n}일 만에 {won} 받았어요"
- ✅ 신청 방법: 링크 접속 → 본인 인증 → 계좌 입력 → 끝! 3분이면 됩니다
- ⚠ 지금 확인하지 않으시면 자격이 자동으로 소멸됩니다 ⚠ 소멸 후에는 재신청이 불가합니다
- 💰 {month_num}월 한정 이벤트 💰 첫 이용 고객 수수료 0원, 중도상환수수료 없음
- 👉 궁금한 점은 텔레그램 {tg}으로 문의 주세요 (24시간 답변)
- ▣ 금융기관 제휴 상품이라 안전하게 진행됩니다. 불법 업체와 비교하지 마세요
en.l_who
- I live at {apt}, {unit}. Been here since {year}.
- I'm a foreign resident, I moved to {gu} in {year} for work and I live near {station}.
- I teach English at an academy near {station} and walk through {dong} every day.
- I run a small guesthouse on {road}, about {n} minutes from {station}.
- I moved to {dong} {span} ago with my family.
- I'm a grad student renting a one-room on {road}.
- Long-time {gu} resident here, {yrs} years and counting.
- My husband is Korean, I'm from abroad, we live in {dong} with {kid}.
en.l_routine
- Every weekday I take the {bus} bus from the {stop} stop around {time}.
- On weekends I usually go running in {park} and then shop at {market}.
- I walk my dog past {place} every evening.
- I commute on {line} from {station}, it's about {n} minutes on foot from home to the station.
- I pass {place2} on my way home, usually after {ntime}.
- On Saturdays I take the {bus2} bus to {landmark}.
en.l_notice
- @I first noticed it on {ldate}, around {time}, near {place}.
- It started roughly {span} ago.
- @A neighbor posted a photo in our building's group chat on {ldate}, that's how I found out.
- @I see it every morning on my way to work, it's been like this {weeks}.
- Honestly it has been like this since at least {year}.
- @I saw it again {date} and it was exactly the same.
- I asked around and it's not just me.
en.l_where
- The exact spot is {place}, you'll see it coming from {place2}.
- Address-wise it's near {addr}, a few minutes' walk from {landmark}.
- Take exit {x} of {station} and walk about {nn} meters toward {road}.
- It's the whole stretch from {place} to {place2}.
- If you put {addr} into a map app, it's right in front of that.
en.l_history
- I reported it to {agency} on {ldate}, reference number {receipt}. A week later I got a text saying it would be checked. Nothing since.
- I've called {agency} {times} now and posted on the national e-petition site on {ldate}. Every time it's a different officer.
- Last year in {month_num} I complained about the exact same thing, got a "resolved" text, and {span} later it was back to how it was.
- @I went to {center} in person on {ldate} and showed them photos. They told me it's the city's job, so here I am.
- The last reply said it would be handled by {ldate2}. That date passed {span} ago.
- {nn} of us in the neighborhood signed a petition and handed it in on {ldate}. No reply yet.
- This is my {nth} report. Reference numbers {receipt} and {receipt2}, in case anyone wants to look them up.
en.l_impact
- @Last {weekday} {kid} tripped there and scraped both knees, the clinic bill was {money}.
- My shop has lost customers, sales last month were down about {pct}%.
- @My elderly neighbor, she's {age}, doesn't go out alone anymore because of this.
- I've taken {n} half-days off work just to deal with this.
- @Some days I'm {dur} late for work because of this and my boss is not amused.
- @Sooner or later someone is going to get seriously hurt. Who is responsible then?
- I've spent about {money} on this so far.
- @We now take a detour of {dur} just to avoid it.
- {nn} people in our building chat said the same thing happened to them.
en.l_request
- @So I'm asking for three things: someone checks the site, a date for when it will be fixed, and a text to {phone} when it's done.
- Please forward this to the right department and give me a reference number.
- Please sort out the {subj} issue this time, we've been asking for years.
- @Please don't just reply that you will review it this time. Tell me who is coming and when. I'm home around {time} and happy to show you.
- Please tell me who is handling this and by when, by text to {phone}.
- @Please at least do a temporary fix before {ldate2}, that week is {event} and it gets a lot busier.
- If nothing happens by next {weekday} I'll file it again on the e-petition site and contact my district councilor.
- @Send me a photo when it's done, I'll share it with the neighbors.
- Please follow this through to the end this time, even if the officer changes.
- Whatever else you do, please answer on the {subj} issue this month.
en.l_q_context
- The reason I'm asking: what {agency} told me on {ldate} is different from what the website says.
- My parents are {age} and {age} and can't use the internet, so I'm asking for them.
- I read {n} blog posts and they all say different things.
- I have to decide before {ldate2}, so it's a bit urgent.
- My Korean is okay for daily life but the official notices are too hard for me.
- Last year I tried to apply and was missing a document, so I want to get it right this time.
en.l_q_head
- My questions:
- A few questions:
- So, what I'd like to know:
- Here's what I need to know.
en.l_q_more
- Can I apply online or do I need to go to {center}?
- Can a family member apply for me? Do they need a power of attorney?
- Which documents do I need?
- How long does it usually take?
- Is there an English-speaking officer I can call?
- Does it cost anything, and if so roughly how much?
- Is there a deadline?
- Does the same apply to foreign residents with an ARC?
en.l_q_close
- Any answer to even one of these would help a lot. My number is {phone}, I can pick up after 6pm.
- Even just telling me where to ask about {subj} would help.
- A direct phone number for the department would also be great.
- Please reply here or by text, either is fine.
- If I got something wrong above, please correct me.
- Sorry for all the questions, there was nowhere else to ask.
- Which department handles {subj}? That alone would help.
en.l_s_case
- When I lived in {city} they already had this, and people loved it.
- I looked it up and something similar costs around {won} per site, which doesn't sound like much.
- A coworker in {city} told me complaints dropped about {pct}% after they did this.
- I saw a video about {city} doing this since {year}.
- The district next door has been piloting something like it since {month_num}, I hear it's going well.
en.l_s_plan
- @Maybe start small: just from {place} to {place2} for {span}, then see how people react.
- You could ask residents at {center}, I'm happy to share a survey in my building's group chat.
- Even just on weekends at first would be great.
- @The best spot would probably be near {place2}, lots of people pass there and there's space.
- If it doesn't work after {span}, you can just go back to how it was, low risk.
- Maybe pilot it in {dong} first for {span}.
en.l_s_close
- I know budgets are tight, but please give it a serious look. I can collect signatures if that helps.
- Please at least pass this {subj} idea to the right team.
- Please let me know what you decide, I'll share it with my neighbors.
- Happy to talk to whoever is in charge: {phone}.
- Thanks for reading such a long message.
- If it's not possible now, could you at least say when it might be?
- I hope whoever handles {subj} gets to read this.
en.l_p_story
- @It was {ldate}, around {time}, and someone came within {dur} of my call.
- Honestly I didn't expect much, I had reported things before without luck. This time it was sorted in {n} days.
- @It was pouring rain and they still worked for over {dur}, I watched from my window.
- The officer, {name}, even called me twice to update me on the progress.
- @They sent me a photo by text when it was done. First time that's ever happened.
- They explained everything patiently even though my Korean is not great.
- @They listened to my messy explanation and walked with me to {place} to check.
- Someone called me back the same day, on a weekend.
en.l_p_close
- Please make sure this reaches the officer and their boss. This deserves recognition.
- Tell the mayor too. After {yrs} years here, this is the first time I felt my taxes were well spent.
- Thanks to everyone working on {subj}, please pass it on.
- @I don't know the officer's name, it was the person who came to {place} on {ldate}. Please pass this on.
- Keep it up, and thank you again from my whole family.
- I usually only write to complain, so this is a nice change. Thank you!
- I don't know the officer's name, it was the person I spoke to on {ldate}. Please pass this on.
- So happy the {subj} thing is finally sorted. Thank you!
en.l_o_musing
- When I moved here in {year} it wasn't like this, {road} was much quieter back then.
- The news says things improved by {pct}%, but I can't say I feel it.
- Friends in other districts say the same thing.
- In {city} they argue about the same thing, so maybe it's just how big cities are.
- I know the city can't fix everything.
- Half the people in my building chat agree and half don't.
en.l_o_close
- Not asking for anything, just wanted to put it out there.
- No need to reply. I just hope someone reads it.
- Sorry for the long message, I've been thinking about this a lot lately.
- Curious whether others feel the same.
- Anyway, that's my take.
en.l_pass_pre
- Oh, and something unrelated:
- By the way,
- Not urgent, but
- Side note:
- While I'm at it,
en.l_pass_post
- That's for another day though.
- Anyway, today I just want to talk about {subj}.
- Just mentioning it, no need to reply on that.
- Anyway, that's not why I'm writing.
- But that's a different department I guess.
- I'll report that separately.
- Anyway, my point is the {subj} problem.
en.l_pass_open
- I actually wanted to write about something else first.
- Two things, the first one quickly.
- There are a few annoying things around here.
- Quick one first.
en.l_turn
- But the real reason I'm writing is this.
- But the real reason I'm writing is the {subj} problem.
- Anyway, on to the main thing.
- But this is the urgent one.
- What I really want to raise is this.
- Today I'm writing about {subj}.
en.l_ps
- P.S. I have {n} photos if anyone wants them, text {phone}.
- PS please don't share my name, it's a small neighborhood.
- P.S. if the address is confusing, use {center} as a landmark.
- PS sorry for the long message.
en.l_sign
- {name}, {dong}
- {name} ({phone})
- - {name}, resident of {apt}
- Regards, {name}
- {name}, {unit}
"""

REGISTER_W = {"Complaint": (0.6, 0.25, 0.15), "Question": (0.7, 0.2, 0.1), "Suggestion": (0.75, 0.12, 0.13),
              "Praise": (0.85, 0.1, 0.05), "Opinion": (0.5, 0.35, 0.15), "Spam": (1.0, 0.0, 0.0)}
TAIL_P = {"Complaint": 0.35, "Question": 0.2, "Suggestion": 0.2, "Praise": 0.4, "Opinion": 0.3, "Spam": 0.0}
TAIL_PREF = {
    "Complaint": {"ㅠㅠ": 3, "ㅜㅜ": 2, "ㅡㅡ": 4, ";;": 2, "😡": 2, "!!": 2, "...": 2, "!!!": 1, "ㅠ": 2, ":(": 3,
                  "💕": 0, ":)": 0.1, "👍": 0.1},
    "Question": {"ㅠㅠ": 1, "^^": 2, ";;": 1, "...": 1, "🙏": 2, "ㅠ": 1, "~": 1, "??": 3},
    "Suggestion": {"^^": 3, "~": 2, "!!": 1, "🙏": 2, "ㅎㅎ": 2, "😅": 1, ":)": 3},
    "Praise": {"^^": 3, "👍": 3, "🙏": 2, "ㅎㅎ": 3, "💕": 2, "~": 2, "!!": 2, "ㅠㅠ": 1, ":)": 3, "😡": 0, "ㅡㅡ": 0,
               ":(": 0, ";;": 0.1},
    "Opinion": {"ㅋㅋㅋ": 3, "ㅎㅎ": 3, "...": 2, ";;": 1, "🥲": 1, "ㅡㅡ": 1, "😅": 1, "lol": 3, "haha": 2},
}
KO_PUNCT = [".", ".", ".", "", "", "!", "..", "~", ","]
EN_PUNCT = [".", ".", ".", "", "!", ","]


class Msg:
    def __init__(self, r, lang, kind, S, pool, comps):
        self.r, self.lang, self.kind, self.S, self.pool = r, lang, kind, S, pool
        self.fm = Fmt((ko_values if lang == "ko" else en_values)(comps, r, S))
        self.flags = set()
        self.used_tpl, self.has_ps = set(), False  # long messages: templates already used, a P.S. already written
        w = REGISTER_W[kind]
        u = r.random()
        self.reg = "jondae" if u < w[0] else ("banmal" if u < w[0] + w[1] else "eum")

    def f(self, s):
        return s.format_map(self.fm)

    def frame(self, name):
        lst = FR.get(f"{self.lang}.{name}", [])
        if name in SPLIT_FRAMES:
            tr, te = split_pool(lst)
            lst = te if self.pool == "test" else (lst if self.pool == "all" else tr)
        if name in LONG_SPLIT:
            lst = place_bound(lst, self.S["key"] in PHYSICAL)
        return lst

    def pick(self, name):
        lst = self.frame(name)
        return self.f(self.r.choice(lst)) if lst else ""

    def sample(self, name, k):
        lst = self.frame(name)
        return [self.f(x) for x in self.r.sample(lst, min(k, len(lst)))]

    def core(self, sec):
        lst = self.S["b"].get(f"{self.lang}.{sec}", [])
        tr, te = split_pool(lst)
        if self.pool == "test":
            return te
        if self.pool == "all":
            return lst
        if self.pool == "hist" and sec == "issue":
            return tr + self.S["b"].get(f"{self.lang}.hist", [])
        return tr

    def tiny(self, letter):
        lst = self.S["b"].get(f"{self.lang}.tiny", [])
        tr, te = split_pool(lst)
        lst = te if self.pool == "test" else (lst if self.pool == "all" else tr)
        return [x[3:] for x in lst if x.startswith(letter + ":")]

    def secondary(self):
        """An aside about another topic; only place-bound sub-topics get place-bound asides."""
        if self.S["key"] in PHYSICAL and self.fm.used & LOC_KEYS:
            t = self.r.choice([x for x in TOPICS if x != self.S["topic"]])
        else:
            t = "administration" if self.S["topic"] != "administration" else "economy"
        return self.f(self.r.choice(FR[f"{self.lang}.sec.{t}"]))

    def lead_in(self, lead, core):
        """'Yesterday on my way home,' + core: lower-case the core's first letter in English."""
        if self.lang == "en" and lead.endswith((",", ":", "and", "but")) and core[:2] != "I " and not core.startswith("I'"):
            core = core[:1].lower() + core[1:]
        return lead + " " + core


# Sub-topics whose complaints are about a physical place (place details and "위치:" leads fit them).
PHYSICAL = {"bus", "subway", "parking", "bike", "roadworks", "flood", "disaster", "construction", "bridge", "fire", "crime",
            "building", "redevelop", "festival", "heritage", "tourism", "sports", "waste", "air", "noise", "trees",
            "wildlife", "park", "pavement", "sidewalk", "streetlight", "toilet", "street", "animal", "publichealth"}


def details(m, k, loc):
    pool = list(m.frame("c_detail"))
    if loc and m.S["key"] in PHYSICAL:
        pool += m.frame("c_detail_place") * 2
    picked = []
    for x in m.r.sample(pool, min(k, len(pool))):
        if x not in picked:
            picked.append(x)
    return [m.f(x) for x in picked]


def place_lead(m, parts, at):
    if m.lang == "ko" or m.r.random() < 0.5:
        pl = m.pick("placelead")
        if pl:
            parts.insert(at, pl)


def c_complaint(m, core=None):
    r = m.r
    if core is None:
        tiny = m.tiny("C")
        if tiny and r.random() < 0.08:
            m.flags.add("very short")
            return [m.f(r.choice(tiny))], "tiny"
        core = r.choice(m.core("issue"))
    core = m.f(core)
    loc = bool(m.fm.used & LOC_KEYS)
    physical = m.S["key"] in PHYSICAL
    u = r.random()
    if u < 0.07:
        m.flags.add("sarcastic complaint (praise words)")
        parts = [r.choice(m.frame("c_sarcasm")).replace("{core}", core.rstrip("."))]
        if r.random() < 0.4:
            parts += details(m, 1, loc)
        if r.random() < 0.3:
            parts.append(m.pick("c_request"))
        return parts, "sarcasm"
    if u < 0.16:
        parts = [core]
        if physical and not loc and r.random() < 0.6:
            place_lead(m, parts, 0)
        if r.random() < 0.6:
            parts.append(m.pick("c_request"))
        return parts, "terse"
    long = r.random() < 0.4
    ramble = long and r.random() < 0.3
    parts = []
    if m.reg != "banmal" and r.random() < (0.5 if long else 0.3):
        parts.append(m.pick("greet"))
    if r.random() < (0.65 if long else 0.3):
        parts.append(m.pick("intro"))
    at = len(parts)
    parts.append(m.lead_in(m.pick("story"), core) if r.random() < (0.45 if long else 0.15) else core)
    if physical and not loc and r.random() < 0.5:
        place_lead(m, parts, at)
        at = len(parts) - 1
    n = r.randint(3, 5) if ramble else (r.randint(2, 4) if long else r.choice([0, 1, 1, 1, 2]))
    parts += details(m, n, loc)
    rambles = m.frame("ramble") + (m.frame("ramble_place") if loc and physical else [])
    for x in r.sample(rambles, r.randint(1, 2) if ramble else (1 if long and r.random() < 0.3 else 0)):
        parts.insert(r.randint(at + 1, len(parts)), m.f(x))
    for _ in range(r.randint(1, 2) if ramble else (1 if r.random() < (0.45 if long else 0.15) else 0)):
        parts.insert(r.randint(at + 1, len(parts)), m.secondary())
        m.flags.add("aside about a second topic")
    if r.random() < 0.35:
        parts.append(m.pick("c_emotion"))
    if r.random() < 0.06:
        m.flags.add("complaint ending in an idea")
        idea = m.f(r.choice(m.core("idea")))
        parts.append(("차라리 " + idea) if m.lang == "ko" else m.lead_in("Honestly,", idea))
    if r.random() < 0.85:
        parts.append(m.pick("c_request"))
    if r.random() < 0.25:
        parts.append(m.pick("c_close"))
    if r.random() < 0.15:
        parts.append(m.pick("contact"))
    if ramble:
        m.flags.add("rambling")
    return parts, "long" if long else "normal"


def c_question(m, core=None):
    r = m.r
    if core is None:
        tiny = m.tiny("Q")
        if tiny and r.random() < 0.1:
            m.flags.add("very short")
            return [m.f(r.choice(tiny))], "tiny"
        core = r.choice(m.core("ask"))
    core = m.f(core)
    parts = []
    if m.reg != "banmal" and r.random() < 0.4:
        parts.append(m.pick("greet"))
    if r.random() < (0.35 if m.lang == "ko" else 0.25):
        parts.append(m.pick("intro"))
    if r.random() < 0.15:
        # a question phrased as a complaint: annoyed, sometimes with a complaint detail, but it asks for information
        parts.append(m.pick("q_annoyed"))
        m.flags.add("question phrased as a complaint")
        if r.random() < 0.45:
            parts.append(m.pick("c_emotion") if r.random() < 0.3 else m.pick("q_vent"))
    elif r.random() < 0.5:
        parts.append(m.pick("q_lead"))
    parts.append(core)
    if r.random() < 0.15:
        others = [x for x in m.core("ask") if m.f(x) != core]
        if others:
            parts.append(m.f(r.choice(others)))
            m.flags.add("two questions")
    if r.random() < (0.55 if m.lang == "ko" else 0.4):
        parts += [m.f(x) for x in r.sample(m.frame("q_detail"), r.choice([1, 1, 2]))]
    if m.S["key"] in PHYSICAL and r.random() < 0.06:
        parts.append(m.secondary())
    if r.random() < 0.65:
        parts.append(m.pick("q_close"))
    if r.random() < 0.08:
        parts.append(m.pick("contact"))
    return parts, "normal"


def c_suggestion(m, core=None):
    r = m.r
    core = m.f(core if core is not None else r.choice(m.core("idea")))
    parts = []
    if m.reg != "banmal" and r.random() < 0.35:
        parts.append(m.pick("greet"))
    if r.random() < 0.4:
        parts.append(m.pick("intro"))
    if r.random() < 0.55:
        parts.append(m.pick("s_lead"))
    if r.random() < 0.38:
        # a suggestion that opens with a complaint: the main intent is still the idea
        parts.append(m.f(r.choice(m.core("issue"))))
        m.flags.add("suggestion opening with a complaint")
        if r.random() < 0.3:
            parts += details(m, 1, False)
        if r.random() < 0.12:
            parts.append(m.pick("ramble"))
        if r.random() < 0.2:
            parts.append(m.pick("c_emotion"))
        if r.random() < 0.7:
            core = m.lead_in(m.pick("s_bridge"), core) if m.lang == "en" else m.pick("s_bridge") + " " + core
    parts.append(core)
    if r.random() < 0.6:
        parts += [m.f(x) for x in r.sample(m.frame("s_justify"), r.choice([1, 1, 2]))]
    if r.random() < 0.08:
        parts.append(m.secondary())
    if r.random() < 0.7:
        parts.append(m.pick("s_close"))
    if r.random() < 0.06:
        parts.append(m.pick("contact"))
    return parts, "normal"


FIXED = re.compile(r"신고|민원|고쳐|치워|조치|처리|해결|정비|교체|report|fixed|complain|cleared|removed", re.I)


def c_praise(m, core=None):
    r = m.r
    if core is None:
        tiny = m.tiny("P")
        if tiny and r.random() < 0.35:
            m.flags.add("very short")
            return [m.f(r.choice(tiny))], "tiny"
        core = r.choice(m.core("good"))
    core = m.f(core)
    parts = []
    if m.reg != "banmal" and r.random() < 0.35:
        parts.append(m.pick("greet"))
    if r.random() < 0.2:
        parts.append(m.pick("intro"))
    if r.random() < 0.45:
        parts.append(m.pick("p_lead"))
    if FIXED.search(core) and r.random() < 0.35:
        # praise that recalls an earlier complaint
        core = m.lead_in(m.pick("p_past"), core)
        m.flags.add("praise recalling a complaint")
    parts.append(core)
    if r.random() < 0.55:
        parts += [m.f(x) for x in r.sample(m.frame("p_detail"), r.choice([1, 1, 2]))]
    if r.random() < 0.85:
        parts.append(m.pick("p_close"))
    if r.random() < 0.3:
        parts.append(m.pick("p_cheer"))
    return parts, "normal"


def c_opinion(m, core=None):
    r = m.r
    if core is None:
        tiny = m.tiny("O")
        if tiny and r.random() < 0.35:
            m.flags.add("very short")
            return [m.f(r.choice(tiny))], "tiny"
        core = r.choice(m.core("view"))
    core = m.f(core)
    parts = []
    if m.reg != "banmal" and r.random() < 0.06:
        parts.append(m.pick("greet"))
    if r.random() < 0.15:
        parts.append(m.pick("intro"))
    if r.random() < 0.55:
        parts.append(m.pick("o_lead"))
    parts.append(core)
    if r.random() < 0.2:
        others = [x for x in m.core("view") if m.f(x) != core]
        if others:
            parts.append(m.f(r.choice(others)))
            m.flags.add("two remarks")
    if r.random() < (0.55 if m.lang == "ko" else 0.4):
        parts += [m.f(x) for x in r.sample(m.frame("o_detail"), r.choice([1, 1, 2]))]
    if r.random() < 0.45:
        parts.append(m.pick("o_close"))
    return parts, "normal"


COMPOSE = {"Complaint": c_complaint, "Question": c_question, "Suggestion": c_suggestion, "Praise": c_praise,
           "Opinion": c_opinion}


DATE_FIXES = [("어제에도", "어제도"), ("그저께에도", "그저께도"), ("어제에 ", "어제 "), ("그저께에 ", "그저께 "),
              ("오늘 아침에 ", "오늘 아침 "), ("오늘 아침 아침에", "오늘 아침에"), ("지난달 말 아침에", "지난달 말에")]


def join_parts(r, parts, lang):
    parts = [p for p in parts if p and p.strip("\x00").strip()]
    out = []
    for i, p in enumerate(parts):
        cont = p.endswith("\x00")
        p = p.rstrip("\x00").strip()
        if out:
            out.append("\n" if (lang == "ko" and r.random() < 0.05) else " ")
        out.append(p)
        if i < len(parts) - 1 and not cont and needs_end(p):
            out.append(r.choice(KO_PUNCT if lang == "ko" else EN_PUNCT))
    text = "".join(out)
    for a, b in DATE_FIXES:
        text = text.replace(a, b)
    return text


def pick_tail(r, kind, lang):
    tails = FR[f"{lang}.tail"]
    pref = TAIL_PREF.get(kind, {})
    return r.choices(tails, weights=[pref.get(t, 0.3) for t in tails])[0]


SUBJECT_P = {"Complaint": 0.2, "Question": 0.22, "Suggestion": 0.22, "Praise": 0.15, "Opinion": 0.12}


def finish(m, parts, style):
    r, kind = m.r, m.kind
    if style != "tiny" and r.random() < SUBJECT_P[kind]:
        # the citizen names what the message is about: a label word or keyword that the message itself uses
        body = " ".join(parts).lower()
        labels = m.S["label_ko"].split("·") if m.lang == "ko" else re.split(r", | and ", m.S["label_en"])
        cands = [x for x in labels if x.split()[-1].lower() in body]
        cands += [k for k in m.S["kw"] if k in body and (m.lang == "en") == k.isascii() and len(k) > 1]
        if not cands or r.random() < 0.4:
            cands = labels[:1]  # the sub-topic's umbrella term fits any of its messages
        if cands:
            lead = m.f(r.choice(m.frame("subject")).replace("{subj}", r.choice(cands)))
            at = 1 if parts and parts[0] in m.frame("greet") else 0
            parts = parts[:at] + [lead] + parts[at:]
            m.flags.add("names its subject")
    text = join_parts(r, parts, m.lang)
    if m.lang == "ko":
        if style != "tiny":
            if m.reg == "banmal":
                text = to_banmal(text)
                m.flags.add("반말")
            elif m.reg == "eum":
                text = to_eum(text, r)
                m.flags.add("음슴체/반말 mix")
            if needs_end(text) and r.random() < 0.35:
                text += r.choice([".", ".", "!", "~", ".."])
        if r.random() < TAIL_P[kind]:
            text += (" " if r.random() < 0.5 else "") + pick_tail(r, kind, "ko")
        if r.random() < 0.22:
            before = text
            text = typo_ko(text, r, 0.35)
            if text != before:
                m.flags.add("typos / informal spelling")
        if r.random() < 0.15:
            text = despace(text, r, 0.4)
            m.flags.add("missing spaces")
        if style != "tiny" and r.random() < 0.05:
            titles = FR["ko.title"] + FR.get("ko.title." + kind, []) * 2
            text = m.f(r.choice(titles)) + "\n" + text
        if r.random() < 0.02:
            text = "[Web발신]\n" + text
    else:
        if needs_end(text) and r.random() < 0.5:
            text += r.choice([".", "!", "."])
        if r.random() < TAIL_P[kind] * 0.6:
            text += " " + pick_tail(r, kind, "en")
        if r.random() < 0.45:
            text = en_casual(text, r)
    return text.strip()


def render(r, kind, S, lang, pool, comps=None, core=None):
    comps = comps or new_comps(r, r.choice(SUB_DISTRICTS[S["key"]]) if S["key"] in SUB_DISTRICTS else None)
    m = Msg(r, lang, kind, S, pool, comps)
    parts, style = COMPOSE[kind](m, core)
    text = finish(m, parts, style)
    render.last_flags = m.flags
    return text, (comps["gu"] if m.fm.used & LOC_KEYS else None)


def render_spam(r, tpl, comps=None):
    from_type = spam_type(tpl)
    comps = comps or new_comps(r)
    m = Msg(r, tpl["lang"], "Spam", SUB[tpl["sub"]], "all", comps)
    text = m.f(tpl["text"])
    ad = from_type == "spam: ad or scam"
    if ad and tpl["lang"] == "ko":
        if r.random() < 0.3:
            for a, b in (("대출", r.choice(["대.출", "대 출", "대*출"])), ("카지노", "카.지.노"), ("카톡", "ㅋr톡"),
                         ("무료", "무.료")):
                text = text.replace(a, b)
        if r.random() < 0.35:
            official = text.startswith("[")
            text = r.choice(["[Web발신]\n", "[Web발신] "] if official else ["(광고) ", "[Web발신]\n", "★", "(광고)"]) + text
        if r.random() < 0.25 and not text.lstrip("[Web발신]\n ").startswith("["):
            text += f" 무료수신거부 080-{r.randint(100, 999)}-{r.randint(1000, 9999)}"
        if r.random() < 0.15:
            text += " " + r.choice(["!!!", "♥♥", "☆★☆", "🔥🔥🔥"])
    elif ad:
        if r.random() < 0.3:
            text = text.upper()
        if r.random() < 0.3:
            text += " " + r.choice(["🔥🔥", "💰💰💰", "!!!", "✅"])
    else:
        # abuse and gibberish vary the way people type them: a mention, a repeat, an ending
        ko = tpl["lang"] == "ko"
        if r.random() < 0.35:
            text = r.choice(["@sotongcity ", "@sotong_mayor ", "@sotong_traffic ", "ㄹㅇ " if ko else "honestly "]) + text
        if r.random() < 0.6:
            text += r.choice([" ㅋㅋ", " ㅋㅋㅋㅋ", "!!", " 진짜", " ㅗ", "...", " 어휴", "??", " ㅉㅉ"] if ko
                             else [" lol", "!!!", " smh", " 🤡", "..."])
        if r.random() < 0.12:
            text = text + " " + text
        if r.random() < 0.15:
            text = text.replace(" ", "")
    return text.strip(), (comps["gu"] if m.fm.used & LOC_KEYS else None)


LONG_SPLIT = {k.split(".", 1)[1] for k in parse_sections(LONG_FRAMES)}
for _k, _v in parse_sections(LONG_FRAMES).items():
    FR[_k] = _v
SPLIT_FRAMES |= LONG_SPLIT
LONG_MIN, LONG_MAX = 300, 1200


def place_bound(lst, physical):
    return [x[1:] if x.startswith("@") else x for x in lst if physical or not x.startswith("@")]


EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def receipt(r):
    """A 국민신문고-style receipt number: 1AA / 2AA, year and month, seven digits."""
    return f"{r.choice(['1AA', '2AA'])}-{r.randint(24, 25)}{r.randint(1, 12):02d}-{r.randint(0, 9999999):07d}"


def second_place(c, r, lang, sub):
    """Another place in the same district (every place in one message is in one district)."""
    first = (ko_values if lang == "ko" else en_values)(c, r, sub)["place"]
    for _ in range(8):
        other = (ko_values if lang == "ko" else en_values)(new_comps(r, c["gu"]), r, sub)["place"]
        if other != first:
            return other
    return other


def long_values(c, r, sub, lang):
    """Numbers, dates and a second place for long messages. Lazy: nothing is drawn unless a template asks."""
    ch = r.choice
    if lang == "ko":
        return dict(
            unit=lambda: f"{r.randint(101, 115)}동 {r.randint(2, 25)}{r.randint(1, 4):02d}호",
            floor=lambda: str(r.randint(2, 6)), year=lambda: str(r.randint(2004, 2022)),
            yrs=lambda: str(r.randint(3, 30)), month_num=lambda: str(r.randint(1, 12)), day=lambda: str(r.randint(1, 28)),
            ldate=lambda: ch([f"{r.randint(1, 12)}월 {r.randint(1, 28)}일", f"작년 {r.randint(1, 12)}월",
                              f"지난달 {r.randint(1, 28)}일", f"올해 {r.randint(1, 12)}월 초", f"{r.randint(1, 12)}월 중순"]),
            ldate2=lambda: ch([f"{r.randint(1, 12)}월 {r.randint(1, 28)}일", f"이번 달 {r.randint(1, 28)}일",
                               f"{r.randint(1, 12)}월 말"]),
            receipt=lambda: receipt(r), receipt2=lambda: receipt(r),
            nth=lambda: ch(["세 번째", "네 번째", "다섯 번째", "여섯 번째"]),
            times=lambda: ch(["두 번", "세 번", "네 번", "다섯 번", "열 번 가까이"]),
            weekday=lambda: ch(["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"]),
            pct=lambda: str(ch([12, 15, 20, 23, 30, 35, 40, 62, 70, 85])),
            office=lambda: ch(["민원실", "종합민원과", "민원봉사과", "당직실"]),
            event=lambda: ch(["동네 축제", "개학", "김장철", "추석 연휴", "설 연휴", "어린이날", "장마"]),
            city=lambda: ch(["부산", "세종", "대전", "수원", "광주", "도쿄", "싱가포르", "베를린", "타이베이", "멜버른"]),
            won=lambda: ch(["300만 원", "500만원", "1,200만 원", "2천만원", "80만 원", "150만원"]),
            place2=lambda: second_place(c, r, "ko", sub))
    return dict(
        unit=lambda: f"building {r.randint(101, 115)}, unit {r.randint(2, 25)}{r.randint(1, 4):02d}",
        floor=lambda: str(r.randint(2, 6)), year=lambda: str(r.randint(2004, 2022)),
        yrs=lambda: str(r.randint(3, 30)), month_num=lambda: ch(EN_MONTHS), day=lambda: ordinal(r.randint(1, 28)),
        ldate=lambda: ch([f"{ch(EN_MONTHS)} {r.randint(1, 28)}", f"the {ordinal(r.randint(1, 28))} of last month",
                          f"early {ch(EN_MONTHS)}"]),
        ldate2=lambda: ch([f"{ch(EN_MONTHS)} {r.randint(1, 28)}", f"the end of {ch(EN_MONTHS)}",
                           f"the {ordinal(r.randint(1, 28))}"]),
        receipt=lambda: receipt(r), receipt2=lambda: receipt(r),
        nth=lambda: ch(["third", "fourth", "fifth"]),
        times=lambda: ch(["twice", "three times", "four times", "like ten times"]),
        weekday=lambda: ch(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
        pct=lambda: str(ch([12, 15, 20, 23, 30, 35, 40, 62, 70, 85])),
        office=lambda: ch(["the civil affairs desk", "the front desk", "the duty office"]),
        event=lambda: ch(["the start of the school term", "Chuseok", "the local festival", "the rainy season",
                          "Lunar New Year"]),
        city=lambda: ch(["Busan", "Tokyo", "Singapore", "Berlin", "Melbourne", "Vancouver", "Taipei"]),
        won=lambda: ch(["3 million won", "5 million won", "12 million won", "800,000 won"]),
        place2=lambda: second_place(c, r, "en", sub))


# ---------------------------------------------------------------------------------------------------------------
# Long messages: composition. A target length is drawn first; the parts every message of its kind has come first,
# then optional blocks (a routine, where exactly, a second sentence about the problem, earlier reports, what it costs,
# rambles, a P.S.) are added in a random order, pass after pass, until the target is reached. No template is used
# twice in one message. Messages outside 300–1,200 characters after the noise is added are drawn again.
# ---------------------------------------------------------------------------------------------------------------
def long_target(r):
    """Most long messages are 300–800 characters; a tail reaches 1,200 (a beta draw, median about 600)."""
    return int(LONG_MIN + (LONG_MAX - LONG_MIN) * r.betavariate(1.3, 2.4))


def size(paras):
    return sum(len(x) + 2 for p in paras for x in p)


def fresh(m, name, k=1, lst=None):
    """Up to k entries of a frame (or of lst) that this message has not used yet, formatted."""
    pool = [x for x in (m.frame(name) if lst is None else lst) if x not in m.used_tpl]
    picked = m.r.sample(pool, min(k, len(pool)))
    m.used_tpl.update(picked)
    return [m.f(x) for x in picked]


def one(m, name, lst=None):
    got = fresh(m, name, 1, lst)
    return got[0] if got else ""


def l_details(m, k):
    """Complaint details; place-bound ones only for place-bound sub-topics that name a place."""
    lst = list(m.frame("c_detail"))
    if m.S["key"] in PHYSICAL and m.fm.used & LOC_KEYS:
        lst += m.frame("c_detail_place")
    return fresh(m, None, k, lst)


def core_of(m, S, sec):
    """The bank entries of another sub-topic, from the same language and pool as the message."""
    saved = m.S
    m.S = S
    try:
        return m.core(sec)
    finally:
        m.S = saved


def l_other(m, allow_issue):
    """A second topic mentioned in passing: another topic's situation (complaints, questions and suggestions only),
    a remark about it, or a one-line aside. Same pool as the message, same place."""
    r, gu = m.r, m.fm.vals["gu"]
    subs = [S for S in SUBS if S["topic"] != m.S["topic"] and (S["key"] not in SUB_DISTRICTS or
                                                              (m.lang == "ko" and gu in SUB_DISTRICTS[S["key"]]))]
    O = r.choice(subs)
    u = r.random()
    lst = core_of(m, O, "issue") if allow_issue and u < 0.5 else (core_of(m, O, "view") if u < 0.8 else [])
    m.flags.add("second topic in passing")
    if lst:
        return m.f(r.choice(lst))
    return m.f(r.choice(FR[f"{m.lang}.sec.{O['topic']}"]))


def with_lead(m, lead, text):
    return m.lead_in(lead, text) if m.lang == "en" else lead + " " + text


def place_other(m, paras, at, allow_issue):
    """Put the second topic before the main one (then turn back to it), after it, or in a P.S."""
    r = m.r
    other = l_other(m, allow_issue)
    u = r.random()
    if u < 0.2:
        paras.insert(at, [one(m, "l_pass_open"), other, one(m, "l_turn")])
    elif u < 0.75:
        block = [with_lead(m, one(m, "l_pass_pre"), other)]
        if r.random() < 0.6:
            block.append(one(m, "l_pass_post"))
        paras.insert(at + 1, block)
    else:
        paras.append(["P.S. " + other])
        m.has_ps = True


def postscript(m, paras):
    """One P.S. at most; only complaints mention their photos."""
    if not m.has_ps:
        lst = [x for x in m.frame("l_ps") if m.kind == "Complaint" or not re.search("사진|photo", x)]
        paras.append([one(m, None, lst)])
        m.has_ps = True


def set_subject(m, text):
    """What the writer calls the subject when they restate it ("{subj} 문제 이번엔 꼭 해결해 주세요"): a label word or
    keyword of the sub-topic that the main text uses, else the sub-topic's umbrella term."""
    labels = m.S["label_ko"].split("·") if m.lang == "ko" else re.split(r", | and ", m.S["label_en"])
    body = text.lower()
    cands = [x for x in labels if x.split()[-1].lower() in body]
    cands += [k for k in m.S["kw"] if k in body and (m.lang == "en") == k.isascii() and len(k) > 1]
    m.fm.vals["subj"] = m.r.choice(cands) if cands else labels[0]


def fill(m, paras, target, blocks):
    """Add optional blocks in a random order, pass after pass, until the message reaches its target length."""
    r = m.r
    for _ in range(3):
        r.shuffle(blocks)
        for block in blocks:
            if size(paras) >= target:
                return
            block()


def l_complaint(m, target):
    r, ko = m.r, m.lang == "ko"
    pool = m.core("issue")
    t1 = r.choice(pool)
    rest = [x for x in pool if x != t1]
    core = m.f(t1)
    set_subject(m, core)
    physical = m.S["key"] in PHYSICAL
    opening, problem, history, impact, closing = [], [], [], [], []
    if m.reg != "banmal" and r.random() < 0.55:
        opening.append(m.pick("greet"))
    opening.append(one(m, "l_who"))
    if r.random() < 0.45:
        problem.append(one(m, "l_notice"))
    problem.append(m.lead_in(m.pick("story"), core) if physical and r.random() < 0.3 else core)
    if rest and r.random() < 0.5:
        joiner = r.choice(["게다가", "그리고", "그것뿐만 아니라", "또"] if ko else ["Also,", "On top of that,", "And"])
        problem.append(with_lead(m, joiner, m.f(r.choice(rest))))
    closing.append(one(m, "l_request") if r.random() < 0.75 else m.pick("c_request"))
    if r.random() < 0.25:
        closing.append(m.pick("c_request"))
    if r.random() < 0.35:
        closing.append(m.pick("c_close"))
    paras = [opening, problem, history, impact, closing]
    blocks = [
        lambda: opening.append(one(m, "l_routine")),
        lambda: problem.extend(l_details(m, r.randint(1, 2))),
        lambda: history.extend(fresh(m, "l_history", r.randint(1, 2))),
        lambda: impact.extend(fresh(m, "l_impact", r.randint(1, 2))),
        lambda: impact.append(m.pick("c_emotion")),
        lambda: history.append(one(m, "ramble")),
        lambda: closing.append(one(m, "l_sign") if r.random() < 0.6 else m.pick("contact")),
        lambda: closing.insert(0, one(m, "l_request")),
        lambda: postscript(m, paras),
    ]
    if physical:
        blocks.append(lambda: problem.append(one(m, "l_where")))
    if r.random() < 0.6:
        place_other(m, paras, 1, allow_issue=True)
    fill(m, paras, target, blocks)
    return paras


def numbered(m, items):
    r = m.r
    style = r.choice(["1. ", "1) ", "- "] + (["첫째, "] if m.lang == "ko" else []))
    out = []
    for i, q in enumerate(items):
        if style == "첫째, ":
            out.append(["첫째, ", "둘째, ", "셋째, ", "넷째, ", "다섯째, "][i] + q)
        elif style == "- ":
            out.append("- " + q)
        else:
            out.append(style.replace("1", str(i + 1)) + q)
    return "\n".join(out)


def l_question(m, target):
    r = m.r
    core = m.f(r.choice(m.core("ask")))
    set_subject(m, core)
    opening, context, ask, closing = [], [], [], []
    if m.reg != "banmal" and r.random() < 0.6:
        opening.append(m.pick("greet"))
    if r.random() < 0.75:
        opening.append(one(m, "l_who"))
    if r.random() < 0.2:
        context.append(m.pick("q_annoyed"))
        m.flags.add("question phrased as a complaint")
    context.append(one(m, "l_q_context"))
    more = fresh(m, "l_q_more", r.randint(1, 4))
    if r.random() < 0.65:
        head = one(m, "l_q_head")
        ask.append(head + (r.choice([":", ".", ""]) if needs_end(head) else "") + "\n" + numbered(m, [core] + more) + "\x00")
    else:
        ask += [core] + more
    closing.append(one(m, "l_q_close") if r.random() < 0.7 else m.pick("q_close"))
    paras = [opening, context, ask, closing]
    blocks = [
        lambda: opening.append(one(m, "l_routine")),
        lambda: context.append(one(m, "l_q_context")),
        lambda: context.extend(fresh(m, "q_detail", r.randint(1, 2))),
        lambda: context.append(one(m, "q_vent")),
        lambda: closing.append(one(m, "l_sign") if r.random() < 0.5 else m.pick("contact")),
        lambda: closing.insert(0, one(m, "l_q_close")),
        lambda: postscript(m, paras),
    ]
    if r.random() < 0.45:
        place_other(m, paras, 2, allow_issue=True)
    fill(m, paras, target, blocks)
    return paras


def l_suggestion(m, target):
    r = m.r
    core = m.f(r.choice(m.core("idea")))
    set_subject(m, core)
    opening, problem, idea, closing = [], [], [], []
    if m.reg != "banmal" and r.random() < 0.5:
        opening.append(m.pick("greet"))
    if r.random() < 0.8:
        opening.append(one(m, "l_who"))
    if r.random() < 0.5:
        opening.append(m.pick("s_lead"))
    opened = r.random() < 0.5
    if opened:
        problem.append(m.f(r.choice(m.core("issue"))))
        m.flags.add("suggestion opening with a complaint")
        core = with_lead(m, m.pick("s_bridge"), core)
    idea.append(core)
    idea.append(one(m, "l_s_plan"))
    closing.append(one(m, "l_s_close") if r.random() < 0.7 else m.pick("s_close"))
    paras = [opening, problem, idea, closing]
    blocks = [
        lambda: opening.append(one(m, "l_routine")),
        lambda: idea.append(one(m, "l_s_case")),
        lambda: idea.extend(fresh(m, "s_justify", r.randint(1, 2))),
        lambda: idea.append(one(m, "l_s_plan")),
        lambda: closing.append(one(m, "l_sign") if r.random() < 0.5 else m.pick("contact")),
        lambda: closing.insert(0, one(m, "l_s_close")),
    ]
    if opened:
        blocks.append(lambda: problem.insert(0, one(m, "l_notice")))
        blocks.append(lambda: problem.extend(fresh(m, "l_impact", 1)))
    if r.random() < 0.35:
        place_other(m, paras, 2, allow_issue=True)
    fill(m, paras, target, blocks)
    return paras


def l_praise(m, target):
    r = m.r
    core = m.f(r.choice(m.core("good")))
    set_subject(m, core)
    opening, story, closing = [], [], []
    if m.reg != "banmal" and r.random() < 0.5:
        opening.append(m.pick("greet"))
    if r.random() < 0.6:
        opening.append(m.pick("p_lead"))
    if r.random() < 0.6:
        opening.append(one(m, "l_who"))
    if FIXED.search(core) and r.random() < 0.4:
        core = m.lead_in(m.pick("p_past"), core)
        m.flags.add("praise recalling a complaint")
    story.append(core)
    story.append(one(m, "l_p_story"))
    closing.append(one(m, "l_p_close") if r.random() < 0.7 else m.pick("p_close"))
    paras = [opening, story, closing]
    blocks = [
        lambda: story.append(one(m, "l_p_story")),
        lambda: story.extend(fresh(m, "p_detail", r.randint(1, 2))),
        lambda: opening.append(one(m, "l_routine")),
        lambda: closing.append(one(m, "p_cheer")),
        lambda: closing.append(one(m, "l_sign")),
        lambda: closing.insert(0, one(m, "l_p_close")),
    ]
    if r.random() < 0.3:
        place_other(m, paras, 1, allow_issue=False)
    fill(m, paras, target, blocks)
    return paras


def l_opinion(m, target):
    r = m.r
    pool = m.core("view")
    t1 = r.choice(pool)
    rest = [x for x in pool if x != t1]
    opening, body, closing = [], [], []
    if r.random() < 0.5:
        opening.append(m.pick("o_lead"))
    if r.random() < 0.5:
        opening.append(one(m, "l_who"))
    body.append(m.f(t1))
    set_subject(m, body[0])
    body.append(one(m, "l_o_musing"))
    closing.append(one(m, "l_o_close") if r.random() < 0.6 else m.pick("o_close"))
    paras = [opening, body, closing]
    blocks = [
        lambda: body.append(one(m, "l_o_musing")),
        lambda: body.extend(fresh(m, "o_detail", r.randint(1, 2))),
        lambda: opening.append(one(m, "l_routine")),
    ]
    if rest:
        blocks.append(lambda: body.insert(1, m.f(r.choice(rest))))
    if r.random() < 0.4:
        place_other(m, paras, 1, allow_issue=False)
    fill(m, paras, target, blocks)
    return paras


LONG_COMPOSE = {"Complaint": l_complaint, "Question": l_question, "Suggestion": l_suggestion, "Praise": l_praise,
                "Opinion": l_opinion}


def finish_long(m, paras):
    """Paragraphs joined by blank lines, line breaks or nothing (one wall of text); then the same noise as short
    messages: registers, a web-form title, informal spelling, missing spaces, English casing."""
    r, kind, ko = m.r, m.kind, m.lang == "ko"
    sep = r.choices(["\n\n", "\n", " "], [0.45, 0.35, 0.2])[0]
    blocks = []
    for p in paras:
        p = [x for x in p if x and x.strip("\x00").strip()]
        if not p:
            continue
        b = join_parts(r, p, m.lang)
        if needs_end(b) and (sep == " " or r.random() < 0.6):
            b += r.choice([".", ".", "!", "~"] if ko else [".", ".", "!"])
        blocks.append(b)
    text = sep.join(blocks)
    m.flags.add("long: one block" if sep == " " else "long: paragraphs")
    if ko:
        if m.reg == "banmal":
            text = to_banmal(text)
            m.flags.add("반말")
        elif m.reg == "eum":
            text = to_eum(text, r)
            m.flags.add("음슴체/반말 mix")
        if r.random() < TAIL_P[kind]:
            text += (" " if r.random() < 0.5 else "") + pick_tail(r, kind, "ko")
        if r.random() < 0.3:
            before = text
            text = typo_ko(text, r, 0.3)
            if text != before:
                m.flags.add("typos / informal spelling")
        if r.random() < 0.06:
            text = despace(text, r, 0.3)
            m.flags.add("missing spaces")
        if r.random() < 0.3:
            titles = FR["ko.title"] + FR.get("ko.title." + kind, []) * 2
            text = m.f(r.choice(titles)) + "\n" + text
    else:
        if r.random() < TAIL_P[kind] * 0.6:
            text += " " + pick_tail(r, kind, "en")
        if r.random() < 0.4:
            text = en_casual(text, r)
    return text.strip()


def render_long(r, kind, S, lang, pool):
    for _ in range(80):
        comps = new_comps(r, r.choice(SUB_DISTRICTS[S["key"]]) if S["key"] in SUB_DISTRICTS else None)
        m = Msg(r, lang, kind, S, pool, comps)
        m.fm.vals["phone"], m.fm.vals["name"] = m.fm.vals["phone"](), m.fm.vals["name"]()  # one writer
        text = finish_long(m, LONG_COMPOSE[kind](m, long_target(r)))
        if LONG_MIN <= len(text) <= LONG_MAX:
            render_long.last_flags = m.flags | {"long message"}
            return text, (comps["gu"] if m.fm.used & LOC_KEYS else None)
    sys.exit(f"generate.py: no long {kind} message for {S['key']} within {LONG_MIN}-{LONG_MAX} characters")


def render_long_spam(r, pool):
    """A long advertisement or scam in Korean: one or two templates (from the message's split, any topic: the topic is
    the one the first template pretends to be about) and the extra lines of a long ad, one a line."""
    ads = []
    for topic in TOPICS:
        tr, te = split_pool([t for t in SPAM_T if t["topic"] == topic])
        ads += [t for t in (te if pool == "test" else tr) if spam_type(t) == "spam: ad or scam" and t["lang"] == "ko"]
    for _ in range(80):
        tpl = r.choice(ads)
        comps = new_comps(r)
        m = Msg(r, tpl["lang"], "Spam", SUB[tpl["sub"]], pool, comps)
        lines = [m.f(tpl["text"])]
        target = r.randint(LONG_MIN, 700)
        extra = m.frame("l_spam")
        for x in r.sample(extra, len(extra)):
            if sum(len(l) + 1 for l in lines) >= target:
                break
            lines.append(m.f(x))
        # short of the target: a second advertisement of the same split (the same topic if there is one), then the
        # first one again, as these messages repeat themselves
        if sum(len(l) + 1 for l in lines) < target or r.random() < 0.3:
            others = [t for t in ads if t is not tpl]
            same = [t for t in others if t["topic"] == tpl["topic"]]
            if others:
                lines.insert(r.randint(1, len(lines)), m.f(r.choice(same or others)["text"]))
        if sum(len(l) + 1 for l in lines) < target:
            lines.append("다시 한번 안내드립니다 " + m.f(tpl["text"]))
        text = "\n".join(lines)
        if tpl["lang"] == "ko" and r.random() < 0.5:
            text = r.choice(["(광고)", "[Web발신]\n(광고)", "[Web발신]"]) + " " + text
        if LONG_MIN <= len(text) <= LONG_MAX:
            return text.strip(), (comps["gu"] if m.fm.used & LOC_KEYS else None), tpl
    sys.exit("generate.py: could not compose a long spam message")


# ---------------------------------------------------------------------------------------------------------------
# Organisation: the demo division codes (read from DemoOrganization.cs when it is there, for validation).
# ---------------------------------------------------------------------------------------------------------------
ORG_FILE = os.path.join(HERE, "..", "..", "src", "Sotong.Core", "Organization", "Demo", "DemoOrganization.cs")


def demo_division_codes():
    try:
        with open(ORG_FILE, encoding="utf-8") as f:
            return re.findall(r'new\("([A-Z]+-[A-Z]+)", "[^"]+", "[^"]+", ChannelField', f.read())
    except OSError:
        return None


LEGACY_DIVISION = {"TRN-PED": "TRN-POL", "PRK-LND": "PRK-POL", "PRK-ECO": "PRK-POL", "ENV-LIV": "ENV-POL",
                   "HOU-RNT": "HOU-POL", "COMM-SMC": "COMM-CIT", "SAF-FAC": "SAF-PLN", "WFM-CHD": "WFM-CHC",
                   "EDU-YTH": "EDU-POL", "ECO-FAI": "ECO-POL", "HLT-ANM": "HLT-POL", "TOU-FAC": "TOU-SPT",
                   "URB-MGT": "URB-POL", "URB-FAC": "URB-POL", "TRN-OPS": "TRN-POL", "ADM-INF": "ADM-GEN"}

# ---------------------------------------------------------------------------------------------------------------
# corpus.jsonl
# ---------------------------------------------------------------------------------------------------------------
KIND_N = {"Praise": 450, "Complaint": 700, "Suggestion": 450, "Question": 500, "Opinion": 450, "Spam": 450}
TOPIC_W = {"transport": 1.5, "safety": 1.2, "housing": 1.0, "culture": 0.95, "welfare": 0.9, "health": 0.9,
           "education": 0.95, "economy": 0.85, "environment": 1.15, "roads": 1.15, "administration": 0.95}
SPAM_TOPIC_W = {t: (4.0 if t == "administration" else 1.0) for t in TOPICS}
EN_SHARE = 0.2
TEST_SHARE = 0.2


def allocate(total, weights):
    s = sum(weights.values())
    raw = {k: total * w / s for k, w in weights.items()}
    base = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: base[k] - raw[k])[: total - sum(base.values())]:
        base[k] += 1
    return base


def spam_pool(topic, lang, pool, r=None):
    """Reserved templates for test, the others for train; then a spam type, then the language if possible."""
    group = [t for t in SPAM_T if t["topic"] == topic]
    tr, te = split_pool(group)
    chosen = te if pool == "test" else tr
    if r is not None:
        by_type = defaultdict(list)
        for t in chosen:
            by_type[spam_type(t)].append(t)
        types = [k for k in SPAM_TYPE_W if by_type[k]]
        chosen = by_type[r.choices(types, [SPAM_TYPE_W[k] for k in types])[0]]
    in_lang = [t for t in chosen if t["lang"] == lang]
    return in_lang or chosen


ABUSE = re.compile(r"ㅅㅂ|새끼|ㅂㅅ|ㅗㅗ|꺼져|f\*\*\*|idiots|개같|놈|병신|ㄲㅈ|scum|도둑|미친")
SPAM_TYPE_W = {"spam: ad or scam": 0.55, "spam: abuse": 0.25, "spam: gibberish, chain letter, campaign": 0.2}


def spam_type(tpl):
    t = tpl["text"]
    if ABUSE.search(t):
        return "spam: abuse"
    if any(k in t for k in ("{url}", "{phone}", "{kakao}", "{tg}", "DM me")):
        return "spam: ad or scam"
    return "spam: gibberish, chain letter, campaign"


def build_corpus():
    r = random.Random(SEED_CORPUS)
    rows, seen = [], set()
    for kind in KINDS:
        alloc = allocate(KIND_N[kind], SPAM_TOPIC_W if kind == "Spam" else TOPIC_W)
        for topic in TOPICS:
            n = alloc[topic]
            n_test = int(n * TEST_SHARE + 0.5)
            subs = SUBS_BY_TOPIC[topic]
            offset = r.randrange(len(subs))
            for i in range(n):
                split = "test" if i < n_test else "train"
                lang = "en" if r.random() < EN_SHARE else "ko"
                S = subs[(i + offset) % len(subs)]
                for _ in range(200):
                    if kind == "Spam":
                        tpl = r.choice(spam_pool(topic, lang, split, r))
                        text, district = render_spam(r, tpl)
                        S, lang_out = SUB[tpl["sub"]], tpl["lang"]
                        flags = {spam_type(tpl)}
                    else:
                        text, district = render(r, kind, S, lang, split)
                        lang_out = lang
                        flags = render.last_flags
                    if text not in seen:
                        break
                seen.add(text)
                rows.append(dict(text=text, lang=lang_out, kind=kind, topic=topic, district=district,
                                 division=S["div"], split=split, _sub=S["key"], _flags=flags))
    r.shuffle(rows)
    for i, row in enumerate(rows, 1):
        row["id"] = f"c{i:05d}"
    return rows


# ---------------------------------------------------------------------------------------------------------------
# history.csv
# ---------------------------------------------------------------------------------------------------------------
H_ROWS = 6000
H_KIND_W = {"Complaint": 0.45, "Question": 0.25, "Suggestion": 0.10, "Opinion": 0.08, "Praise": 0.07, "Spam": 0.05}
H_TOPIC_W = {"transport": 0.28, "safety": 0.18, "housing": 0.11, "culture": 0.10, "environment": 0.07, "roads": 0.07,
             "welfare": 0.05, "health": 0.04, "education": 0.04, "economy": 0.03, "administration": 0.03}
H_HOUR_W = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2.5, 4, 5, 5, 4.5, 4, 4.5, 4.5, 4.5, 4.3, 4, 4, 3.5, 3.5, 3.5, 3, 2]
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def noisy_division(r, div, codes):
    if r.random() < 0.5 and div in LEGACY_DIVISION:
        return LEGACY_DIVISION[div]
    prefix = div.split("-")[0]
    siblings = [c for c in codes if c.startswith(prefix + "-") and c != div]
    return r.choice(siblings) if siblings else LEGACY_DIVISION.get(div, div)


def build_history(corpus_texts, codes):
    r = random.Random(SEED_HISTORY)
    rows, seen = [], set(corpus_texts)
    kinds, kw = list(H_KIND_W), list(H_KIND_W.values())
    topics, tw = list(H_TOPIC_W), list(H_TOPIC_W.values())
    noise = Counter()
    while len(rows) < H_ROWS:
        kind = r.choices(kinds, kw)[0]
        topic = r.choices(topics, tw)[0]
        month = r.randint(1, 12)
        lang = "en" if r.random() < 0.12 else "ko"
        if kind == "Spam":
            tpl = r.choice(spam_pool(topic, lang, "train", r))
            text, _ = render_spam(r, tpl)
            S = SUB[tpl["sub"]]
        else:
            subs = SUBS_BY_TOPIC[topic]
            S = r.choices(subs, [3 if month in s["months"] else 1 for s in subs])[0]
            text, _ = render(r, kind, S, lang, "hist")
        if text in seen:
            continue
        seen.add(text)
        rows.append(history_row(r, text, S, kind, topic, month, codes, noise))
    return rows, noise


def history_row(r, text, S, kind, topic, month, codes, noise):
    """One history row: sometimes a wrong or older division, sometimes blank labels, a time in the given month."""
    div = S["div"]
    if r.random() < 0.03:
        div = noisy_division(r, div, codes)
        noise["division"] += 1
    k, t = kind, topic
    u = r.random()
    if u < 0.06:
        k = t = ""
    elif u < 0.10:
        k = ""
    elif u < 0.13:
        t = ""
    noise["kind_empty"] += k == ""
    noise["topic_empty"] += t == ""
    day = r.randint(1, DAYS_IN_MONTH[month - 1])
    hour = r.choices(range(24), H_HOUR_W)[0]
    ts = f"2025-{month:02d}-{day:02d}T{hour:02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}+09:00"
    return dict(text=text, division=div, kind=k, topic=t, received_at=ts, _kind=kind, _topic=topic)


# ---------------------------------------------------------------------------------------------------------------
# Long messages in corpus.jsonl and history.csv. Their own seeds, so the short messages, history rows and pairs
# above come out exactly as before the long family was added.
# ---------------------------------------------------------------------------------------------------------------
SEED_LONG = 20261124
SEED_HISTORY_LONG = 20261125
LONG_KIND_N = {"Praise": 35, "Complaint": 170, "Suggestion": 70, "Question": 70, "Opinion": 30, "Spam": 25}
LONG_EN_SHARE = 0.15
H_LONG_ROWS = 800
H_LONG_KIND_W = {"Complaint": 0.6, "Question": 0.15, "Suggestion": 0.12, "Opinion": 0.05, "Praise": 0.05, "Spam": 0.03}


def build_long_corpus(seen, first_id):
    """Long messages, appended after the short ones. The split is by kind: every fifth message of a kind, taken
    round-robin over the topics, is test (cells are too small here to take 20% of each), and test messages are built
    only from reserved entries, as in the short family."""
    r = random.Random(SEED_LONG)
    rows = []
    for kind in KINDS:
        if kind == "Spam":
            for j in range(LONG_KIND_N[kind]):
                split = "test" if j % 5 == 0 else "train"
                for _ in range(200):
                    text, district, tpl = render_long_spam(r, split)
                    if text not in seen:
                        break
                seen.add(text)
                rows.append(dict(text=text, lang=tpl["lang"], kind=kind, topic=tpl["topic"], district=district,
                                 division=SUB[tpl["sub"]]["div"], split=split, _sub=tpl["sub"],
                                 _flags={"long message", "spam: ad or scam"}))
            continue
        alloc = allocate(LONG_KIND_N[kind], TOPIC_W)
        slots = sorted(((t, i) for t in TOPICS for i in range(alloc[t])), key=lambda s: (s[1], TOPICS.index(s[0])))
        offsets = {t: r.randrange(len(SUBS_BY_TOPIC[t])) for t in TOPICS}
        for j, (topic, i) in enumerate(slots):
            split = "test" if j % 5 == 0 else "train"
            subs = SUBS_BY_TOPIC[topic]
            S = subs[(i + offsets[topic]) % len(subs)]
            lang = "en" if r.random() < LONG_EN_SHARE else "ko"
            for _ in range(200):
                text, district = render_long(r, kind, S, lang, split)
                if text not in seen:
                    break
            seen.add(text)
            rows.append(dict(text=text, lang=lang, kind=kind, topic=topic, district=district, division=S["div"],
                             split=split, _sub=S["key"], _flags=render_long.last_flags))
    r.shuffle(rows)
    for i, row in enumerate(rows, first_id):
        row["id"] = f"c{i:05d}"
    return rows


def build_history_long(seen, codes):
    """Long rows for history.csv: the history's topic mix and seasons, a kind mix heavier on complaints, train-side
    fragments and the history-only situations, and the same noise (wrong or older divisions, blank labels)."""
    r = random.Random(SEED_HISTORY_LONG)
    rows, noise = [], Counter()
    kinds, kw = list(H_LONG_KIND_W), list(H_LONG_KIND_W.values())
    topics, tw = list(H_TOPIC_W), list(H_TOPIC_W.values())
    while len(rows) < H_LONG_ROWS:
        kind = r.choices(kinds, kw)[0]
        month = r.randint(1, 12)
        if kind == "Spam":
            text, _, tpl = render_long_spam(r, "train")
            S, topic = SUB[tpl["sub"]], tpl["topic"]
        else:
            topic = r.choices(topics, tw)[0]
            subs = SUBS_BY_TOPIC[topic]
            S = r.choices(subs, [3 if month in s["months"] else 1 for s in subs])[0]
            text, _ = render_long(r, kind, S, "en" if r.random() < 0.12 else "ko", "hist")
        if text in seen:
            continue
        seen.add(text)
        rows.append(history_row(r, text, S, kind, topic, month, codes, noise) | {"_long": True})
    return rows, noise


# ---------------------------------------------------------------------------------------------------------------
# pairs.jsonl
# ---------------------------------------------------------------------------------------------------------------
def inc_loc_key(inc):
    s = inc["ko"][0]
    for k in ("exit", "park", "stop", "place"):
        if "{" + k + "}" in s:
            return k
    return "place"


def edit_variant(r, text, lang, comps):
    ops = []
    t = text
    choices = ["greeting", "typos", "spacing", "contact", "sentence", "punctuation", "resent", "drop_last"]
    for op in r.sample(choices, r.randint(1, 3)):
        before = t
        if op == "greeting":
            t = (r.choice(["안녕하세요 ", "안녕하세요. ", "수고하십니다. ", "저기요 "]) if lang == "ko"
                 else r.choice(["Hi, ", "Hello. ", "Hi again, "])) + t
        elif op == "typos":
            t = typo_ko(t, r, 0.7) if lang == "ko" else en_casual(t, r)
        elif op == "spacing":
            t = despace(t, r, 0.5) if r.random() < 0.6 else t.replace(" ", "  ", r.randint(1, 3))
        elif op == "contact":
            found = re.search(r"010-\d{4}-\d{4}", t)
            t = t.replace(found.group(0), phone(r)) if found else t + (" 연락처 " if lang == "ko" else " My number: ") + phone(r)
        elif op == "sentence":
            extra = r.choice(FR["ko.c_detail"] if lang == "ko" else FR["en.c_detail"])
            extra = extra.format_map(Fmt((ko_values if lang == "ko" else en_values)(comps, r, None)))
            t = t.rstrip() + (". " if needs_end(t) else " ") + extra
        elif op == "punctuation":
            t = re.sub(r"[\s.!?~ㅠㅜㅡ;^😡🙏👍😭]+$", "", t) + r.choice(["!!", " ㅠㅠ", "...", "??", " 🙏"] if lang == "ko"
                                                                     else ["!!", "...", " :(", "??"])
        elif op == "resent":
            t = r.choice(["(재전송) ", "다시 보냅니다. ", "[재문의] "] if lang == "ko" else ["(resending) ", "Again: "]) + t
        elif op == "drop_last":
            sents = re.split(r"(?<=[.!?])\s+", t)
            if len(sents) >= 3:
                t = " ".join(sents[:-1])
        if t != before:
            ops.append(op)
    return t, ops


def change_location(r, comps, key):
    c = dict(comps)
    D = DIST[c["gu"]]
    if key == "bus":
        old = c["bus"]
        while c["bus"] == old:
            c["bus"] = make_bus(r)
        return c, f"bus {old} vs {c['bus']}"
    if key == "exit" or (key == "place" and c["place_form"] == "exit"):
        old = c["x"]
        while c["x"] == old:
            c["x"] = r.randint(1, 10)
        return c, f"exit {old} vs {c['x']} of the same station"
    if key == "park" or (key == "place" and c["place_form"] == "park"):
        old = c["park"]
        c["park"] = (old + 1) % len(D["parks"])
        return c, f"{D['parks'][old][0]} vs {D['parks'][c['park']][0]}"
    if key == "stop":
        old_dong = c["dong"]
        c["dong"] = r.choice([d for d in D["dongs"] if d != old_dong])
        c["stop_form"] = r.choice(["center", "market", "school", "cross"])
        return c, f"bus stop near {old_dong} vs {c['dong']}"
    form = c["place_form"]
    if form == "addr":
        old = c["num"]
        c["num"] = r.choice([old + r.randint(2, 30), max(1, old - r.randint(2, 30)), int(str(old)[::-1]) or old + 100])
        if c["num"] == old:
            c["num"] += 11
        return c, f"same road, number {old} vs {c['num']}"
    if form in ("center", "school", "cross", "market", "shop"):
        old = c["dong"]
        c["dong"] = r.choice([d for d in D["dongs"] if d != old])
        return c, f"{form} in {old} vs {c['dong']}"
    if form == "apt":
        old = c["brand"]
        c["brand"] = r.choice([b for b in APT_BRANDS if b != old])
        return c, f"apartment complex {old} vs {c['brand']}"
    if form == "jibun":
        old = c["jibun"]
        c["jibun"] = f"{r.randint(10, 999)}-{r.randint(1, 40)}"
        return c, f"lot {old} vs {c['jibun']}"
    old = c["lm"]
    c["lm"] = (old + 1) % len(D["landmarks"])
    return c, f"{D['landmarks'][old][0]} vs {D['landmarks'][c['lm']][0]}"


def build_pairs():
    r = random.Random(SEED_PAIRS)
    pairs = []

    def msg(kind, S, lang, comps, core=None, seed=None):
        rr = random.Random(seed if seed is not None else r.getrandbits(48))
        return render(rr, kind, S, lang, "all", comps, core)[0]

    def inc_text(inc, lang, exclude=None):
        opts = [p for p in inc[lang] if p != exclude] or inc[lang]
        return r.choice(opts)

    # same = true: edited copies
    while len(pairs) < 110:
        S = r.choice(SUBS)
        kind = r.choices(["Complaint", "Question", "Suggestion"], [0.7, 0.2, 0.1])[0]
        lang = "en" if r.random() < 0.2 else "ko"
        comps = new_comps(r)
        a = msg(kind, S, lang, comps)
        b, ops = edit_variant(r, a, lang, comps)
        if ops and a != b:
            pairs.append(dict(a=a, b=b, same=True, note="copy-paste with small edits: " + ", ".join(ops)))
    # same = true: the same incident reported by different people
    n0 = len(pairs)
    while len(pairs) < n0 + 90:
        inc = r.choice(INC)
        S = SUB[inc["sub"]]
        comps = new_comps(r)
        la = "en" if r.random() < 0.12 else "ko"
        lb = "en" if r.random() < 0.12 else "ko"
        pa = inc_text(inc, la)
        pb = inc_text(inc, lb, exclude=pa)
        comps_b = dict(comps)
        if r.random() < 0.3:
            comps_b["place_var"] = r.randint(0, 9)
        a = msg("Complaint", S, la, comps, pa)
        b = msg("Complaint", S, lb, comps_b, pb)
        if a != b:
            pairs.append(dict(a=a, b=b, same=True,
                              note=f"same incident ({inc['key']}) at the same place, reported by different people"
                                   + (" in two languages" if la != lb else "")))
    # same = false: template-similar, different bus / exit / number / place
    n0 = len(pairs)
    while len(pairs) < n0 + 50:
        inc = r.choice(INC)
        S = SUB[inc["sub"]]
        lang = "en" if r.random() < 0.15 else "ko"
        core = inc_text(inc, lang)
        comps = new_comps(r)
        key = "bus" if "{bus}" in core else inc_loc_key(inc)
        comps_b, what = change_location(r, comps, key)
        seed = r.getrandbits(48)
        a = msg("Complaint", S, lang, comps, core, seed)
        b = msg("Complaint", S, lang, comps_b, core, seed)
        if a != b:
            pairs.append(dict(a=a, b=b, same=False, note=f"same wording, different place or route ({what})"))
    # same = false: same kind of problem, different place
    n0 = len(pairs)
    while len(pairs) < n0 + 55:
        inc = r.choice(INC)
        S = SUB[inc["sub"]]
        lang = "en" if r.random() < 0.12 else "ko"
        comps = new_comps(r)
        same_gu = r.random() < 0.6
        comps_b = new_comps(r, comps["gu"] if same_gu else None)
        pa = inc_text(inc, lang)
        pb = pa if r.random() < 0.5 else inc_text(inc, lang, exclude=pa)
        a = msg("Complaint", S, lang, comps, pa)
        b = msg("Complaint", S, lang, comps_b, pb)
        if a != b:
            pairs.append(dict(a=a, b=b, same=False,
                              note=f"same problem ({inc['key']}), different place" + (" in the same district" if same_gu else "")))
    # same = false: same place, different problem
    n0 = len(pairs)
    while len(pairs) < n0 + 50:
        inc1 = r.choice(INC)
        others = [i for i in INC if i is not inc1 and inc_loc_key(i) == inc_loc_key(inc1)]
        if not others:
            continue
        inc2 = r.choice(others)
        lang = "en" if r.random() < 0.12 else "ko"
        comps = new_comps(r)
        a = msg("Complaint", SUB[inc1["sub"]], lang, comps, inc_text(inc1, lang))
        b = msg("Complaint", SUB[inc2["sub"]], lang, comps, inc_text(inc2, lang))
        pairs.append(dict(a=a, b=b, same=False, note=f"same place, different problem ({inc1['key']} vs {inc2['key']})"))
    # same = false: same sub-topic, unrelated incidents
    n0 = len(pairs)
    while len(pairs) < n0 + 30:
        S = r.choice(SUBS)
        lang = "en" if r.random() < 0.15 else "ko"
        a = msg("Complaint", S, lang, new_comps(r))
        b = msg("Complaint", S, lang, new_comps(r))
        if a != b:
            pairs.append(dict(a=a, b=b, same=False, note=f"same sub-topic ({S['key']}), different incidents"))
    # same = false: unrelated
    n0 = len(pairs)
    while len(pairs) < n0 + 15:
        S1, S2 = r.sample(SUBS, 2)
        k1, k2 = r.choice(list(COMPOSE)), r.choice(list(COMPOSE))
        pairs.append(dict(a=msg(k1, S1, "ko", new_comps(r)), b=msg(k2, S2, "ko" if r.random() < 0.8 else "en", new_comps(r)),
                          same=False, note="unrelated messages"))
    r.shuffle(pairs)
    return pairs


# ---------------------------------------------------------------------------------------------------------------
# routing.json, and the router as Sotong applies it (normalised text, earliest keyword wins, else catch-all).
# ---------------------------------------------------------------------------------------------------------------
def build_routing():
    rules = []
    for topic in TOPICS:
        for S in SUBS_BY_TOPIC[topic]:
            if S["kw"]:
                kws = []
                for k in S["kw"]:
                    k = k.lower()
                    if k not in kws:
                        kws.append(k)
                rules.append(dict(topic=topic, keywords=kws, district=None, division=S["div"],
                                  note=f"{S['label_ko']} / {S['label_en']}"))
        rules.append(dict(topic=topic, keywords=[], district=None, division=TOPIC_DEFAULT_DIVISION[topic],
                          note=f"catch-all: {topic} messages no keyword rule matches"))
    return rules


def normalize(text):
    """Mirror of Sotong's TextNormalizer: lower case, digits as 0, links as 'url', runs of 3+ folded, spaces collapsed."""
    out, last_space, prev, run, i = [], True, "", 0, 0
    while i < len(text) and len(out) < 1000:
        low = text[i:i + 8].lower()
        if (i == 0 or text[i - 1].isspace()) and low.startswith(("http://", "https://", "www.")):
            while i < len(text) and not text[i].isspace():
                i += 1
            if not last_space:
                out.append(" ")
            out.append("url ")
            last_space = True
            continue
        c = text[i]
        i += 1
        if c.isdigit():
            c = "0"
        elif c.isspace():
            if not last_space:
                out.append(" ")
                last_space = True
            prev, run = " ", 0
            continue
        else:
            c = c.lower()
        run = run + 1 if c == prev else 1
        prev = c
        if run > 2 and c != "0":
            continue
        out.append(c)
        last_space = False
    return "".join(out).rstrip()


def route(rules, topic, text):
    norm = normalize(text)
    best, best_at = None, None
    for rule in rules:
        if rule["topic"] != topic:
            continue
        if not rule["keywords"]:
            if best is None:
                best, best_at = rule, 10 ** 9
            continue
        at = min((norm.find(k) for k in rule["keywords"] if norm.find(k) >= 0), default=-1)
        if at >= 0 and (best is None or not best["keywords"] or at < best_at):
            best, best_at = rule, at
    return best["division"] if best else None


# ---------------------------------------------------------------------------------------------------------------
# Checks and numbers.
# ---------------------------------------------------------------------------------------------------------------
def validate(codes):
    """Every placeholder resolves, every division exists in the demo organisation, every bank can be split."""
    r = random.Random(1)
    comps = new_comps(r)
    ko, en = Fmt(ko_values(comps, r, SUBS[0])), Fmt(en_values(comps, r, SUBS[0]))
    problems = []

    def check(s, lang, where):
        try:
            s.replace("{core}", "x").format_map(ko if lang == "ko" else en)
        except (KeyError, IndexError, ValueError) as e:
            problems.append(f"{where}: {s!r} ({e})")

    for S in SUBS:
        for sec, lst in S["b"].items():
            lang = sec.split(".")[0]
            for s in lst:
                check(s[3:] if sec.endswith("tiny") else s, lang, S["key"] + "." + sec)
        for sec in ("ko.issue", "ko.ask", "ko.idea", "ko.good", "ko.view", "en.issue", "en.ask", "en.idea", "en.good",
                    "en.view"):
            if len(S["b"].get(sec, [])) < 2:
                problems.append(f"{S['key']}.{sec}: fewer than 2 entries, cannot hold any out")
        if codes is not None and S["div"] not in codes:
            problems.append(f"{S['key']}: division {S['div']} is not in DemoOrganization.cs")
        if len(", ".join(S["kw"])) > 500:
            problems.append(f"{S['key']}: keywords longer than 500 characters")
        if any(ch.isdigit() for k in S["kw"] for ch in k):
            problems.append(f"{S['key']}: a keyword has digits (the normaliser folds them to 0)")
    for sec, lst in FR.items():
        for s in lst:
            check(s, sec.split(".")[0], sec)
    for name in LONG_SPLIT:
        for lang in ("ko", "en"):
            lst = FR.get(f"{lang}.{name}", [])
            if not lst:
                continue
            for half, part in zip(("train", "test"), split_pool(lst)):
                if len(lst) < 4 or not place_bound(part, False):
                    problems.append(f"{lang}.{name}: the {half} half has nothing for sub-topics that are not place-bound")
    for t in SPAM_T:
        check(t["text"], t["lang"], "spam")
    for inc in INC:
        for lang in ("ko", "en"):
            for s in inc[lang]:
                check(s, lang, "incident " + inc["key"])
    if codes is not None:
        for d in TOPIC_DEFAULT_DIVISION.values():
            if d not in codes:
                problems.append(f"default division {d} is not in DemoOrganization.cs")
    if problems:
        sys.exit("generate.py: bank problems:\n  " + "\n  ".join(problems))


def shingles(t):
    c = normalize(t).replace(" ", "")
    return {c[i:i + 3] for i in range(len(c) - 2)} or {c}


def nearest_similarity(queries, pool):
    """For each query text, the highest 3-gram Jaccard similarity to any pool text of the same topic."""
    by_topic = defaultdict(list)
    for row in pool:
        by_topic[row["topic"]].append(shingles(row["text"]))
    out = []
    for row in queries:
        q = shingles(row["text"])
        out.append(max((len(q & p) / len(q | p) for p in by_topic[row["topic"]]), default=0.0))
    return out


def nb_baseline(train, test, label):
    """Multinomial naive Bayes on character 1-3-grams: a floor for what the Sotong classifier should beat."""
    import math

    def feats(t):
        c = "^" + normalize(t).replace(" ", "_") + "$"
        return [c[i:i + n] for n in (1, 2, 3) for i in range(len(c) - n + 1)]

    counts, totals, docs, vocab = defaultdict(Counter), Counter(), Counter(), set()
    for row in train:
        f = feats(row["text"])
        counts[row[label]].update(f)
        totals[row[label]] += len(f)
        docs[row[label]] += 1
        vocab.update(f)
    v = len(vocab)
    labels = list(docs)
    gold, pred = [], []
    for row in test:
        f = feats(row["text"])
        best = max(labels, key=lambda y: math.log(docs[y]) + sum(
            math.log((counts[y][x] + 0.5) / (totals[y] + 0.5 * v)) for x in f))
        gold.append(row[label])
        pred.append(best)
    f1s = []
    for y in labels:
        tp = sum(1 for g, p_ in zip(gold, pred) if g == y and p_ == y)
        fp = sum(1 for g, p_ in zip(gold, pred) if g != y and p_ == y)
        fn = sum(1 for g, p_ in zip(gold, pred) if g == y and p_ != y)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(g == p_ for g, p_ in zip(gold, pred)) / len(gold), sum(f1s) / len(f1s)


def table(counter, keys, title):
    lines = [f"{title}:"] + [f"  {k:<15} {counter.get(k, 0):>5}" for k in keys]
    return "\n".join(lines)


def report(corpus, history, hnoise, pairs, rules):
    out = []
    c = Counter
    out.append(f"corpus.jsonl: {len(corpus)} messages")
    out.append(table(c(r["kind"] for r in corpus), KINDS, "by kind"))
    out.append(table(c(r["topic"] for r in corpus), TOPICS, "by topic"))
    out.append(table(c(r["split"] for r in corpus), ["train", "test"], "by split"))
    out.append(table(c(r["lang"] for r in corpus), ["ko", "en"], "by language"))
    ks = c((r["kind"], r["split"]) for r in corpus)
    out.append("kind x split (train / test):\n" + "\n".join(
        f"  {k:<15} {ks[(k, 'train')]:>5} / {ks[(k, 'test')]:<5}" for k in KINDS))
    ts = c((r["topic"], r["split"]) for r in corpus)
    out.append("topic x split (train / test):\n" + "\n".join(
        f"  {t:<15} {ts[(t, 'train')]:>5} / {ts[(t, 'test')]:<5}" for t in TOPICS))
    lens = sorted(len(r["text"]) for r in corpus)
    buckets = c("<20" if n < 20 else "20-79" if n < 80 else "80-399" if n < 400 else "400+" for n in lens)
    out.append(f"length (characters): min {lens[0]}, median {lens[len(lens) // 2]}, 90th pct {lens[int(len(lens) * .9)]},"
               f" max {lens[-1]}; " + ", ".join(f"{b}: {buckets[b]}" for b in ["<20", "20-79", "80-399", "400+"]))
    fl = Counter(f for r in corpus for f in r["_flags"])
    out.append("hard and noisy cases (messages carrying each construction):\n" + "\n".join(
        f"  {k:<40} {v:>5}" for k, v in sorted(fl.items(), key=lambda kv: -kv[1])))
    out.append(f"district named or implied: {sum(1 for r in corpus if r['district'])} of {len(corpus)}; "
               f"divisions used: {len(set(r['division'] for r in corpus))}")
    test = [r for r in corpus if r["split"] == "test"]
    train = [r for r in corpus if r["split"] == "train"]
    held = nearest_similarity(test, train)
    rr = random.Random(7)
    pseudo = rr.sample(train, len(test))
    pseudo_ids = {id(x) for x in pseudo}
    rest = [x for x in train if id(x) not in pseudo_ids]
    naive = nearest_similarity(pseudo, rest)
    mean = lambda xs: sum(xs) / len(xs)
    out.append("nearest train neighbour of each test message (character 3-gram Jaccard, same topic):\n"
               f"  template hold-out (this split): mean {mean(held):.2f}, share >= 0.6: {sum(x >= .6 for x in held) / len(held):.1%}\n"
               f"  a random row split of the same train rows: mean {mean(naive):.2f}, share >= 0.6: {sum(x >= .6 for x in naive) / len(naive):.1%}")
    lines = ["character n-gram naive Bayes (a floor, not the product's model), accuracy / macro-F1 on test:"]
    for label in ("kind", "topic"):
        a1, f1 = nb_baseline(train, test, label)
        a2, f2 = nb_baseline(rest, pseudo, label)
        lines.append(f"  {label:<6} template hold-out {a1:.1%} / {f1:.2f}   random row split {a2:.1%} / {f2:.2f}")
    out.append("\n".join(lines))
    out.append(report_long(corpus, history, train))
    ok = [route(rules, r["topic"], r["text"]) == r["division"] for r in corpus]
    okns = [o for o, r in zip(ok, corpus) if r["kind"] != "Spam"]
    out.append(f"routing.json given the true topic: right division for {sum(ok) / len(ok):.1%} of all messages, "
               f"{sum(okns) / len(okns):.1%} of non-spam")
    by_t = defaultdict(list)
    for o, r in zip(ok, corpus):
        if r["kind"] != "Spam":
            by_t[r["topic"]].append(o)
    out.append("  non-spam by topic: " + ", ".join(f"{t} {sum(v) / len(v):.0%}" for t, v in by_t.items()))
    multi = sum(1 for h in history if "\n" in h["text"])
    out.append(f"history.csv: {len(history)} rows, {multi} multi-line; "
               f"division changed to a plausible wrong or older one: {hnoise['division']}; kind empty: {hnoise['kind_empty']}; "
               f"topic empty: {hnoise['topic_empty']}")
    out.append(table(c(h["_kind"] for h in history), KINDS, "history by kind (before blanking)"))
    out.append(table(c(h["_topic"] for h in history), TOPICS, "history by topic (before blanking)"))
    out.append(f"history months: " + " ".join(f"{m}:{n}" for m, n in sorted(c(h['received_at'][5:7] for h in history).items())))
    pc = c(p["same"] for p in pairs)
    out.append(f"pairs.jsonl: {len(pairs)} pairs, same=true {pc[True]}, same=false {pc[False]}")
    out.append(table(c(re.sub(r" \(.*|:.*", "", p["note"]) for p in pairs),
                     sorted(set(re.sub(r" \(.*|:.*", "", p["note"]) for p in pairs)), "pairs by construction"))
    out.append(f"routing.json: {len(rules)} rules ({sum(1 for x in rules if x['keywords'])} keyword rules, "
               f"{sum(1 for x in rules if not x['keywords'])} catch-alls)")
    return "\n".join(out)


def pct_line(lens):
    lens = sorted(lens)
    return f"min {lens[0]}, median {lens[len(lens) // 2]}, 90th pct {lens[int(len(lens) * .9)]}, max {lens[-1]}"


def report_long(corpus, history, train):
    c = Counter
    longs = [r for r in corpus if "long message" in r["_flags"]]
    lt = [r for r in longs if r["split"] == "test"]
    ks = c((r["kind"], r["split"]) for r in longs)
    lens = [len(r["text"]) for r in longs]
    out = [f"long messages: {len(longs)} of {len(corpus)} ({len(longs) / len(corpus):.1%}); "
           f"train {len(longs) - len(lt)} / test {len(lt)}; ko {sum(r['lang'] == 'ko' for r in longs)}, "
           f"en {sum(r['lang'] == 'en' for r in longs)}",
           "  by kind (train / test): " + ", ".join(f"{k} {ks[(k, 'train')]}/{ks[(k, 'test')]}" for k in KINDS),
           f"  length: {pct_line(lens)}; 300-499: {sum(n < 500 for n in lens)}, 500-799: "
           f"{sum(500 <= n < 800 for n in lens)}, 800+: {sum(n >= 800 for n in lens)}",
           f"  in paragraphs: {sum('long: paragraphs' in r['_flags'] for r in longs)}, one block of text: "
           f"{sum('long: one block' in r['_flags'] for r in longs)}; a second topic in passing: "
           f"{sum('second topic in passing' in r['_flags'] for r in longs)}; district named or implied: "
           f"{sum(1 for r in longs if r['district'])}"]
    held = nearest_similarity(lt, train)
    out.append(f"  nearest train neighbour of each long test message: mean {sum(held) / len(held):.2f}, "
               f"share >= 0.6: {sum(x >= .6 for x in held) / len(held):.1%}")
    out.append("  naive Bayes (trained on all train messages) on the long test messages: " + ", ".join(
        f"{label} {nb_baseline(train, lt, label)[0]:.1%}" for label in ("kind", "topic")))
    hl = [len(h["text"]) for h in history if h.get("_long")]
    out.append(f"history.csv long rows: {len(hl)} of {len(history)} ({len(hl) / len(history):.1%}); length {pct_line(hl)}")
    return "\n".join(out)


def main():
    codes = demo_division_codes()
    validate(codes)
    corpus = build_corpus()
    codes = codes or sorted({S["div"] for S in SUBS})
    history, hnoise = build_history({r["text"] for r in corpus}, codes)
    corpus += build_long_corpus({r["text"] for r in corpus} | {h["text"] for h in history}, len(corpus) + 1)
    hlong, hlnoise = build_history_long({r["text"] for r in corpus} | {h["text"] for h in history}, codes)
    history = sorted(history + hlong, key=lambda x: x["received_at"])
    hnoise.update(hlnoise)
    pairs = build_pairs()
    rules = build_routing()

    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for r in corpus:
            row = {k: r[k] for k in ("id", "text", "lang", "kind", "topic", "district", "division", "split")}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "history.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["text", "division", "kind", "topic", "received_at"])
        for h in history:
            w.writerow([h["text"], h["division"], h["kind"], h["topic"], h["received_at"]])
    with open(os.path.join(HERE, "pairs.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "routing.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(rules, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(report(corpus, history, hnoise, pairs, rules))


if __name__ == "__main__":
    main()
