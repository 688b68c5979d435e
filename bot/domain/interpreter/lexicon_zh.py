"""Chinese keywords, spoken forms included; each entry is space-separated phrases."""

from collections.abc import Iterator

from bot.domain.enums import RoundKind as K
from bot.domain.interpreter.query import PartOfDay as P
from bot.domain.interpreter.signals import Cue, Meaning, cue, day, kind, part, weekday

_ENTRIES: tuple[tuple[str, Meaning], ...] = (
    # Time. "还有多久" asks how long until something starts, not how long it lasts.
    (
        "几点 几点钟 什么时候 什么时间 啥时候 啥时 啥时间 何时 几时 多会儿 哪天 哪一天 "
        "几号 时间 第几 第几个",
        cue(Cue.WHEN),
    ),
    # Time left until a start: 离我们上场还有多长时间.
    (
        "还有多久 还要多久 还得多久 要等多久 多久轮到 多久才 还有多长时间 还要多长时间 "
        "还有多少时间 还剩多久 还剩多少时间 还剩几分钟 还有几分钟 还要几分钟 还有多少分钟 "
        "还要等多久 还差多久 还差几分钟 倒计时 多久上场 多久到我们 多长时间轮到 等多久 "
        "还有多长 还要多长 离上场 距离上场 剩多久 多久开始 还有几个小时 还有多少小时 "
        "等几分钟 几分钟才 几分钟轮到 多少分钟才 还要等 还得等",
        cue(Cue.WHEN, Cue.COUNTDOWN),
    ),
    ("几点结束 什么时候结束 啥时候结束 结束时间 几点完 啥时候完 什么时候完", cue(Cue.WHEN)),
    ("开始 结束 开赛 开考 开场", cue(Cue.START)),
    ("上场 上台 出场 登场 登台 比赛 参赛", cue(Cue.PLAY)),
    (
        "在哪 在哪里 在哪儿 哪里 哪儿 什么地方 啥地方 地点 地址 位置 方位 路线 怎么走 咋走 "
        "怎么去 咋去 怎么过去 咋过去 怎么找 咋找 在哪找 哪找 如何到达 几楼 几层 在几楼 哪层 哪间 "
        "哪个考场 哪个会场 "
        "哪个厅 哪个会议厅 哪个房间 哪个教室 几号考场 几号厅 几号会议厅",
        cue(Cue.WHERE),
    ),
    ("考场 会场 赛场 场地 会议厅 大厅 教室 房间 场馆", cue(Cue.PLACE)),
    (
        "安排 日程 日程表 赛程 赛程表 议程 流程 时间表 节目单 节目 有什么 有啥 都有啥 "
        "干什么 干啥 做什么 活动 计划 行程 安排表 秩序册 出场顺序 顺序 环节 哪些环节 什么环节 项目 "
        "哪些项目 什么项目",
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
    # Neighbours in the running order: 我们前一个队是谁, 排在我们后面的是哪个队.
    (
        "前一个 前一支 前一组 前一队 前一位 前面一个 前面一支 前面一组 前面那个 前面那队 "
        "前面的队 前面是 前面那支 上一个队 上一支队 上一组 后一个 后一支 后一组 后一队 后一位 "
        "后面一个 后面一支 后面一组 后面那个 后面那队 后面的队 后面是 后面那支 紧接着 紧跟着 "
        "紧挨着 排在前面 排在后面 挨着 相邻 前后 前后是 前面的是 后面的是 前边 后边 前头 后头 "
        "之后是 之前是 我们后一个 我们之后 我们之前 排我们前面 排我们后面 "
        "在我们前面 在我们后面 在我们之前 在我们之后",
        cue(Cue.NEIGHBOURS),
    ),
    # Who is in the team.
    (
        "哪几个人 哪几位 哪些人 几个人 都有谁 都有哪些人 有哪些人 有哪几个 队员 成员 组员 队友 "
        "名单 花名册 人员 阵容 参赛选手 选手名单 哪几个选手 有几个人 队里还有谁 队里有谁 "
        "组里有谁 队里都有谁 组里都有谁 还有谁 都是谁 跟我一队 和我一队 一个队的 同队 有谁",
        cue(Cue.ROSTER),
    ),
    # The place in a running order (排第几 alone asks for a rank: results, not the programme).
    (
        "第几个上 第几个出场 第几个上场 第几位出场 第几位上场 第几个比 第几个演 排第几个 排第几位 "
        "出场顺序 上场顺序 出场次序 比赛顺序 第几号 几号出场 排在第几 排几号 第几棒 排序 排第几",
        cue(Cue.POSITION),
    ),
    # Over or not yet.
    (
        "比完 比完了 赛完 考完 演完 展示完 结束了吗 结束了没 结束没 完了吗 完了没 完事 完成了吗 "
        "已经结束 已经比 比过了 考过了 上过了 已经上过 结束了 比过 完没完 比赛完 弄完 搞完 "
        "打完 结束没有 完成没 开过了 开完 开完了 开过 办完",
        cue(Cue.DONE),
    ),
    # Who has checked in: 我们队报到了吗 (not when check-in is).
    (
        "报到了吗 签到了吗 报到了没 签到了没 报到没 签到没 都到了吗 到齐了吗 到齐没 到齐 "
        "都到齐 谁没到 谁还没到 谁没报到 谁没签到 还没报到 还没签到 报到情况 签到情况 "
        "报到状态 签到状态 报到了没有 签到了没有 都报到 都签到 报到了 签到了 来齐",
        cue(Cue.CHECK_IN),
    ),
    # Where to go now.
    (
        "去哪 去哪里 去哪儿 该去哪 应该去哪 要去哪 往哪走 往哪去 去什么地方 哪个地方 "
        "去哪个地方 上哪 上哪儿 该去 得去哪",
        cue(Cue.WHERE, Cue.GO),
    ),
    (
        "下一个环节 下个环节 下一项 下一个项目 下一步 接下来是 接下来干啥 接下来做什么 然后呢 "
        "之后呢 再然后 后面还有什么 后面还有啥 还有什么环节",
        cue(Cue.NEXT),
    ),
    # Lunch, the weather, the toilet: questions the programme cannot answer.
    (
        "吃 吃饭 饭 午饭 午餐 晚饭 晚餐 早饭 早餐 盒饭 食堂 餐厅 饭堂 伙食 天气 下雨 下雪 温度 "
        "气温 冷不冷 热不热 带伞 厕所 洗手间 卫生间 停车 停车场 车位 酒店 住宿 宾馆 房卡 打车 "
        "出租车 地铁 公交 笑话 唱歌 唱首歌 讲个 你是谁 你叫什么 机器人 爱你 喜欢你 无聊 股票 "
        "彩票 电影 游戏 充电 充电宝 奶茶 咖啡 外卖 快递 红包 wifi 无线网 网络密码 密码 发票 "
        "报销 工资 放假 加班 对象 女朋友 男朋友 结婚 减肥 头疼 感冒 药 医院 火车票 机票 高铁 "
        "紧张 害怕 心情 好累 太累 困了 饿了 饿 渴 睡觉 微信 电话号码 手机号 拍照 合影 自拍 衣服 "
        "穿什么 着装 音乐 跳舞 足球 篮球 比特币 哈哈 嘿嘿 加油 鼓励 安慰 聊天 聊聊 陪我 讲故事 "
        "写诗 作诗 翻译 推荐 景点 旅游 逛街 购物 买东西 海鲜 特产 外面 附近 喝酒 喝一杯 酒吧 "
        "烧烤 夜宵 唱k ktv",
        cue(Cue.FOREIGN),
    ),
    (
        "我队友 我的队友 我们队友 我们的队友 队友们 这队 我们这队 我们这个队",
        cue(Cue.ROSTER, Cue.WE),
    ),
    # The asker's track, not their team: 我们赛道现在谁在台上.
    ("我们赛道 我们的赛道 本赛道 咱们赛道 我们这个赛道 我们组别", Meaning()),
    ("我们 咱们 俺们 我们队 我们组 我队 咱队 俺队 本队 咱 我方 我们团队 我们的", cue(Cue.WE)),
    ("我 俺 本人", cue(Cue.ME)),
    (
        "成绩 分数 得分 排名 名次 冠军 亚军 季军 赢了 谁赢 输了 结果 打分 评分 "
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
