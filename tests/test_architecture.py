"""The dependency rule, enforced transitively on the project's import graph.

Every import counts: top-level, inside functions, under `if TYPE_CHECKING:`; importing `a.b.c`
also runs the packages `a` and `a.b`. A failure names each offending module with the import
chain that gets it to what it must not reach."""

import ast
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PACKAGES = ("bot", "storage", "handlers", "schedules")
STDLIB = frozenset(sys.stdlib_module_names)

EDGE_LIBRARIES = frozenset(
    {"aiogram", "sqlalchemy", "apscheduler", "alembic", "openpyxl", "yaml", "typer"}
)
EDGE_PACKAGES = frozenset(
    {"storage", "handlers", "schedules", "bot.cli", "bot.formats", "bot.demo", "bot.sandbox"}
)
# The domain is also free of I/O and clocks.
IMPURE = frozenset({"asyncio", "os", "pathlib", "socket", "time", "random", "secrets", "logging"})
# Use cases render nothing and reach libraries only through ports.
SERVICES_BANNED_LIBRARIES = EDGE_LIBRARIES | {"PIL", "babel", "jieba", "fsrs", "redis", "aiohttp"}
# The message catalogs `Texts` translates through (bot/i18n.py: gettext over bot/locales).
CATALOGS = "bot.i18n"


@dataclass(frozen=True)
class Rule:
    """What the modules of `layer` may reach, directly and transitively."""

    layer: str
    allowed_packages: frozenset[str]  # every project module reached lies in one of these
    banned_libraries: frozenset[str] = frozenset()  # top-level names, stdlib ones included
    allowed_libraries: frozenset[str] | None = None  # if set, the only third-party ones


RULES = {
    rule.layer: rule
    for rule in (
        Rule(
            "bot.domain",
            frozenset({"bot.domain"}),
            banned_libraries=EDGE_LIBRARIES | IMPURE | {"pydantic"},
        ),
        Rule(
            "bot.services",
            frozenset({"bot.domain", "bot.services"}),
            banned_libraries=SERVICES_BANNED_LIBRARIES,
        ),
        Rule(
            "bot.texts",
            frozenset({"bot.domain", "bot.texts", CATALOGS}),
            allowed_libraries=frozenset({"babel"}),
        ),
    )
}

# Handlers are the Telegram edge: aiogram, the settings and the transport are theirs to use, so
# their rule is about what they import themselves, plus storage staying out of their reach.
HANDLERS = "handlers"
HANDLERS_MAY_IMPORT = frozenset(
    {HANDLERS, "bot.services", "bot.texts", "bot.domain", "bot.telegram", "bot.config"}
)
# The job planners the composition root hands over in `BotContext`; nowhere else in handlers/.
HANDLERS_SCHEDULES = {"handlers.context": frozenset({"schedules.practice", "schedules.reminders"})}
OUT_OF_HANDLERS_REACH = frozenset({"storage"})
LIBRARIES_OUT_OF_HANDLERS_REACH = frozenset({"sqlalchemy", "alembic"})
# Only these give an update its unit of work; every other handler goes through a service.
# The context holds the factory the middleware opens one unit of work per update from.
UNIT_OF_WORK_KEEPERS = frozenset({"handlers.request", "handlers.middlewares", "handlers.context"})
UNIT_OF_WORK_ATTRIBUTES = frozenset({"work", "uow"})

# Calls that make state: locks, caches, queues, counters, mutable collections of a kind that
# is never a constant table.
STATEFUL_FACTORIES = frozenset({
    "lru_cache", "cache", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition",
    "Barrier", "Queue", "LifoQueue", "PriorityQueue", "SimpleQueue", "local", "ContextVar",
    "defaultdict", "OrderedDict", "Counter", "ChainMap", "deque", "count", "Random",
    "WeakKeyDictionary", "WeakValueDictionary", "WeakSet",
})  # fmt: skip


# The import graph


@dataclass(frozen=True)
class Graph:
    modules: dict[str, Path]  # every project module → its file
    edges: dict[str, frozenset[str]]  # project module → project modules it runs
    libraries: dict[str, frozenset[str]]  # project module → top-level libraries it imports


