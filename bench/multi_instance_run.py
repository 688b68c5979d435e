"""One multi-instance run, for the bench and the CI test alike: processes, waves of updates,
a broadcast and a reminder burst, one SIGKILL of the leading worker, and the figures."""

import asyncio
import os
import secrets
import socket
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench import multi_instance_counts as counts
from bench import multi_instance_processes as processes
from bench import multi_instance_setup as setup
from bench.fake_telegram import FakeTelegram
from bench.multi_instance_processes import BotProcess
from bench.multi_instance_waves import UpdateLog, wave
from bot.domain.broadcasts import broadcast_key
from storage.database import Database

TOKEN = "123456:MULTI-INSTANCE-BENCH"
PUBLIC_URL = "https://contest-bot.invalid/telegram/webhook"
BROADCAST_TEXT = "#bench 📢 全体注意：明天 08:30 准时开赛，请提前 30 分钟到场签到。"
QUESTIONS = ("/schedule", "/next", "我们队什么时候上场？")
FIRST_USER = 7_000_000_000  # Telegram user ids of the bench's people: far from any real one
KILL_AT = 1 / 3  # of the broadcast arrived
BROADCAST_PREFIX = broadcast_key(0).removesuffix("0")
TAKEOVER_WAIT = 30.0  # seconds a drained run still waits for the standby to take over
TAG = "#bench"  # in every text the bench queues, in no reply of the bot


@dataclass(frozen=True)
class BenchConfig:
    database_url: str
    redis_url: str
    recipients: int
    logs: Path
    instances: int = 2
    workers: int = 2
    questions: int = 60  # people who also ask /schedule, /next or a free-text question
    duplicate_share: float = 0.1
    kills: int = 1


@dataclass
class Figures:
    recipients: int = 0
    updates: int = 0
    updates_doubled: int = 0
    updates_twice_handled: int = 0
    unanswered: int = 0
    reminders: int = 0
    broadcast: int = 0
    lost: int = 0
    duplicated: int = 0
    peak_1s: int = 0
    attempts_peak_1s: int = 0
    per_chat_peak_1s: int = 0
    refusals: int = 0
    answered_in_response: int = 0
    msg_s: float = 0.0
    msg_s_before_kill: float = 0.0
    killed_at: float | None = None  # time.monotonic() of the kill
    takeover_s: float | None = None
    first_send_after_kill_s: float | None = None
    kills: int = 0
    outbox: Counter[str] = field(default_factory=Counter)
    unknown_methods: Counter[str] = field(default_factory=Counter)
    exit_codes: dict[str, int | None] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def run_bench(config: BenchConfig, say: Callable[[str], None] = print) -> Figures:
    began = time.monotonic()

    def say_when(line: str) -> None:
        say(f"[{time.monotonic() - began:5.1f} s] {line}")

    return await _run(config, say_when)


