"""Merges the addon's .pot into i18n/vi.po: keeps every translation, adds new
terms untranslated (so that the translation check names them), drops the
terms the addon no longer has.

Usage: python3 scripts/update_translations.py [path/to/thidua_module.pot]
"""

import sys
from pathlib import Path

import polib

I18N = Path(__file__).resolve().parent.parent / "thidua_module" / "i18n"


def main():
    pot_path = Path(sys.argv[1]) if len(sys.argv) > 1 else I18N / "thidua_module.pot"
    pot = polib.pofile(str(pot_path))
    po_path = I18N / "vi.po"
    po = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    po.merge(pot)
    po.metadata.update(
        {
            "Project-Id-Version": "Odoo Server 18.0",
            "Language": "vi",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
    )
    kept = [entry for entry in po if not entry.obsolete]
    po[:] = kept
    po.save(str(po_path))
    untranslated = [entry.msgid for entry in po if not entry.msgstr]
    print(f"{po_path.name}: {len(po)} terms, {len(untranslated)} untranslated")
    for msgid in untranslated:
        print(f"  untranslated: {msgid!r}")


if __name__ == "__main__":
    main()
