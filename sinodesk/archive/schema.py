"""Opening a SQLite archive: the schema, its upgrades, and read-only or shared files.

A reading command opens the file with ``mode=ro`` and never writes, so an archive on a
read-only disk, in someone else's folder or under another user's name still opens.  SQLite
needs to create a ``-shm`` file beside a WAL database even to read it; where the folder is not
writable and no writer has left a ``-wal`` file, the archive is opened ``immutable`` (nothing
can be changing it).  A file that is not a sinodesk archive is refused by what it is, before
SQLite can fail on it with a misleading message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from ..errors import ArchiveError

SCHEMA_VERSION = 5

# Each story's text is stored once, in its row's JSON; the full-text index holds no copy of it
# (``content = ''``: its row is deleted by giving what was indexed).  A JSONL document keeps no
# copy of its text either when the raw input holds it: ``item_at``/``item_len`` locate its line
# in the raw bytes (``text`` is then '').
# ``stories_search`` covers the columns search filters read, so filtering a hit does not load
# its row (a story's row is mostly its JSON: 3x slower to filter a common word's hits without it).
# ``stories.rid`` is the story's stable integer key (an INTEGER PRIMARY KEY survives VACUUM);
# the full-text index uses it as its rowid, so a hit is joined by integer and a story's index
# row is found without scanning the index.  ``data`` stays the last column: filters read the
# columns before it without loading the JSON.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS batches (
    batch_id INTEGER PRIMARY KEY, started REAL, finished REAL, args TEXT,
    documents INTEGER DEFAULT 0, stories INTEGER DEFAULT 0, rejected INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS raw (
    raw_id TEXT PRIMARY KEY, seq INTEGER, source TEXT NOT NULL, kind TEXT NOT NULL, url TEXT,
    content_type TEXT, data BLOB NOT NULL, batch_id INTEGER, received REAL, outlet TEXT, pending INTEGER);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, raw_id TEXT NOT NULL REFERENCES raw(raw_id), source TEXT, kind TEXT,
    item_key TEXT, text TEXT NOT NULL, title TEXT, url TEXT, outlet TEXT, published TEXT, author TEXT,
    encoding TEXT, batch_id INTEGER, ingested REAL, item_at INTEGER, item_len INTEGER);
CREATE INDEX IF NOT EXISTS documents_raw ON documents(raw_id);
CREATE TABLE IF NOT EXISTS stories (
    rid INTEGER PRIMARY KEY, story_id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    seq INTEGER, published TEXT, outlet TEXT, language TEXT, headline TEXT, topics TEXT, event_id TEXT,
    duplicate_of TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS stories_doc ON stories(doc_id, seq);
CREATE INDEX IF NOT EXISTS stories_event ON stories(event_id);
CREATE INDEX IF NOT EXISTS stories_published ON stories(published);
CREATE INDEX IF NOT EXISTS stories_duplicate ON stories(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX IF NOT EXISTS stories_search ON stories(rid, published, outlet, language, topics);
CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(
    headline, body, zh_bi, zh_uni, content = '', tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS rejects (
    reject_id INTEGER PRIMARY KEY, batch_id INTEGER, source TEXT, item TEXT, stage TEXT, reason TEXT,
    data BLOB, raw_id TEXT, at REAL);
CREATE INDEX IF NOT EXISTS rejects_item ON rejects(source, item);
CREATE INDEX IF NOT EXISTS rejects_raw ON rejects(raw_id);
CREATE TABLE IF NOT EXISTS labels (
    story_id TEXT, kind TEXT, labels TEXT, at REAL, PRIMARY KEY (story_id, kind));
CREATE TABLE IF NOT EXISTS models (
    kind TEXT, version TEXT, blob BLOB, meta TEXT, created REAL, active INTEGER DEFAULT 1,
    PRIMARY KEY (kind, version));
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS incidents (
    incident_id TEXT PRIMARY KEY, first_seen TEXT, last_seen TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS incidents_last ON incidents(last_seen);
CREATE TABLE IF NOT EXISTS briefings (
    briefing_id INTEGER PRIMARY KEY, name TEXT NOT NULL, created REAL, since TEXT, until TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS briefings_name ON briefings(name, briefing_id);
CREATE TABLE IF NOT EXISTS story_entities (
    canonical TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (canonical, rid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_entities_rid ON story_entities(rid);
"""

