import base64

from odoo import Command, fields, models
from odoo.exceptions import UserError

from ..tools import dossier_archive


class ThiduaDossierImport(models.TransientModel):
    """Receives the archive of a dossier a lower level sent up: its nominations,
    nominees and documents, ready for the council here. All or nothing."""

    _name = "thidua.dossier.import"
    _description = "Receive a Dossier from a Lower Level"

    file = fields.Binary(string="Archive", required=True, help="The ZIP file of the dossier.")
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        Dossier = self.env["thidua.dossier"]
        Dossier._check_preparer()
        own = self.env.company.thidua_authority_id
        if not own:
            raise UserError(
                self.env._(
                    "Set the authority this organisation stands for (Emulation and "
                    "Commendation settings) first: the dossier is addressed to it."
                )
            )
        try:
            data, files = dossier_archive.read_dossier_archive(base64.b64decode(self.file or b""))
        except dossier_archive.ArchiveError as error:
            raise UserError(Dossier._archive_error_message(error)) from None
        dossier = self._receive(data, files, own)
        return {
            "type": "ir.actions.act_window",
            "res_model": "thidua.dossier",
            "res_id": dossier.id,
            "view_mode": "form",
        }

    def _receive(self, data, files, own):
        company = self.env.company
        awards = self._awards([n["award_code"] for n in data["nominations"]])
        units = {}
        sender_unit = self._unit(data["sender"]["name"], self.env["hr.department"], units)
        Dossier = self.env["thidua.dossier"].sudo()
        if Dossier.search_count(
            [("direction", "=", "in"), ("ref", "=", data["ref"]), ("company_id", "=", company.id)]
        ):
            raise UserError(
                self.env._(
                    "The dossier %(number)s of %(sender)s has already been received.",
                    number=data["number"],
                    sender=data["sender"]["name"],
                )
            )
        dossier = Dossier.create(
            {
                "name": data["number"],
                "date": dossier_archive.parse_date(data["date"], "dossier"),
                "direction": "in",
                "state": "received",
                "ref": data["ref"],
                "sender_name": data["sender"]["name"],
                "authority_id": own.id,
                "place": data.get("place") or False,
                "signer_name": (data.get("signer") or {}).get("name") or False,
                "signer_title": (data.get("signer") or {}).get("title") or False,
                "company_id": company.id,
            }
        )
        values = [
            self._nomination_values(nomination, dossier, awards, sender_unit, files, units)
            for nomination in data["nominations"]
        ]
        nominations = self.env["thidua.nomination"].sudo().create(values)
        dossier._thidua_workflow_write({"nomination_ids": [Command.set(nominations.ids)]})
        self._attach(dossier, data, files)
        nominations._schedule_next_activity()
        dossier.message_post(
            body=self.env._(
                "Dossier received from %(sender)s: %(count)s nominations for the council.",
                sender=data["sender"]["name"],
                count=len(nominations),
            )
        )
        return dossier

    def _awards(self, codes):
        awards = self.env["thidua.award.type"].search(
            [("code", "in", codes), ("company_id", "in", (self.env.company.id, False))]
        )
        by_code = {award.code: award for award in awards}
        missing = sorted(set(codes) - set(by_code))
        if missing:
            raise UserError(
                self.env._(
                    "Nothing was received: no award here has the code %(codes)s. Add it to "
                    "the award types, or ask the sender which award is meant.",
                    codes=", ".join(missing),
                )
            )
        return by_code

    def _unit(self, name, parent, units):
        """The unit of that name under `parent`, made when there is none: the
        sender and its units stand here as units of their own. `units` keeps
        those found during the import: a dossier's people share a few units."""
        if (name, parent.id) not in units:
            units[name, parent.id] = self._find_or_make_unit(name, parent)
        return units[name, parent.id]

    def _find_or_make_unit(self, name, parent):
        Department = self.env["hr.department"].sudo()
        company = self.env.company
        unit = Department.search(
            [
                ("name", "=", name),
                ("parent_id", "=", parent.id or False),
                ("company_id", "=", company.id),
                ("thidua_is_received", "=", True),
            ],
            limit=1,
        )
        return unit or Department.create(
            {
                "name": name,
                "parent_id": parent.id or False,
                "company_id": company.id,
                "thidua_is_received": True,
            }
        )

    def _employee(self, nominee, unit):
        birthday = dossier_archive.parse_date(nominee.get("birthday"), "nominee")
        Employee = self.env["hr.employee"].sudo()
        # Found again by name and date of birth only: without a date, a new person.
        employee = birthday and Employee.search(
            [
                ("name", "=", nominee["name"]),
                ("birthday", "=", birthday),
                ("department_id", "=", unit.id),
            ],
            limit=1,
        )
        return employee or Employee.create(
            {
                "name": nominee["name"],
                "birthday": birthday or False,
                "gender": nominee.get("gender") or False,
                "job_title": nominee.get("job_title") or False,
                "department_id": unit.id,
                "company_id": self.env.company.id,
            }
        )

    def _nomination_values(self, nomination, dossier, awards, sender_unit, files, units):
        nominee = nomination["nominee"]
        unit = self._unit(nominee.get("unit") or sender_unit.name, sender_unit, units)
        values = {
            "target": nomination["target"],
            "award_type_id": awards[nomination["award_code"]].id,
            "year": nomination["year"],
            "award_kind": nomination.get("award_kind") or "yearly",
            "route_claimed": nomination.get("route_claimed") or False,
            "achievements": nomination.get("achievements_html") or False,
            "state": "unit_approved",
            # Whoever receives it stands for the unit's approval: another member
            # of the council approves it.
            "unit_approver_id": self.env.uid,
            "origin_dossier_id": dossier.id,
            "external_ref": nomination["ref"],
            "company_id": self.env.company.id,
        }
        if nomination["target"] == "collective":
            values["department_id"] = unit.id
        else:
            values["employee_id"] = self._employee(nominee, unit).id
        report = nomination.get("report")
        if report:
            values.update(
                report_file=base64.b64encode(files[report]),
                report_filename=report.rsplit("/", 1)[-1],
            )
        return values

    def _attach(self, dossier, data, files):
        documents = data.get("documents") or {}
        names = [
            documents.get("cover_letter"),
            documents.get("list"),
            *documents.get("minutes", []),
        ]
        self.env["ir.attachment"].create(
            [
                {
                    "name": name.rsplit("/", 1)[-1],
                    "raw": files[name],
                    "res_model": "thidua.dossier",
                    "res_id": dossier.id,
                }
                for name in names
                if name
            ]
        )
