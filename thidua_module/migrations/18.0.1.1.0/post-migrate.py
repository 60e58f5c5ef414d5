"""18.0.1.1.0: XLSX lists are no longer stored.

Until this version each XLSX download was kept as an attachment of the
movement, phase or decision, which every employee could read. They are
removed: the same documents are now printed on request, for those who may
read them.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MODELS = (
    "thidua.movement",
    "thidua.phase",
    "thidua.decision",
    "thidua.commendation",
    "thidua.nomination",
)
NAMES = ("danh-sach-%.xlsx", "tong-hop-dang-ky-thi-dua.xlsx", "bao-cao-so-ket-tong-ket.xlsx")


def stored_downloads(env):
    domain = [
        ("res_model", "in", MODELS),
        ("mimetype", "=", XLSX),
        ("res_field", "=", False),
        "|",
        "|",
        ("name", "=like", NAMES[0]),
        ("name", "=", NAMES[1]),
        ("name", "=", NAMES[2]),
    ]
    attachments = env["ir.attachment"].search(domain)
    env.cr.execute(
        "SELECT attachment_id FROM message_attachment_rel WHERE attachment_id IN %s",
        (tuple(attachments.ids) or (0,),),
    )
    in_messages = {row[0] for row in env.cr.fetchall()}
    return attachments.filtered(lambda a: a.id not in in_messages)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    downloads = stored_downloads(env)
    if downloads:
        _logger.info("Removing %s stored XLSX downloads", len(downloads))
        downloads.unlink()