# the event linker's state, row by row (kind: 'event', 'story', 'alias', 'dup-url', ...; see
# sinodesk/stages/cluster/store.py): only the rows a batch changed are written
LINKER_ROWS = ("CREATE TABLE IF NOT EXISTS linker_rows (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key))"
               " WITHOUT ROWID")

_STORY_COLUMNS = "story_id, doc_id, seq, published, outlet, language, headline, topics, event_id, duplicate_of, data"

# schema 1 -> 2: stories get the integer key, the index is keyed on it (its story_id column
# goes), raw items remember the outlet given with --outlet.  The index rows are copied; those
# with Chinese are folded again (see :func:`_upgrade`).
_UPGRADE_1_2 = f"""
DROP INDEX IF EXISTS stories_doc; DROP INDEX IF EXISTS stories_event; DROP INDEX IF EXISTS stories_published;
ALTER TABLE stories RENAME TO stories_v1;
ALTER TABLE stories_fts RENAME TO stories_fts_v1;
ALTER TABLE raw ADD COLUMN outlet TEXT;
CREATE VIRTUAL TABLE stories_fts USING fts5(headline, body, zh_bi, zh_uni, tokenize = 'unicode61 remove_diacritics 2');
{SCHEMA}
INSERT INTO stories ({_STORY_COLUMNS}) SELECT {_STORY_COLUMNS} FROM stories_v1 ORDER BY rowid;
INSERT INTO stories_fts (rowid, headline, body, zh_bi, zh_uni)
    SELECT s.rid, f.headline, f.body, f.zh_bi, f.zh_uni FROM stories_fts_v1 f JOIN stories s ON s.story_id = f.story_id;
DROP TABLE stories_fts_v1;
DROP TABLE stories_v1;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
"""

# schema 2 -> 3: the canonical entities each story names, indexed (filters and facet counts by
# entity without reading the stories' JSON); filled from the stored stories.  Any other table an
# older schema-2 file lacks is created too.
_UPGRADE_2_3 = f"""
{SCHEMA}
INSERT OR IGNORE INTO story_entities (canonical, rid)
    SELECT json_extract(e.value, '$.canonical'), s.rid FROM stories s, json_each(s.data, '$.entities') e
    WHERE json_extract(e.value, '$.canonical') IS NOT NULL;
UPDATE meta SET value = '3' WHERE key = 'schema_version';
"""


def readonly_error(path: str) -> ArchiveError:
    return ArchiveError(
        f"{path}: cannot write to this archive (the file or its folder is read-only for you); "
        "reading commands (stories, search, show, export) still work: copy it somewhere writable to change it"
    )


def is_readonly_error(exc: sqlite3.Error) -> bool:
    return (getattr(exc, "sqlite_errorname", "") or "").startswith("SQLITE_READONLY")


def _check_file(path: str, *, create: bool) -> bool:
    """Refuse what cannot be an archive; True if the file exists and holds data."""
    p = Path(path)
    if p.is_dir():
        raise ArchiveError(f"{path}: is a directory, not an archive file (pass a file path to --db)")
    if not p.exists():
        if not create:
            raise ArchiveError(f"{path}: no archive here (run 'sinodesk ingest ... --db {path}' first, or pass the right --db)")
        if not p.parent.is_dir():
            raise ArchiveError(f"{path}: folder {p.parent} does not exist (create it, or pass another --db)")
        return False
    try:
        with p.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise ArchiveError(f"{path}: cannot read the archive ({exc.strerror}); ask its owner for read access") from None
    if not head:
        if not create:
            raise ArchiveError(f"{path}: empty file, not a sinodesk archive (pass the archive's path to --db)")
        return False
    if head != b"SQLite format 3\x00":
        raise ArchiveError(f"{path}: not a sinodesk archive (the file is not a SQLite database); pass the archive's path to --db")
    return True


