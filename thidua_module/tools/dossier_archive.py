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
import math
import posixpath
import zipfile
from datetime import date

DOSSIER_FORMAT = "thidua.dossier"
DECISION_FORMAT = "thidua.decision"
VERSION = 1
DATA_NAME = "dossier.json"
# Bounds of what is read, against a ZIP that inflates without end.
MAX_MEMBERS = 2000
MAX_UNPACKED = 50 * 1024 * 1024
# No commendation is paid this much: an amount above it is a wrong file.
MAX_AMOUNT = 10**12
TARGETS = ("individual", "collective")
GENDERS = ("male", "female", "other")
AWARD_KINDS = ("yearly", "thematic", "adhoc")


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
    names = [info.filename for info in members]
    if len(names) != len(set(names)):
        raise ArchiveError(
            "bad_name", name=", ".join(sorted({n for n in names if names.count(n) > 1}))
        )
    for info in members:
        name = info.filename
        if name.startswith("/") or ".." in posixpath.normpath(name).split("/"):
            raise ArchiveError("bad_name", name=name)


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def _no_constant(name):
    raise ValueError(name)


def loads(content):
    """JSON as the standard has it: NaN and Infinity are refused."""
    try:
        data = json.loads(content.decode("utf-8-sig"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError):
        raise ArchiveError("not_json") from None
    if not isinstance(data, dict):
        raise ArchiveError("not_json")
    return data


def _object(value, where):
    if not isinstance(value, dict):
        raise ArchiveError("not_object", where=where)
    return value


def _list(value, where):
    if not isinstance(value, list):
        raise ArchiveError("not_list", where=where)
    return value


def _text(mapping, key, where):
    if not isinstance(mapping.get(key), str | int) or isinstance(mapping.get(key), bool):
        raise ArchiveError("bad_value", key=key, value=mapping.get(key), where=where)
    return str(mapping[key])


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
    for key in ("ref", "number", "addressee"):
        _text(data, key, "dossier")
    parse_date(data["date"], "dossier")
    _require(_object(data["sender"], "sender"), ("name",), "sender")
    _text(data["sender"], "name", "sender")
    _object(data.get("signer") or {}, "signer")
    documents = _object(data.get("documents") or {}, "documents")
    minutes = _list(documents.get("minutes", []), "documents.minutes")
    listed = [documents.get("cover_letter"), documents.get("list"), *minutes]
    refs = set()
    for index, nomination in enumerate(_list(data["nominations"], "nominations"), start=1):
        where = f"nominations[{index}]"
        _require(
            _object(nomination, where), ("ref", "target", "award_code", "year", "nominee"), where
        )
        for key in ("ref", "award_code"):
            _text(nomination, key, where)
        if nomination.get("award_kind") not in (None, "", *AWARD_KINDS):
            raise ArchiveError(
                "bad_value", key="award_kind", value=nomination["award_kind"], where=where
            )
        if nomination["target"] not in TARGETS:
            raise ArchiveError("bad_value", key="target", value=nomination["target"], where=where)
        if not isinstance(nomination["year"], int):
            raise ArchiveError("bad_value", key="year", value=nomination["year"], where=where)
        if str(nomination["ref"]) in refs:
            raise ArchiveError("duplicate_ref", ref=nomination["ref"])
        refs.add(str(nomination["ref"]))
        nominee = _object(nomination["nominee"], where + ".nominee")
        _require(nominee, ("name",), where + ".nominee")
        _text(nominee, "name", where + ".nominee")
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
    for index, decision in enumerate(_list(data.get("decisions") or [], "decisions"), start=1):
        where = f"decisions[{index}]"
        _require(_object(decision, where), ("number", "date"), where)
        _text(decision, "number", where)
        parse_date(decision["date"], where)
        numbers.add(decision["number"])
    refs = set()
    for index, result in enumerate(_list(data["results"], "results"), start=1):
        where = f"results[{index}]"
        _require(_object(result, where), ("ref",), where)
        if str(_text(result, "ref", where)) in refs:
            raise ArchiveError("duplicate_ref", ref=result["ref"])
        refs.add(str(result["ref"]))
        if not isinstance(result.get("granted"), bool):
            raise ArchiveError("bad_value", key="granted", value=result.get("granted"), where=where)
        decision = result.get("decision")
        if result["granted"] and decision not in numbers:
            raise ArchiveError("bad_value", key="decision", value=decision, where=where)
        amount = result.get("amount", 0)
        if (
            not isinstance(amount, int | float)
            or isinstance(amount, bool)
            or not math.isfinite(amount)
            or not 0 <= amount <= MAX_AMOUNT
        ):
            raise ArchiveError("bad_value", key="amount", value=amount, where=where)
    return data
