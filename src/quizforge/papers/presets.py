"""Presets are small YAML files: shipped ones in papers/presets/, or a teacher's own by path."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import SourceError
from ..load.fields import Fields
from ..load.yamltree import Node, named_yaml, parse_yaml, read_text

SHIPPED = Path(__file__).resolve().parent / "presets"
REQUIRED = ("title", "strategies")
OPTIONAL = ("minutes", "cover", "instructions")
YES, NO = ("yes", "true", "on"), ("no", "false", "off")


@dataclass(frozen=True)
class PresetItem:
    strategy: str
    count: int | None = None  # None: the strategy's own default
    profile: str | None = None  # exam-style strategies: the tariff/levels profile
    line: int = 0


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    items: tuple[PresetItem, ...]
    minutes: int | None = None
    cover: bool = False
    instructions: tuple[str, ...] = ()
    source: str = ""


def shipped_presets() -> list[str]:
    return sorted(p.stem for p in SHIPPED.glob("*.yaml"))


def load_preset(name: str) -> Preset:
    """A shipped preset by name ('exam') or a preset file by path ('my-quiz.yaml')."""
    preset = _load(str(named_yaml(name, SHIPPED, "preset")))
    _check_strategies(preset)
    return preset


@lru_cache(maxsize=16)
def _load(path: str) -> Preset:
    root = parse_yaml(read_text(Path(path), path), path)
    return _PresetReader(path).preset(root, Path(path).stem)


def _check_strategies(preset: Preset) -> None:
    from ..strategies import available

    known = available()
    for item in preset.items:
        if item.strategy not in known:
            raise SourceError([_problem(preset.source, item.line, f"unknown strategy '{item.strategy}'; "
                                        f"choose from {', '.join(known)}")])


def _problem(file: str, line: int, message: str):
    from ..errors import Problem
    return Problem(file, line, message)


class _PresetReader(Fields):
    def preset(self, root: Node, name: str) -> Preset:
        top = self.mapping(root, "", REQUIRED, OPTIONAL)
        if top is None:
            raise SourceError(self.problems)
        items = tuple(i for n, node in enumerate(self.items(top.get("strategies"), "strategies", min_items=1))
                      if (i := self.item(node, f"strategies[{n}]")) is not None)
        preset = Preset(
            name=name, title=self.text(top.get("title"), "title") or "", items=items,
            minutes=self.number(top.get("minutes"), "minutes"), cover=self.flag(top.get("cover"), "cover"),
            instructions=self.text_list(top.get("instructions"), "instructions"), source=self.file,
        )
        seen = [i.strategy for i in items]
        for item in items:
            if seen.count(item.strategy) > 1:
                self.problem(item.line, "strategies", f"'{item.strategy}' is listed twice; list each strategy once")
                break
        if self.problems:
            raise SourceError(sorted(self.problems, key=lambda p: p.line))
        return preset

    def item(self, node: Node, path: str) -> PresetItem | None:
        fields = self.mapping(node, path, ("strategy",), ("count", "profile"))
        if fields is None:
            return None
        strategy = self.text(fields.get("strategy"), f"{path}.strategy")
        count = self.number(fields.get("count"), f"{path}.count")
        profile = self.text(fields.get("profile"), f"{path}.profile")
        if profile and profile.endswith((".yaml", ".yml")) and not Path(profile).is_absolute():
            profile = str(Path(self.file).parent / profile)  # a profile file beside the preset
        return PresetItem(strategy, count, profile, node.start_mark.line + 1) if strategy else None

    def number(self, node: Node | None, path: str) -> int | None:
        value = self.text(node, path)
        if value is None:
            return None
        if not value.isdigit() or int(value) < 1:
            self.problem(node, path, f"'{value}' is not a whole number of at least 1")
            return None
        return int(value)

    def flag(self, node: Node | None, path: str) -> bool:
        value = self.text(node, path)
        if value is None:
            return False
        if value.lower() not in YES + NO:
            self.problem(node, path, f"'{value}' is not yes or no")
            return False
        return value.lower() in YES
