"""Checks of the addon's files that need no Odoo: manifest, XML, access, translations."""

import ast
import csv
import re
from itertools import pairwise

import polib
import pytest
from lxml import etree

from conftest import ADDON

GROUPS = (
    "group_thidua_user",
    "group_thidua_unit_manager",
    "group_thidua_officer",
    "group_thidua_council",
)


def manifest():
    return ast.literal_eval((ADDON / "__manifest__.py").read_text(encoding="utf-8"))


def model_names():
    """The _name of every model the addon defines (not the ones it inherits)."""
    names = set()
    for path in list((ADDON / "models").glob("*.py")) + list((ADDON / "wizard").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and not any(
                getattr(base, "attr", "") == "AbstractModel" for base in node.bases
            ):
                for stmt in node.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and any(getattr(t, "id", None) == "_name" for t in stmt.targets)
                        and isinstance(stmt.value, ast.Constant)
                    ):
                        names.add(stmt.value.value)
    return names


def test_manifest_is_for_odoo_18_and_lgpl():
    data = manifest()
    assert data["version"].startswith("18.0.")
    assert data["license"] == "LGPL-3"


def test_manifest_files_exist():
    data = manifest()
    for key in ("data", "demo"):
        for name in data.get(key, []):
            assert (ADDON / name).is_file(), f"{key} file {name} is missing"


def test_security_files_load_first():
    data = manifest()["data"]
    assert data[0].startswith("security/") and data[1].startswith("security/")


def test_every_data_file_is_in_the_manifest():
    """A file of views, wizard views, reports or data left out of the manifest never loads."""
    listed = set(manifest()["data"])
    for folder in ("security", "data", "views", "wizard", "report"):
        for path in sorted((ADDON / folder).iterdir()):
            if path.suffix in (".xml", ".csv"):
                assert f"{folder}/{path.name}" in listed, f"{folder}/{path.name} is not loaded"


def test_menus_load_last():
    """A menu refers to its action, which must be loaded before it."""
    assert manifest()["data"][-1] == "views/thidua_menus.xml"


@pytest.mark.parametrize("path", sorted(ADDON.rglob("*.xml")), ids=lambda p: p.name)
def test_xml_is_well_formed(path):
    root = etree.parse(str(path)).getroot()
    # Odoo loads data files rooted in <odoo>; the web client's templates are rooted in <templates>.
    expected = "templates" if "static" in path.relative_to(ADDON).parts else "odoo"
    assert root.tag == expected, f"{path.name}: root <{root.tag}>, expected <{expected}>"


def test_demo_ids_end_with_demo():
    for name in manifest().get("demo", []):
        root = etree.parse(str(ADDON / name)).getroot()
        for record in root.iter("record"):
            xml_id = record.get("id")
            if "." not in xml_id:
                assert xml_id.endswith("_demo"), f"{name}: {xml_id} should end with _demo"


PERMS = ("perm_read", "perm_write", "perm_create", "perm_unlink")


def access_rows():
    with (ADDON / "security" / "ir.model.access.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_model_has_an_access_row():
    """A model without any row is for the superuser only (and Odoo warns at install)."""
    granted = {row["model_id:id"] for row in access_rows()}
    models = model_names()
    assert models, "no model found"
    for model in models:
        assert "model_" + model.replace(".", "_") in granted, f"{model} has no access row"


def test_every_access_row_grants_something_to_one_of_the_roles():
    # A row without a group would grant every user, portal and public included; a row
    # granting nothing is the same as no row.
    for row in access_rows():
        assert row["group_id:id"] in GROUPS, f"{row['id']}: group {row['group_id:id']!r}"
        assert {row[perm] for perm in PERMS} <= {"0", "1"}, row["id"]
        assert "1" in {row[perm] for perm in PERMS}, f"{row['id']} grants nothing"


def test_a_role_has_at_least_the_rights_of_the_roles_it_implies():
    # Each role implies the one before it in GROUPS, so its rights are the union of both rows:
    # a row giving a higher role less than a lower one would only mislead its reader.
    rights = {}
    for row in access_rows():
        perms = {perm for perm in PERMS if row[perm] == "1"}
        rights[row["model_id:id"], row["group_id:id"]] = perms
    for model in {model for model, _group in rights}:
        for lower, higher in pairwise(GROUPS):
            missing = rights.get((model, lower), set()) - rights.get((model, higher), set())
            assert not missing, f"{model}: {higher} lacks {sorted(missing)} of {lower}"


def test_commendations_are_read_only_for_every_role():
    # A commendation is granted by issuing its decision and undone by revoking it, never
    # created, edited or deleted by hand (thidua.commendation refuses it too).
    rows = [row for row in access_rows() if row["model_id:id"] == "model_thidua_commendation"]
    assert rows
    for row in rows:
        assert (row["perm_write"], row["perm_create"], row["perm_unlink"]) == ("0",) * 3, row["id"]


def po_file(name):
    return polib.pofile(str(ADDON / "i18n" / name))


def test_pot_and_vi_po_parse():
    assert len(po_file("thidua_module.pot")) > 0
    assert len(po_file("vi.po")) > 0


def test_every_term_has_a_vietnamese_translation():
    pot_ids = {(entry.msgctxt, entry.msgid) for entry in po_file("thidua_module.pot")}
    translated = {
        (entry.msgctxt, entry.msgid)
        for entry in po_file("vi.po")
        if entry.msgstr.strip() and "fuzzy" not in entry.flags
    }
    missing = sorted(msgid for _ctx, msgid in pot_ids - translated)
    assert not missing, f"{len(missing)} terms have no Vietnamese translation: {missing[:20]}"


def test_vi_po_keeps_placeholders():
    for entry in po_file("vi.po"):
        for placeholder in ("%s", "%d"):
            assert entry.msgid.count(placeholder) == entry.msgstr.count(placeholder), entry.msgid
        for token in entry.msgid.split("%(")[1:]:
            name = token.split(")")[0]
            assert f"%({name})" in entry.msgstr, f"{entry.msgid!r} loses %({name})"


def test_no_tree_or_attrs_in_views():
    for path in ADDON.rglob("*.xml"):
        text = path.read_text(encoding="utf-8")
        assert "<tree" not in text, f"{path.name} uses <tree>, Odoo 18 wants <list>"
        assert " attrs=" not in text, f"{path.name} uses attrs, gone in Odoo 17+"


def test_every_test_module_is_imported_for_odoos_own_runner():
    tests = ADDON / "tests"
    imported = set(re.findall(r"^from \. import (\w+)", (tests / "__init__.py").read_text(), re.M))
    modules = {path.stem for path in tests.glob("test_*.py")}
    assert modules <= imported, sorted(modules - imported)