def _open_read_only(path: str) -> sqlite3.Connection:
    uri = "file:" + quote(str(Path(path).resolve()))
    try:
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None, timeout=30)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if not (is_readonly_error(exc) or exc.sqlite_errorname == "SQLITE_CANTOPEN"):
            raise
    wal = Path(path + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ArchiveError(
            f"{path}: the archive has changes not yet written into it ({wal.name}) and its folder is read-only, so "
            "they cannot be read; ask whoever writes it to close sinodesk, or copy the folder somewhere writable"
        )
    # the folder is read-only and nobody is writing: read the file as it is, without locks
    return sqlite3.connect(uri + "?immutable=1", uri=True, isolation_level=None)


def open_connection(path: str, *, create: bool, read_only: bool) -> tuple[sqlite3.Connection, int]:
    """A connection to the archive at ``path`` and its schema version (created when new)."""
    has_data = _check_file(path, create=create and not read_only)
    try:
        conn = _open_read_only(path) if read_only else sqlite3.connect(path, isolation_level=None, timeout=30)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.DatabaseError as exc:
        if is_readonly_error(exc):
            raise readonly_error(path) from None
        raise ArchiveError(f"{path}: not a sinodesk archive ({exc}); pass the archive's path to --db") from None
    if "stories" not in tables or "meta" not in tables:
        if has_data and tables:
            raise ArchiveError(
                f"{path}: a SQLite database, but not a sinodesk archive (it has no stories table); pass the archive's path to --db"
            )
        if read_only:
            raise ArchiveError(f"{path}: empty database, not a sinodesk archive (pass the archive's path to --db)")
    try:
        if read_only:
            return conn, _version(conn)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        if "stories" not in tables:
            conn.executescript("BEGIN IMMEDIATE;" + SCHEMA + "COMMIT;")
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        version = _version(conn)
        if version < SCHEMA_VERSION:
            _upgrade(conn, version)
            version = SCHEMA_VERSION
        conn.execute(LINKER_ROWS)  # added within schema 4 (older sinodesk never reads it)
        return conn, version
    except sqlite3.OperationalError as exc:
        conn.close()
        if is_readonly_error(exc):
            raise readonly_error(path) from None
        raise


def _version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 1
    if version > SCHEMA_VERSION:
        raise ArchiveError(f"archive schema {version} was written by a newer sinodesk (this one reads up to {SCHEMA_VERSION}); upgrade sinodesk")
    return version


def _upgrade_3_4(conn: sqlite3.Connection) -> None:
    """Schema 3 -> 4: a raw item is pending until all its documents are in (batches commit one by
    one); a JSONL document can point into its raw input instead of copying its text; the index
    keeps no copy of the text (its terms are copied over as they are)."""
    if "pending" not in {r[1] for r in conn.execute("PRAGMA table_info(raw)")}:
        conn.execute("ALTER TABLE raw ADD COLUMN pending INTEGER")
    if "item_at" not in {r[1] for r in conn.execute("PRAGMA table_info(documents)")}:
        conn.execute("ALTER TABLE documents ADD COLUMN item_at INTEGER")
        conn.execute("ALTER TABLE documents ADD COLUMN item_len INTEGER")
    conn.execute("CREATE VIRTUAL TABLE stories_fts_v3 USING fts5(headline, body, zh_bi, zh_uni, content = '', "
                 "tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO stories_fts_v3 (rowid, headline, body, zh_bi, zh_uni) SELECT rowid, headline, body, zh_bi, zh_uni FROM stories_fts")
    conn.execute("DROP TABLE stories_fts")
    conn.execute("ALTER TABLE stories_fts_v3 RENAME TO stories_fts")
    conn.execute("CREATE INDEX IF NOT EXISTS stories_search ON stories(rid, published, outlet, language, topics)")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


def _upgrade(conn: sqlite3.Connection, version: int) -> None:
    from .textindex import cjk_index_columns

    conn.execute("PRAGMA foreign_keys=OFF")  # tables are renamed and rebuilt
    try:
        if version < 2:  # (executescript commits an open transaction first: the script begins its own)
            conn.executescript("BEGIN IMMEDIATE;" + _UPGRADE_1_2)
            # schema 1 folded Chinese character by character; schema 2 also folds Taiwan phrases
            for rid, headline, body in conn.execute("SELECT rowid, headline, body FROM stories_fts WHERE zh_uni != ''").fetchall():
                bi, uni = cjk_index_columns(headline + "\n" + body)
                conn.execute("DELETE FROM stories_fts WHERE rowid = ?", (rid,))
                conn.execute("INSERT INTO stories_fts (rowid, headline, body, zh_bi, zh_uni) VALUES (?,?,?,?,?)", (rid, headline, body, bi, uni))
            conn.execute("COMMIT")
        if version < 3:
            conn.executescript("BEGIN IMMEDIATE;" + _UPGRADE_2_3 + "COMMIT;")
        if version < 4:
            conn.execute("BEGIN IMMEDIATE")
            _upgrade_3_4(conn)
            conn.execute("COMMIT")
        # 4 -> 5: new story rows are stored packed (``rows.pack_json``); rows already there stay JSON
        # text and read as before.  Only the number changes, so that an older sinodesk refuses the
        # file with a clear message instead of failing on a packed row.
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
