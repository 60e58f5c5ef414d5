from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import PoFileReader, TranslationModuleReader


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_every_term_of_the_addon_is_translated_to_vietnamese(self):
        """Terms as Odoo exports them now, not as the committed .pot lists them."""
        with open(file_path("thidua_module/i18n/vi.po"), "rb") as handle:
            translated = {entry["src"] for entry in PoFileReader(handle) if entry["value"].strip()}
        terms = {
            source
            for _module, _type, _name, res_id, source, _value, _comments in (
                TranslationModuleReader(self.env.cr, modules=["thidua_module"])
            )
            # Demo records are Vietnamese data, not terms of the interface.
            if source.strip() and not str(res_id).endswith("_demo")
        }
        missing = sorted(terms - translated)
        self.assertFalse(
            missing, f"{len(missing)} terms without Vietnamese translation: {missing[:15]}"
        )