async def _run(config: BenchConfig, say: Callable[[str], None]) -> Figures:
    figures = Figures()
    ports = [free_port() for _ in range(config.instances)]
    fake = FakeTelegram([f"http://127.0.0.1:{p}" for p in ports], config.duplicate_share)
    api = await fake.start()
    env = processes.bot_environment(
        dict(os.environ), bot_token=TOKEN, telegram_api_url=api,
        database_url=config.database_url, redis_url=config.redis_url,
        webhook_url=PUBLIC_URL, webhook_secret=secrets.token_urlsafe(24), webhook_host="127.0.0.1",
    )  # fmt: skip
    await setup.fresh_postgres(config.database_url)
    await setup.fresh_redis(config.redis_url)
    database = await Database.open(config.database_url)  # migrated before any process starts
    running: list[BotProcess] = []
    try:
        # The processes take a while to import; the demo loads meanwhile. No update reaches
        # them before the people are all in, so no instance caches a contest without them.
        workers = [await processes.start(f"worker{n}", env, config.logs, "worker")
                   for n in range(1, config.workers + 1)]  # fmt: skip
        instances = [
            await processes.start(f"web{n}", env | {"WEBHOOK_PORT": str(port)}, config.logs,
                                  "run", "--webhook")
            for n, port in enumerate(ports, start=1)
        ]  # fmt: skip
        running += workers + instances
        await processes.run_cli(env, "demo", "load")
        demo = len(await setup.invitees(database))
        await setup.add_synthetic_people(database, max(0, config.recipients - demo))
        people = (await setup.invitees(database))[: config.recipients]
        say(f"people: {demo} of the demo + {max(0, config.recipients - demo)} synthetic; "
            f"{len(people)} will join")  # fmt: skip
        await asyncio.gather(*(
            processes.wait_healthy(instance, f"http://127.0.0.1:{port}/healthz")
            for instance, port in zip(instances, ports, strict=True)
        ))  # fmt: skip
        say(f"up: {config.instances} webhook instances, {config.workers} workers; "
            f"setWebhook called {fake.webhook.calls}×, path {PUBLIC_URL}")  # fmt: skip
        log = UpdateLog()
        await onboard(fake, database, people, log, figures, say)
        await ask(fake, config, log, say)
        figures.updates, figures.updates_doubled = len(log.kinds), len(log.doubled)
        twice = counts.handled_twice(fake.sent, log.kinds, log.doubled)
        silent = counts.unanswered(fake.sent, log.kinds)
        figures.updates_twice_handled, figures.unanswered = len(twice), len(silent)
        say(f"answered twice, by kind: {dict(Counter(log.kinds[u] for u in twice))}; "
            f"unanswered: {dict(Counter(log.kinds[u] for u in silent))}")  # fmt: skip
        await broadcast_and_kill(fake, database, env, people, workers, config, figures, say)
    finally:
        codes = await asyncio.gather(*(processes.stop(p) for p in running))
        figures.exit_codes = {p.name: code for p, code in zip(running, codes, strict=True)}
        expected = await expected_outbox(database)
        figures.outbox = await setup.outbox_statuses(database)
        await database.close()
        await fake.stop()
    measure(fake, expected, figures)
    report(figures, say)
    return figures


async def onboard(
    fake: FakeTelegram, database: Database, people: list[setup.Invitee], log: UpdateLog,
    figures: Figures, say: Callable[[str], None],
) -> None:  # fmt: skip
    started = time.monotonic()
    starts = [(FIRST_USER + n, f"/start {p.invite_code}") for n, p in enumerate(people)]
    await wave(fake, starts, log, timeout=60 + len(starts) / 10)
    figures.recipients = len(await setup.bound_chats(database))
    say(f"onboarding: {len(starts)} × /start CODE through the webhook in "
        f"{time.monotonic() - started:.1f} s; {figures.recipients} accounts bound")  # fmt: skip


async def ask(
    fake: FakeTelegram, config: BenchConfig, log: UpdateLog, say: Callable[[str], None]
) -> None:
    asked = [(FIRST_USER + n, QUESTIONS[n % len(QUESTIONS)]) for n in range(config.questions)]
    started = time.monotonic()
    await wave(fake, asked, log, timeout=60 + len(asked) / 10)
    say(f"questions: {len(asked)} (/schedule, /next, free text) in "
        f"{time.monotonic() - started:.1f} s")  # fmt: skip


async def broadcast_and_kill(
    fake: FakeTelegram, database: Database, env: dict[str, str], people: list[setup.Invitee],
    workers: list[BotProcess], config: BenchConfig, figures: Figures,
    say: Callable[[str], None],
) -> None:  # fmt: skip
    chats = await setup.bound_chats(database)
    teams: dict[str, list[int]] = {}
    for person in people:
        if person.team_code and person.person_id in chats:
            teams.setdefault(person.team_code, []).append(chats[person.person_id])
    figures.reminders = len(await setup.queue_reminder_burst(database, teams))
    out = await processes.run_cli(env, "broadcast", "--to", "everyone", "--text", BROADCAST_TEXT)
    figures.broadcast = sum(
        1 for key, _, _, _ in await setup.outbox_deliveries(database)
        if key.startswith(BROADCAST_PREFIX)
    )  # fmt: skip
    say(f"queued: {figures.reminders} reminders, broadcast to {figures.broadcast} "
        f"({out.strip().splitlines()[-1] if out.strip() else ''})")  # fmt: skip
    wanted = figures.broadcast + figures.reminders
    kill_at = max(1, int(figures.broadcast * KILL_AT))
    deadline = time.monotonic() + 120 + wanted / 5
    killed_at: float | None = None
    killed_clock: datetime | None = None
    while time.monotonic() < deadline:
        arrived = sum(1 for s in fake.sent if TAG in s.text)
        broadcast = sum(1 for s in fake.sent if s.text == BROADCAST_TEXT)
        if figures.kills < config.kills and broadcast >= kill_at:
            killed_clock, killed_at = datetime.now(UTC), await kill_leader(workers, figures, say)
        statuses = await setup.outbox_statuses(database)
        drained = arrived >= wanted and not any(statuses[s] for s in setup.UNFINISHED)
        # After a kill, the survivor's taking over is part of what is measured.
        settled = killed_at is None or takeover(workers, killed_clock) is not None
        if drained and (settled or time.monotonic() > (killed_at or 0.0) + TAKEOVER_WAIT):
            break
        await asyncio.sleep(0.1)
    figures.killed_at = killed_at
    if killed_at is not None:
        # The killed process's last requests may still land just after the kill.
        later = [s.at for s in fake.sent if s.at > killed_at + 0.2 and TAG in s.text]
        figures.first_send_after_kill_s = min(later) - killed_at if later else None
        figures.takeover_s = takeover(workers, killed_clock) or figures.first_send_after_kill_s


