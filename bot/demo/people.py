"""Fictional names: drawn deterministically and unique; any likeness to a real person is chance."""

import random

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏"
    "卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯"
)
GIVEN = (
    "晓明静丽军伟芳娜敏磊洋勇艳杰涛超秀霞平刚桂英华玉兰萍红鹏飞宇欣怡悦佳琪瑶晨浩然子轩"
    "梓涵思远嘉雯雨彤俊凯博文宏亮海燕春梅冬雪秋菊振国建新志强立群卫东"
)


def fictional_names(count: int, seed: int = 2024) -> list[str]:
    rng = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        name = rng.choice(SURNAMES) + given
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names
