"""The files exchanged between two levels: read and checked without Odoo."""

import io
import json
import zipfile

import pytest

from conftest import load_tool

archive = load_tool("dossier_archive")


def dossier_data(**changes):
    data = {
        "format": "thidua.dossier",
        "version": 1,
        "ref": "5f0c8f7e-1",
        "number": "35/TTr-LĐLĐ",
        "date": "2021-12-15",
        "sender": {"name": "LĐLĐ quận Long Biên", "authority": "Ban Thường vụ"},
        "addressee": "LĐLĐ Thành phố Hà Nội",
        "documents": {"cover_letter": "01-To-trinh.pdf", "list": "02-Danh-sach.xlsx"},
        "nominations": [
            {
                "ref": "17",
                "target": "individual",
                "award_code": "BK-LDLD",
                "year": 2021,
                "nominee": {"name": "Lê Thị Mai", "birthday": "1990-03-02", "gender": "female"},
                "report": "04-Bao-cao-thanh-tich/01.pdf",
            }
        ],
    }
    data.update(changes)
    return data


FILES = [
    ("01-To-trinh.pdf", b"%PDF-1.4 letter"),
    ("02-Danh-sach.xlsx", b"xlsx"),
    ("04-Bao-cao-thanh-tich/01.pdf", b"%PDF-1.4 report"),
]


def zip_of(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in members:
            zf.writestr(name, content)
    return buffer.getvalue()


def code_of(call, *args):
    with pytest.raises(archive.ArchiveError) as raised:
        call(*args)
    return raised.value.code


def test_an_archive_built_reads_back_the_same():
    content = archive.build_dossier_archive(dossier_data(), FILES)
    data, files = archive.read_dossier_archive(content)
    assert data == dossier_data()
    assert files == dict(FILES)


def test_the_data_is_readable_json_in_utf8():
    content = archive.build_dossier_archive(dossier_data(), FILES)
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        text = zf.read("dossier.json").decode("utf-8")
    assert "Lê Thị Mai" in text
    assert json.loads(text)["format"] == "thidua.dossier"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"not a zip", "not_zip"),
        (zip_of(FILES), "no_data"),
        (zip_of([("dossier.json", b"{oops")]), "not_json"),
        (zip_of([("dossier.json", b"[1, 2]")]), "not_json"),
        (zip_of([*FILES, ("../evil.txt", b"x"), ("dossier.json", b"{}")]), "bad_name"),
    ],
)
def test_a_file_that_is_no_dossier_archive_is_refused(content, code):
    assert code_of(archive.read_dossier_archive, content) == code


def test_a_listed_document_missing_from_the_archive_is_refused():
    content = zip_of([("dossier.json", archive.dumps(dossier_data())), FILES[0]])
    error = pytest.raises(archive.ArchiveError, archive.read_dossier_archive, content).value
    assert error.code == "absent_files"
    assert "02-Danh-sach.xlsx" in error.values["names"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"format": "thidua.decision"}, "wrong_format"),
        ({"version": 2}, "wrong_version"),
        ({"number": ""}, "missing"),
        ({"date": "15/12/2021"}, "bad_date"),
    ],
)
def test_a_dossier_with_wrong_data_is_refused(changes, code):
    assert code_of(archive.validate_dossier, dossier_data(**changes), dict(FILES)) == code


@pytest.mark.parametrize(
    ("nomination", "code"),
    [
        ({"target": "team"}, "bad_value"),
        ({"year": "2021"}, "bad_value"),
        ({"nominee": {"name": "A", "gender": "f"}}, "bad_value"),
        ({"nominee": {"name": "A", "birthday": "02/03/1990"}}, "bad_date"),
        ({"award_code": None}, "missing"),
    ],
)
def test_a_nomination_with_wrong_data_is_refused(nomination, code):
    data = dossier_data()
    data["nominations"][0].update(nomination)
    assert code_of(archive.validate_dossier, data, dict(FILES)) == code


def test_the_same_nomination_twice_is_refused():
    data = dossier_data()
    data["nominations"].append(dict(data["nominations"][0]))
    assert code_of(archive.validate_dossier, data, dict(FILES)) == "duplicate_ref"


def decision_data(**changes):
    data = {
        "format": "thidua.decision",
        "version": 1,
        "dossier_ref": "5f0c8f7e-1",
        "decisions": [{"number": "1250/QĐ-LĐLĐ", "date": "2022-01-10"}],
        "results": [
            {"ref": "17", "granted": True, "decision": "1250/QĐ-LĐLĐ", "amount": 1150000},
            {"ref": "18", "granted": False, "reason": "Chưa đủ điều kiện"},
        ],
    }
    data.update(changes)
    return data


def test_a_decision_file_is_accepted():
    assert archive.validate_decision(decision_data()) == decision_data()


@pytest.mark.parametrize(
    ("result", "code"),
    [
        ({"granted": "yes"}, "bad_value"),
        ({"decision": "999/QĐ"}, "bad_value"),
        ({"amount": -5}, "bad_value"),
        ({"amount": True}, "bad_value"),
        ({"ref": "18"}, "duplicate_ref"),
    ],
)
def test_a_decision_file_with_wrong_results_is_refused(result, code):
    data = decision_data()
    data["results"][0].update(result)
    assert code_of(archive.validate_decision, data) == code


def test_nan_and_infinity_are_no_amounts():
    for constant in ("NaN", "Infinity", "-Infinity"):
        text = archive.dumps(decision_data()).decode().replace("1150000", constant)
        assert code_of(archive.loads, text.encode()) == "not_json"
    data = decision_data()
    data["results"][0]["amount"] = 1e300
    assert code_of(archive.validate_decision, data) == "bad_value"


def test_a_reference_given_as_number_and_as_text_is_the_same():
    data = decision_data()
    data["results"][1]["ref"] = 17
    assert code_of(archive.validate_decision, data) == "duplicate_ref"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"results": {"ref": "17"}}, "not_list"),
        ({"results": ["17"]}, "not_object"),
        ({"decisions": [{"number": ["1"], "date": "2022-01-10"}]}, "bad_value"),
    ],
)
def test_a_decision_file_of_the_wrong_shape_is_refused(changes, code):
    assert code_of(archive.validate_decision, decision_data(**changes)) == code


def test_a_dossier_of_the_wrong_shape_is_refused():
    assert code_of(archive.validate_dossier, dossier_data(sender="LĐLĐ"), dict(FILES)) == (
        "not_object"
    )
    data = dossier_data()
    data["nominations"][0]["award_kind"] = "yearly-ish"
    assert code_of(archive.validate_dossier, data, dict(FILES)) == "bad_value"


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_name_twice_in_the_archive_is_refused():
    members = [("dossier.json", archive.dumps(dossier_data())), *FILES, FILES[0]]
    assert code_of(archive.read_dossier_archive, zip_of(members)) == "bad_name"
