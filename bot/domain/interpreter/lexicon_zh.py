"""Chinese keywords, spoken forms included; each entry is space-separated phrases."""

from collections.abc import Iterator

from bot.domain.enums import RoundKind as K
from bot.domain.interpreter.query import PartOfDay as P
from bot.domain.interpreter.signals import Cue, Meaning, cue, day, kind, part, weekday

_ENTRIES: tuple[tuple[str, Meaning], ...] = (
    # Time. "还有多久" asks how long until something starts, not how long it lasts.
    (
        "几点 几点钟 什么时候 什么时间 啥时候 啥时 啥时间 何时 几时 多会儿 哪天 哪一天 "
        "几号 时间 第几 第几个 还有多久 还要多久 还得多久 要等多久 多久轮到 多久才",
        cue(Cue.WHEN),
    ),
    ("开始 结束 开赛 开考 开场", cue(Cue.START)),
    ("上场 上台 出场 登场 登台 比赛 参赛", cue(Cue.PLAY)),
    (
        "在哪 在哪里 在哪儿 哪里 哪儿 什么地方 啥地方 地点 地址 位置 方位 路线 怎么走 咋走 "
        "怎么去 咋去 怎么过去 咋过去 如何到达 几楼 几层 在几楼 哪层 哪间 哪个考场 哪个会场 "
        "哪个厅 哪个会议厅 哪个房间 哪个教室 几号考场 几号厅 几号会议厅",
        cue(Cue.WHERE),
    ),
    ("考场 会场 赛场 场地 会议厅 大厅 教室 房间 场馆", cue(Cue.PLACE)),
    (
        "安排 日程 日程表 赛程 赛程表 议程 流程 时间表 节目单 节目 有什么 有啥 都有啥 "
        "干什么 干啥 做什么 活动 计划 行程 安排表 秩序册 出场顺序 顺序",
        cue(Cue.SCHEDULE),
    ),
    (
        "多长时间 多久 多长 多少分钟 几分钟 多少时间 时长 几个小时 多少小时 持续 要多久",
        cue(Cue.HOW_LONG),
    ),
    ("台上 场上", cue(Cue.STAGE)),
    ("谁 哪个队 哪队 哪支队 哪一队 哪个代表队 哪支队伍 哪个组 什么队", cue(Cue.WHO)),
    ("现在 目前 当前 此刻 这会儿 正在 眼下", cue(Cue.NOW)),
    ("下一个 下一场 下一队 下一轮 下一位 下一组 下个 接下来 之后", cue(Cue.NEXT)),
    ("轮到 轮着 该轮到", cue(Cue.TURN)),
    ("该我们 到我们", cue(Cue.TURN, Cue.WE)),
    # The teams still ahead in the queue: asked by a contestant, about their own team.
    (
        "前面还有几个队 前面还有几支队 前面还有几支队伍 前面还有几队 前面还有多少队 "
        "前面有几个队 前面有几队 前面几个队 还有几个队 还有几队 还有几支队伍 还剩几个队",
        cue(Cue.TURN, Cue.WE),
    ),
    ("我们 咱们 俺们 我们队 我们组 我队 咱队 俺队 本队 咱 我方 我们团队 我们的", cue(Cue.WE)),
    ("我 俺 本人", cue(Cue.ME)),
    (
        "成绩 分数 得分 排名 名次 冠军 亚军 季军 赢了 谁赢 输了 结果 打分 评分 排第几 "
        "练习 刷题 题库 评委 裁判",
        cue(Cue.OFF_TOPIC),
    ),
    # Greetings name a part of the day without asking about it.
    ("早上好 早安 上午好 中午好 下午好 晚上好 晚安", Meaning()),
    # Rounds.
    ("理论考试 理论 笔试 考试 闭卷 理论考 理论题", kind(K.THEORY)),
    ("理论考场", kind(K.THEORY, Cue.PLACE)),
    ("风采展示 风采 展示 风采秀 才艺展示", kind(K.SHOWCASE)),
    ("擂台赛 擂台 初赛 擂台赛初赛 预赛 必答题 风险题", kind(K.ARENA_PRELIMINARY)),
    ("决赛 总决赛 抢答 抢答题 抢答赛", kind(K.ARENA_FINAL)),
    ("颁奖 颁奖典礼 闭幕式 颁奖仪式 闭幕 典礼 颁奖礼 领奖 颁奖大会", kind(K.CEREMONY)),
    ("报到 签到 报道 领证 领参赛证", kind(K.CHECKIN)),
    ("说明会 领队会 抽签 会议 开会 赛前会 领队会议 赛前说明会", kind(K.BRIEFING)),
    # Days and parts of the day. 中午 counts as afternoon: nothing is scheduled over lunch.
    ("今天 今日 今儿 今儿个 当天", day(0)),
    ("明天 明日 明儿 明儿个", day(1)),
    ("后天", day(2)),
    ("大后天", day(3)),
    ("昨天 昨日 昨儿", day(-1)),
    ("前天", day(-2)),
    ("今早", day(0, P.MORNING)),
    ("今晚", day(0, P.EVENING)),
    ("明早 明晨", day(1, P.MORNING)),
    ("明晚", day(1, P.EVENING)),
    ("昨晚", day(-1, P.EVENING)),
    ("上午 早上 早晨 清晨 一早 早间", part(P.MORNING)),
    ("中午 午间 午后 下午", part(P.AFTERNOON)),
    ("晚上 傍晚 晚间 夜里 夜间", part(P.EVENING)),
)

_DAY_NAMES = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEK_WORDS = ("周", "星期", "礼拜")
_WEEK_PREFIXES: dict[str, int | None] = {
    "": None,
    "这": 0,
    "这个": 0,
    "本": 0,
    "下": 1,
    "下个": 1,
    "上": -1,
    "上个": -1,
}


def zh_keywords() -> Iterator[tuple[str, Meaning]]:
    for phrases, meaning in _ENTRIES:
        for phrase in phrases.split():
            yield phrase, meaning
    for prefix, week in _WEEK_PREFIXES.items():
        for word in _WEEK_WORDS:
            for name, number in _DAY_NAMES.items():
                yield f"{prefix}{word}{name}", weekday(number, week)