async def kill_leader(
    workers: list[BotProcess], figures: Figures, say: Callable[[str], None]
) -> float:
    leaders = [w for w in workers if w.alive and w.leads()]
    victim = leaders[0] if leaders else next(w for w in workers if w.alive)
    await processes.kill(victim)
    figures.kills += 1
    known = "the leader" if leaders else "a worker (none logged 'leader')"
    say(f"SIGKILL {victim.name}, {known}, at {datetime.now(UTC):%H:%M:%S.%f} UTC")
    return time.monotonic()


def takeover(workers: list[BotProcess], killed: datetime | None) -> float | None:
    """Seconds from the kill until a surviving worker logged that it leads; negative if it
    already led before the kill (two leaders at once)."""
    times = [t for w in workers if w.alive and (t := w.led_since()) is not None]
    if killed is None or not times:
        return None
    return (min(times) - killed).total_seconds()


async def expected_outbox(database: Database) -> dict[tuple[int, str], int]:
    wanted: Counter[tuple[int, str]] = Counter()
    for key, chat, text, _ in await setup.outbox_deliveries(database):
        if key.startswith((setup.REMINDER_KEY, BROADCAST_PREFIX)):
            wanted[(chat, text)] += 1
    return dict(wanted)


def measure(fake: FakeTelegram, expected: dict[tuple[int, str], int], figures: Figures) -> None:
    figures.lost = counts.lost(fake.sent, expected)
    figures.duplicated = counts.duplicated(fake.sent, expected)
    delivered = [s.at for s in fake.sent if s.method.startswith("send")]
    figures.peak_1s = counts.peak(delivered)
    figures.attempts_peak_1s = counts.peak(fake.attempts)
    figures.per_chat_peak_1s = counts.peak_per_chat(fake.sent)
    figures.refusals = fake.refusals
    figures.answered_in_response = fake.answered_in_response
    broadcast = {key: n for key, n in expected.items() if key[1] == BROADCAST_TEXT}
    figures.msg_s = counts.throughput(fake.sent, broadcast)
    before = [s for s in fake.sent if figures.killed_at is None or s.at < figures.killed_at]
    figures.msg_s_before_kill = counts.throughput(before, broadcast)
    figures.unknown_methods = fake.unknown_methods


def report(figures: Figures, say: Callable[[str], None]) -> None:
    say(
        f"updates: {figures.updates} sent, {figures.updates_doubled} of them twice, "
        f"{figures.updates_twice_handled} answered twice, {figures.unanswered} unanswered; "
        f"{figures.answered_in_response} replies came in webhook responses"
    )
    say(
        f"outbox: {figures.reminders} reminders + {figures.broadcast} broadcast; "
        f"statuses {dict(figures.outbox)}; lost {figures.lost}, duplicated {figures.duplicated}"
    )
    say(
        f"rate: peak {figures.peak_1s} delivered / {figures.attempts_peak_1s} attempted in "
        f"1 s, per chat {figures.per_chat_peak_1s}/s, {figures.refusals} × 429; broadcast "
        f"{figures.msg_s:.1f} msg/s overall, {figures.msg_s_before_kill:.1f} before the kill"
    )
    say(
        f"kill: {figures.kills}; takeover {_seconds(figures.takeover_s)}, first send after "
        f"{_seconds(figures.first_send_after_kill_s)}; exit codes {figures.exit_codes}"
    )
    if figures.unknown_methods:
        say(f"Bot API methods the fake does not know: {dict(figures.unknown_methods)}")


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} s"