def module_name(root: Path, path: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_files(root: Path) -> Iterator[Path]:
    for package in PROJECT_PACKAGES:
        yield from sorted((root / package).rglob("*.py"))


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported_names(path: Path, name: str) -> set[str]:
    """Dotted names the module imports, relative imports resolved; `from a import b` gives
    `a.b`, which the graph reads as the module `a.b` if there is one, else as `a`."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(parse(path)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [base])])
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def parents(module: str) -> list[str]:
    """The packages above `module`, outermost first: `a`, `a.b` for `a.b.c`."""
    parts = module.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def deepest_module(name: str, modules: Iterable[str]) -> str | None:
    known = set(modules)
    return next((m for m in [name, *reversed(parents(name))] if m in known), None)


def build_graph(root: Path) -> Graph:
    modules = {module_name(root, path): path for path in project_files(root)}
    edges: dict[str, frozenset[str]] = {}
    libraries: dict[str, frozenset[str]] = {}
    for name, path in modules.items():
        # Running a module runs the packages above it first.
        targets = {parent for parent in parents(name) if parent in modules}
        external: set[str] = set()
        for imported in imported_names(path, name):
            top = imported.partition(".")[0]
            if top in PROJECT_PACKAGES:
                if (target := deepest_module(imported, modules)) is not None:
                    targets.add(target)
            elif top != "__future__":
                external.add(top)
        edges[name] = frozenset(targets - {name})
        libraries[name] = frozenset(external)
    return Graph(modules, edges, libraries)


@cache
def import_graph() -> Graph:
    return build_graph(ROOT)


def reachable(graph: Graph, start: str, stop: Callable[[str], bool]) -> dict[str, str | None]:
    """Every project module reachable from `start`, mapped to the module it was first reached
    from (shortest chains); the walk goes no further than a module where `stop` holds."""
    came_from: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        if stop(current):
            continue
        for target in sorted(graph.edges[current]):
            if target not in came_from:
                came_from[target] = current
                queue.append(target)
    return came_from


def chain(came_from: dict[str, str | None], end: str) -> list[str]:
    steps = [end]
    while (previous := came_from[steps[-1]]) is not None:
        steps.append(previous)
    return steps[::-1]


def within(module: str, packages: Iterable[str]) -> bool:
    return any(module == package or module.startswith(f"{package}.") for package in packages)


def layer_modules(graph: Graph, layer: str) -> list[str]:
    return sorted(name for name in graph.modules if within(name, [layer]))


def report(title: str, lines: Iterable[str]) -> str:
    found = list(dict.fromkeys(lines))
    return "\n".join([f"{title} ({len(found)}):", *(f"  {line}" for line in found)])


# The layers


def library_allowed(rule: Rule, library: str) -> bool:
    if library in rule.banned_libraries:
        return False
    if rule.allowed_libraries is None or library in STDLIB:
        return True
    return library in rule.allowed_libraries


def package_allowed(rule: Rule, module: str) -> bool:
    """Inside an allowed package, or one of the packages above it (`bot` for `bot.domain`)."""
    return within(module, rule.allowed_packages) or any(
        module in parents(package) for package in rule.allowed_packages
    )


def violations(graph: Graph, rule: Rule) -> list[str]:
    """Each forbidden module or library a module of the layer reaches, with the chain to it;
    the walk stops at the first forbidden module of a chain."""
    lines = []
    for module in layer_modules(graph, rule.layer):
        came_from = reachable(graph, module, stop=lambda m: not package_allowed(rule, m))
        for target in came_from:
            steps = chain(came_from, target)
            if not package_allowed(rule, target):
                lines.append(" -> ".join(steps))
                continue
            lines.extend(
                " -> ".join([*steps, library])
                for library in sorted(graph.libraries[target])
                if not library_allowed(rule, library)
            )
    return sorted(lines)


@pytest.mark.parametrize("layer", sorted(RULES))
def test_a_layer_reaches_nothing_it_must_not(layer: str) -> None:
    rule = RULES[layer]
    found = violations(import_graph(), rule)
    assert not found, report(f"{layer} must reach only {sorted(rule.allowed_packages)}", found)


def test_the_rule_follows_every_kind_of_import(tmp_path: Path) -> None:
    files = {
        "bot/__init__.py": "",
        "bot/services/__init__.py": "",
        "bot/services/a.py": "def later() -> None:\n    from bot.services import b\n",
        "bot/services/b.py": "from ..texts import words\n",
        "bot/services/c.py": "import typing\nif typing.TYPE_CHECKING:\n    import PIL\n",
        "bot/texts/__init__.py": "",
        "bot/texts/words.py": "import sqlalchemy.orm\n",
        "bot/domain/__init__.py": "",
        "bot/domain/d.py": "from aiogram import Bot\nimport bot.domain\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    graph = build_graph(tmp_path)
    assert violations(graph, RULES["bot.services"]) == [
        "bot.services.a -> bot.services.b -> bot.texts.words",
        "bot.services.b -> bot.texts.words",
        "bot.services.c -> PIL",
    ]
    assert violations(graph, RULES["bot.domain"]) == ["bot.domain.d -> aiogram"]
    assert violations(graph, RULES["bot.texts"]) == ["bot.texts.words -> sqlalchemy"]


def test_nothing_calls_now_or_today_in_the_domain() -> None:
    calls = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in (ROOT / "bot/domain").rglob("*.py")
        for node in ast.walk(parse(path))
        if isinstance(node, ast.Attribute) and node.attr in {"now", "today", "utcnow"}
    ]
    assert calls == []


# The Telegram edge


def handlers_may_import(module: str, target: str) -> bool:
    return within(target, HANDLERS_MAY_IMPORT) or target in {"bot"} | set(
        HANDLERS_SCHEDULES.get(module, ())
    )


def test_handlers_import_only_services_texts_domain_and_the_telegram_edge() -> None:
    graph = import_graph()
    found = [
        f"{module} -> {target}"
        for module in layer_modules(graph, HANDLERS)
        for target in sorted(graph.edges[module])
        if not handlers_may_import(module, target)
    ]
    assert not found, report(
        f"handlers may import {sorted(HANDLERS_MAY_IMPORT)} and, from "
        f"{sorted(HANDLERS_SCHEDULES)} only, the job planners",
        found,
    )


def test_storage_is_out_of_the_handlers_reach() -> None:
    """Checked where a chain leaves handlers/: a handler may reach storage only through
    another handler, so every way there crosses one of these edges."""
    graph = import_graph()
    out_of_reach = [*OUT_OF_HANDLERS_REACH]
    found: list[str] = []
    for module in layer_modules(graph, HANDLERS):
        found.extend(
            f"{module} -> {library}"
            for library in sorted(graph.libraries[module] & LIBRARIES_OUT_OF_HANDLERS_REACH)
        )
        for target in sorted(graph.edges[module]):
            if within(target, [HANDLERS]):
                continue
            came_from = reachable(graph, target, stop=lambda m: within(m, out_of_reach))
            for reached in came_from:
                steps = [module, *chain(came_from, reached)]
                if within(reached, out_of_reach):
                    found.append(" -> ".join(steps))
                    continue
                found.extend(
                    " -> ".join([*steps, library])
                    for library in sorted(
                        graph.libraries[reached] & LIBRARIES_OUT_OF_HANDLERS_REACH
                    )
                )
    assert not found, report("handlers reach storage or its libraries", found)


def annotations(tree: ast.AST) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if isinstance(node, ast.arg | ast.AnnAssign) and node.annotation is not None:
            yield node.annotation
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
            yield node.returns


def expression(text: str) -> ast.Expression | None:
    """A quoted annotation parsed, or None for a string that is no expression (a Literal's)."""
    try:
        return ast.parse(text, mode="eval")
    except SyntaxError:
        return None


def unit_of_work_offences(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """`.work` or `.uow` accessed, or the name UnitOfWork (…Factory included) used anywhere,
    string annotations too."""
    quoted = [
        (node.lineno, parsed)
        for annotation in annotations(tree)
        for node in ast.walk(annotation)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if (parsed := expression(node.value)) is not None
    ]
    for line, part in [(0, tree), *quoted]:
        for node in ast.walk(part):
            names: list[str | None] = []
            if isinstance(node, ast.Attribute):
                if node.attr in UNIT_OF_WORK_ATTRIBUTES:
                    yield line or node.lineno, f".{node.attr}"
                names = [node.attr]
            elif isinstance(node, ast.Name):
                names = [node.id]
            elif isinstance(node, ast.alias):
                names = [node.name, node.asname]
            if any(name and "UnitOfWork" in name for name in names):
                yield line or getattr(node, "lineno", 0), "UnitOfWork"


def test_no_handler_touches_the_unit_of_work() -> None:
    graph = import_graph()
    found = [
        f"{graph.modules[module].relative_to(ROOT)}:{line}: {what}"
        for module in layer_modules(graph, HANDLERS)
        if module not in UNIT_OF_WORK_KEEPERS
        for line, what in sorted(set(unit_of_work_offences(parse(graph.modules[module]))))
    ]
    assert not found, report(
        f"only {sorted(UNIT_OF_WORK_KEEPERS)} may touch the unit of work", found
    )


# Services keep no state between calls


def called_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def module_state(tree: ast.Module) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            yield node.lineno, f"global {', '.join(node.names)}"
    for statement in tree.body:
        value = statement.value if isinstance(statement, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Call) and called_name(value) in STATEFUL_FACTORIES:
            yield statement.lineno, f"{called_name(value)}(...)"
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for decorator in statement.decorator_list:
                if called_name(decorator) in STATEFUL_FACTORIES:
                    yield decorator.lineno, f"@{called_name(decorator)} on {statement.name}"


def test_services_keep_no_module_level_state() -> None:
    graph = import_graph()
    found = [
        f"{graph.modules[module].relative_to(ROOT)}:{line}: {what}"
        for module in layer_modules(graph, "bot.services")
        for line, what in sorted(module_state(parse(graph.modules[module])))
    ]
    assert not found, report("module-level state in bot/services", found)


def test_the_state_check_sees_locks_caches_and_globals() -> None:
    tree = ast.parse(
        "import threading\nfrom functools import lru_cache\nLIMIT = frozenset({1})\n"
        "_lock = threading.Lock()\n@lru_cache(maxsize=8)\ndef f() -> None:\n    global _ready\n"
    )
    assert list(module_state(tree)) == [
        (7, "global _ready"),
        (4, "Lock(...)"),
        (5, "@lru_cache on f"),
    ]


def test_the_unit_of_work_check_sees_names_attributes_and_quoted_annotations() -> None:
    tree = ast.parse(
        "from bot.services.ports import UnitOfWork as Work\n"
        "def f(request: object, w: 'Work | UnitOfWork') -> None:\n"
        "    request.work.commit()\n    request.uow\n    request.t.working\n"
    )
    assert sorted(unit_of_work_offences(tree)) == [
        (1, "UnitOfWork"),
        (2, "UnitOfWork"),
        (3, ".work"),
        (4, ".uow"),
    ]
