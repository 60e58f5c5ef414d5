"""A dossier sent up from one database to another, and its decision sent back.

    python3 scripts/dossier_round_trip.py LOWER HIGHER [Odoo options]

LOWER and HIGHER are two databases with the addon installed (LOWER with its
demo data, or with a draft dossier of its own); HIGHER's own authority is set
in its settings, and the award proposed has an amount in force there. The
script does, as the administrator of each database (who is in the council),
what their officers would click: LOWER sends its first draft dossier; HIGHER
receives the archive, approves its nominations at the council, issues the
decision and exports the decision file; LOWER records it. Each step is
committed and printed. Odoo options (--addons-path, --db_host, ...) follow.
"""

import argparse
import sys
from datetime import date

try:
    import odoo
    from odoo import api
    from odoo.exceptions import UserError
    from odoo.modules.registry import Registry
    from odoo.tools import config
except ImportError:
    sys.exit(
        "No Odoo 18 is importable by this Python: install Odoo 18, or run the "
        "interpreter that imports it."
    )


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lower")
    parser.add_argument("higher")
    own, odoo_args = parser.parse_known_args()
    config.parse_config(odoo_args + ["--log-level=warn"])
    return own


def as_admin(cr):
    env = api.Environment(cr, odoo.SUPERUSER_ID, {})
    return env(user=env.ref("base.user_admin"))


def send(db):
    with Registry(db).cursor() as cr:
        env = as_admin(cr)
        dossier = env["thidua.dossier"].search(
            [("direction", "=", "out"), ("state", "=", "draft")], order="id", limit=1
        )
        if not dossier:
            sys.exit(f"{db}: no draft dossier to send.")
        dossier.action_send()
        print(
            f"{db}: dossier {dossier.name} sent to {dossier.authority_id.name}, "
            f"{len(dossier.nomination_ids)} nominations, archive {dossier.archive_id.name} "
            f"({dossier.archive_id.file_size} bytes)"
        )
        return dossier.id, dossier.archive_id.datas


def decide(db, archive):
    with Registry(db).cursor() as cr:
        env = as_admin(cr)
        wizard = env["thidua.dossier.import"].create({"file": archive, "filename": "dossier.zip"})
        received = env["thidua.dossier"].browse(wizard.action_import()["res_id"])
        nominations = received.nomination_ids
        print(
            f"{db}: received {received.name} from {received.sender_name}: "
            + ", ".join(nominations.mapped("display_name"))
        )
        # The administrator received the dossier, standing for the units' approval;
        # the superuser stands for another member of the city's council.
        nominations.sudo().action_council_approve()
        decision = env["thidua.decision"].create(
            {
                "name": f"{received.id}/QĐ-KT",
                "date": date.today(),
                "authority_id": received.authority_id.id,
                "nomination_ids": [(6, 0, nominations.ids)],
            }
        )
        decision.action_issue()
        print(f"{db}: decision {decision.name} issued, {decision.amount_total:,.0f} đ")
        action = received.action_export_decision()
        attachment = env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        return attachment.datas


def record(db, dossier_id, decision_file):
    with Registry(db).cursor() as cr:
        env = as_admin(cr)
        dossier = env["thidua.dossier"].browse(dossier_id)
        wizard = env["thidua.dossier.decide"].with_context(default_dossier_id=dossier.id)
        wizard.create({"file": decision_file}).action_confirm()
        for nomination in dossier.nomination_ids:
            print(
                f"{db}: {nomination.display_name}: {nomination.state}, "
                f"{nomination.decision_id.name or '-'}, "
                f"{nomination.commendation_id.amount:,.0f} đ"
            )
        print(f"{db}: dossier {dossier.name} {dossier.state}")


def main():
    args = parse_args()
    try:
        dossier_id, archive = send(args.lower)
        decision_file = decide(args.higher, archive)
        record(args.lower, dossier_id, decision_file)
    except UserError as error:
        sys.exit(f"Stopped: {error}")


if __name__ == "__main__":
    main()
