"""Checks of the addon's files that need no Odoo: manifest, XML, access, translations."""

import ast
import csv

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


def test_every_model_has_access_rows_for_every_group():
    with (ADDON / "security" / "ir.model.access.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    granted = {(row["model_id:id"], row["group_id:id"]) for row in rows}
    models = model_names()
    assert models, "no model found"
    for model in models:
        model_ref = "model_" + model.replace(".", "_")
        for group in GROUPS:
            assert (model_ref, group) in granted, f"{model} has no access row for {group}"


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
