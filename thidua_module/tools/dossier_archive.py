"""The files two levels exchange: a dossier sent up, and the decision sent back.

A dossier archive is a ZIP file holding the documents of the dossier (PDF and
XLSX) and `dossier.json`, the dossier as data; a decision file is a JSON
document. Both are described in the README ("Dossiers between two
databases"). This module reads and writes them without Odoo, so that their
checks are tested on their own; it raises `ArchiveError` with a code and
values, which the addon turns into a translated message.
"""

import io
import json
import posixpath
import zipfile
from datetime import date

DOSSIER_FORMAT = "thidua.dossier"
DECISION_FORMAT = "thidua.decision"
VERSION = 1
DATA_NAME = "dossier.json"
# Bounds of what is read, against a ZIP that inflates without end.
MAX_MEMBERS = 2000
MAX_UNPACKED = 200 * 1024 * 1024
TARGETS = ("individual", "collective")
GENDERS = ("male", "female", "other")


class ArchiveError(ValueError):
    """A file that is not what it should be: `code` names the fault."""

    def __init__(self, code, **values):
        super().__init__(code, values)
        self.code = code
        self.values = values


def build_dossier_archive(data, files):
    """The ZIP of a dossier: `data` as `dossier.json`, and `files`, a list of
    (name in the archive, bytes)."""
    validate_dossier(data, {name for name, _content in files})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_NAME, dumps(data))
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


def read_dossier_archive(content):
    """(data, {name: bytes}) of a dossier archive, checked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content or b""))
    except zipfile.BadZipFile:
        raise ArchiveError("not_zip") from None
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        _check_members(members)
        files = {info.filename: archive.read(info) for info in members}
    if DATA_NAME not in files:
        raise ArchiveError("no_data", name=DATA_NAME)
    data = loads(files.pop(DATA_NAME))
    validate_dossier(data, set(files))
    return data, files


def _check_members(members):
    if len(members) > MAX_MEMBERS or sum(info.file_size for info in members) > MAX_UNPACKED:
        raise ArchiveError("too_large")
    for info in members:
        name = info.filename
        if name.startswith("/") or ".." in posixpath.normpath(name).split("/"):
            raise ArchiveError("bad_name", name=name)


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def loads(content):
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise ArchiveError("not_json") from None
    if not isinstance(data, dict):
        raise ArchiveError("not_json")
    return data


def _require(mapping, keys, where):
    missing = [key for key in keys if mapping.get(key) in (None, "", [])]
    if missing:
        raise ArchiveError("missing", keys=", ".join(missing), where=where)


def _check_format(data, expected):
    if data.get("format") != expected:
        raise ArchiveError("wrong_format", expected=expected, found=data.get("format"))
    if data.get("version") != VERSION:
        raise ArchiveError("wrong_version", version=data.get("version"), supported=VERSION)


def parse_date(value, where):
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        raise ArchiveError("bad_date", value=value, where=where) from None


def validate_dossier(data, names):
    """Check a dossier's data against the files beside it."""
    _check_format(data, DOSSIER_FORMAT)
    _require(data, ("ref", "number", "date", "sender", "addressee", "nominations"), "dossier")
    parse_date(data["date"], "dossier")
    _require(data["sender"], ("name",), "sender")
    documents = data.get("documents") or {}
    listed = [documents.get("cover_letter"), documents.get("list"), *documents.get("minutes", [])]
    refs = set()
    for index, nomination in enumerate(data["nominations"], start=1):
        where = f"nominations[{index}]"
        _require(nomination, ("ref", "target", "award_code", "year", "nominee"), where)
        if nomination["target"] not in TARGETS:
            raise ArchiveError("bad_value", key="target", value=nomination["target"], where=where)
        if not isinstance(nomination["year"], int):
            raise ArchiveError("bad_value", key="year", value=nomination["year"], where=where)
        if nomination["ref"] in refs:
            raise ArchiveError("duplicate_ref", ref=nomination["ref"])
        refs.add(nomination["ref"])
        nominee = nomination["nominee"]
        _require(nominee, ("name",), where + ".nominee")
        if nominee.get("gender") not in (None, *GENDERS):
            raise ArchiveError("bad_value", key="gender", value=nominee["gender"], where=where)
        parse_date(nominee.get("birthday"), where + ".nominee")
        listed.append(nomination.get("report"))
    absent = sorted(name for name in listed if name and name not in names)
    if absent:
        raise ArchiveError("absent_files", names=", ".join(absent))


def validate_decision(data):
    """Check a decision file: the decisions of the higher authority, and the
    result for each nomination of the dossier."""
    _check_format(data, DECISION_FORMAT)
    _require(data, ("dossier_ref", "results"), "decision file")
    numbers = set()
    for index, decision in enumerate(data.get("decisions") or [], start=1):
        where = f"decisions[{index}]"
        _require(decision, ("number", "date"), where)
        parse_date(decision["date"], where)
        numbers.add(decision["number"])
    refs = set()
    for index, result in enumerate(data["results"], start=1):
        where = f"results[{index}]"
        _require(result, ("ref",), where)
        if result["ref"] in refs:
            raise ArchiveError("duplicate_ref", ref=result["ref"])
        refs.add(result["ref"])
        if not isinstance(result.get("granted"), bool):
            raise ArchiveError("bad_value", key="granted", value=result.get("granted"), where=where)
        decision = result.get("decision")
        if result["granted"] and decision not in numbers:
            raise ArchiveError("bad_value", key="decision", value=decision, where=where)
        amount = result.get("amount", 0)
        if not isinstance(amount, int | float) or isinstance(amount, bool) or amount < 0:
            raise ArchiveError("bad_value", key="amount", value=amount, where=where)
    return data
