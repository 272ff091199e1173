"""One Settings object: defaults with help text, read from ``sinodesk.toml``, overridden by flags.

A ``sinodesk.toml`` in the working directory (or the file named by ``$SINODESK_CONFIG``)
may hold top-level keys and one table per stage, for example::

    db = "desk.db"
    [fetch]
    timeout = 20
    [topics]
    threshold = 0.4
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .brief.options import BriefOptions
from .errors import ConfigError
from .stages.classify import FeatureOptions, LearnerOptions, TopicOptions
from .stages.cluster import EventOptions
from .stages.extract import ExtractOptions
from .stages.incidents import IncidentOptions
from .stages.segment import SegmentOptions
from .options import choices_of, help_of, setting


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = setting(20.0, "seconds to wait for a server to connect and answer")
    max_bytes: int = setting(20_000_000, "largest response body accepted, in bytes")
    max_redirects: int = setting(5, "redirects followed before giving up on a URL")
    user_agent: str = setting("sinodesk/0.1 (+https://github.com/sinodesk)", "User-Agent header sent with requests")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    languages: tuple[str, ...] = setting(("en", "zh", "ja", "ko", "ru", "fr", "de", "es", "pt", "ar", "vi"), "ISO 639-1 codes the language detector chooses among")
    language_models: str = setting("compact", "lingua's models for texts that scripts and English function words do not settle: 'compact' (trigrams only, ~12 MB) or 'full' (1- to 5-grams, ~160 MB of memory; better on texts of a few words, such as a headline alone)", choices=("compact", "full"))
    max_file_bytes: int = setting(50_000_000, "larger input files are rejected (also when a compressed file, or one file of a .zip, unpacks to more)")
    max_unpacked_bytes: int = setting(500_000_000, "a .zip whose files unpack to more than this in all is rejected (zip bombs)")
    include: tuple[str, ...] = setting((), "globs of files to take from directories and .zip archives besides those named like news (*.txt, *.html, *.xml, *.jsonl ...); also --include")
    exclude: tuple[str, ...] = setting((), "globs of files to leave out of directories and .zip archives (name or path inside the folder); also --exclude")
    link: bool = setting(True, "link stories into events / near-duplicates while ingesting")
    workers: int = setting(0, "processes that run the per-document stages (0: one per core); also --workers. The archive comes out the same for any number")
    batch_documents: int = setting(2000, "documents per batch: each batch is processed, linked and committed as one transaction, so memory stays bounded and an interrupted run keeps the batches it finished")


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = setting("sinodesk.db", "archive database file (SQLite); also $SINODESK_DB")
    outlets: tuple[str, ...] = setting((), "your own outlet registry files ([[outlet]] tables with the fields of sinodesk/data/outlets.toml), read after the packaged one: a known id is replaced, a new one added; relative paths are relative to the settings file")
    fetch: FetchOptions = field(default_factory=FetchOptions, metadata={"help": "fetching URLs and feeds"})
    ingest: IngestOptions = field(default_factory=IngestOptions, metadata={"help": "reading inputs"})
    segment: SegmentOptions = field(default_factory=SegmentOptions, metadata={"help": "splitting digests into stories"})
    extract: ExtractOptions = field(default_factory=ExtractOptions, metadata={"help": "entities, attributions, dates, numbers"})
    topics: TopicOptions = field(default_factory=TopicOptions, metadata={"help": "topic classification"})
    topic_features: FeatureOptions = field(default_factory=FeatureOptions, metadata={"help": "what 'sinodesk train topics' (and 'eval topics' on the public sets) reads from a story; the packaged default model uses the defaults"})
    topic_learner: LearnerOptions = field(default_factory=LearnerOptions, metadata={"help": "how 'sinodesk train topics' (and 'eval topics' on the public sets) fits the topic model; the packaged default model uses the defaults"})
    events: EventOptions = field(default_factory=EventOptions, metadata={"help": "near-duplicates and event clustering"})
    incidents: IncidentOptions = field(default_factory=IncidentOptions, metadata={"help": "cyber incidents (victims, attackers, attributions, ATT&CK techniques, malware)"})
    brief: BriefOptions = field(default_factory=BriefOptions, metadata={"help": "briefings (sinodesk brief) and trends (sinodesk trends)"})


_SECTIONS = {f.name: f for f in dataclasses.fields(Settings) if dataclasses.is_dataclass(f.default_factory) if f.default_factory is not dataclasses.MISSING}


def _fits(value, default) -> bool:
    """``value`` has the TOML type of ``default`` (an int is a float too; true is not a number)."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _kind(default) -> str:
    """What a setting of ``default``'s type is, as the settings file spells it."""
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return "a whole number"
    if isinstance(default, float):
        return "a number"
    return "text in quotes" if isinstance(default, str) else type(default).__name__


def _checked_value(key: str, value, default, where: str, choices: tuple = ()):
    """``value`` as the setting ``key`` (whose default is ``default``) takes it, or a ConfigError
    saying what the file must hold there (a list is a TOML array: ``include = ['*.md']``).  A switch
    with an automatic setting (choices -1, 0, 1: ``word_bigrams``) also takes true and false."""
    if isinstance(value, bool) and choices and set(choices) <= {-1, 0, 1}:
        return value
    if isinstance(default, tuple):
        item = default[0] if default else ""
        if isinstance(value, list) and all(_fits(v, item) for v in value):
            return tuple(value)
        if isinstance(value, str):
            example = [value]
        else:
            example = list(default[:2]) if default else ["..."]
        what = "text" if isinstance(item, str) else "numbers"
        raise ConfigError(f"{where}: setting '{key}' must be a list of {what} ({key} = {example!r}), got {value!r}")
    if not _fits(value, default):
        raise ConfigError(f"{where}: setting '{key}' must be {_kind(default)}, got {value!r}")
    if isinstance(value, int) and not isinstance(value, bool) and isinstance(default, int) and default >= 0 and value < 0:
        raise ConfigError(f"{where}: setting '{key}' must be 0 or more, got {value!r}")
    return value


def _build(cls, values: dict, where: str):
    known = {f.name: f for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
        default = getattr(cls(), key) if not isinstance(known[key].default, dataclasses._MISSING_TYPE) else None
        choices = choices_of(known[key])
        if default is not None:
            value = _checked_value(key, value, default, where, choices)
        if choices and value not in choices:
            raise ConfigError(f"{where}: setting '{key}' must be one of {', '.join(map(repr, choices))}, got {value!r}")
        kwargs[key] = value
    return cls(**kwargs)


def load_settings(path: str | os.PathLike | None = None, **overrides) -> Settings:
    """Settings from ``path`` (default ``sinodesk.toml`` if present), then ``overrides``."""
    # where the path came from, for the fix a missing file names (qa19: a --config path was told to unset the variable)
    named_by = "--config"
    if path is None:
        env = os.environ.get("SINODESK_CONFIG")
        named_by = "$SINODESK_CONFIG" if env else "./sinodesk.toml"
        path = env or ("sinodesk.toml" if Path("sinodesk.toml").exists() else None)
    data: dict = {}
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            fix = ("create it or unset SINODESK_CONFIG" if named_by == "$SINODESK_CONFIG" else
                   "named by --config: create it or give the path of an existing settings file" if named_by == "--config" else
                   "create it")
            raise ConfigError(f"{path}: config file not found ({fix})") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or remove it") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{path}: not UTF-8 text (TOML files are UTF-8); save it as UTF-8") from None
    kwargs = {}
    for key, value in data.items():
        if key in _SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: [{key}] must be a table")
            kwargs[key] = _build(_SECTIONS[key].default_factory, value, f"{path} [{key}]")
        elif key == "db":
            kwargs["db"] = str(value)
        elif key == "outlets":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{path}: setting 'outlets' must be a list of file paths, got {value!r}")
            base = Path(path).resolve().parent
            kwargs["outlets"] = tuple(str(base / v) for v in value)
        else:
            raise ConfigError(f"{path}: unknown setting '{key}' (known: db, outlets, {', '.join(_SECTIONS)})")
    kwargs.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**kwargs)


def documented_fields() -> dict[str, str]:
    """Every setting with its help text (declared with each field: ``options.setting``)."""
    out = {f.name: help_of(f) for f in dataclasses.fields(Settings)}
    for name, f in _SECTIONS.items():
        out.update({f"{name}.{g.name}": help_of(g) for g in dataclasses.fields(f.default_factory)})
    return out