import uuid

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import dossier_archive, vn_order
from ..tools.sql import create_partial_unique_index

DOSSIER_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("received", "Received"),
    ("decided", "Decided"),
    ("returned", "Returned"),
]


class ThiduaDossier(models.Model):
    """A dossier proposing commendations to a higher authority (hồ sơ đề nghị
    khen thưởng cấp trên): the cover letter (tờ trình), each nominee's
    achievement report (báo cáo thành tích) and the council's minutes, as Law
    06/2022/QH15 Art. 84 lists them. A dossier is sent up from this database
    (direction "out"), or received from a lower level's archive ("in")."""

    _name = "thidua.dossier"
    _description = "Dossier to a Higher Authority"
    _inherit = ["mail.thread", "mail.activity.mixin", "thidua.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _thidua_workflow_fields = (
        "state",
        "direction",
        "date_sent",
        "archive_id",
        "ref",
        "sender_name",
    )
    _thidua_initial_values = {"state": "draft", "direction": "out"}
    # Still writable once sent: the reason the higher authority gives back.
    _sent_writable_fields = frozenset({"return_reason"})

    name = fields.Char(
        string="Number", required=True, tracking=True, help="The number of the cover letter."
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    direction = fields.Selection(
        [("out", "Sent Up"), ("in", "Received")],
        required=True,
        default="out",
        readonly=True,
        help="Sent up from this database, or received from a lower level's archive.",
    )
    authority_id = fields.Many2one(
        "thidua.authority",
        string="Addressed To",
        required=True,
        ondelete="restrict",
        tracking=True,
        help="The higher authority that decides on the dossier.",
    )
    sender_name = fields.Char(
        string="Sent By", readonly=True, help="The organisation that sent a dossier received."
    )
    ref = fields.Char(
        string="Reference",
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: str(uuid.uuid4()),
        help="Identifies the dossier between the two databases.",
    )
    place = fields.Char(help="Where the cover letter is signed, as printed before its date.")
    signer_name = fields.Char(string="Signed By")
    signer_title = fields.Char(string="Signer's Position", help="As printed above the signature.")
    body = fields.Html(
        string="Cover Letter",
        help="The text of the cover letter (tờ trình) above the list: filled when the "
        "dossier is made, editable until it is sent.",
    )
    nomination_ids = fields.Many2many(
        "thidua.nomination",
        "thidua_dossier_nomination_rel",
        "dossier_id",
        "nomination_id",
        string="Nominations",
        check_company=True,
        domain="[('state', '=', 'council_approved'), ('decision_id', '=', False)]",
    )
    nomination_count = fields.Integer(compute="_compute_nomination_count", string="Proposed")
    report_ids = fields.One2many(
        "thidua.dossier.report", "dossier_id", string="Achievement Reports"
    )
    meeting_ids = fields.Many2many(
        "thidua.council.meeting",
        compute="_compute_meeting_ids",
        string="Council Meetings",
        help="The meetings that approved the nominations: their minutes go with the dossier.",
    )
    decision_ids = fields.Many2many(
        "thidua.decision", compute="_compute_decision_ids", string="Decisions"
    )
    state = fields.Selection(
        DOSSIER_STATES,
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    date_sent = fields.Date(readonly=True, copy=False, tracking=True)
    return_reason = fields.Text(tracking=True, copy=False)
    archive_id = fields.Many2one(
        "ir.attachment", string="Archive Sent", readonly=True, copy=False, ondelete="restrict"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        # The index itself is made in init(): for dossiers received only.
        ("received_uniq", "", "This dossier has already been received."),
    ]

    def init(self):
        super().init()
        create_partial_unique_index(
            self.env.cr,
            "thidua_dossier_received_uniq",
            self._table,
            "company_id, ref",
            "direction = 'in'",
        )

    @api.depends("nomination_ids")
    def _compute_nomination_count(self):
        for dossier in self:
            dossier.nomination_count = len(dossier.nomination_ids)

    @api.depends("nomination_ids")
    def _compute_meeting_ids(self):
        lines = (
            self.env["thidua.council.meeting.line"]
            .sudo()
            .search(
                [
                    ("nomination_id", "in", self.nomination_ids.ids),
                    ("result", "=", "approved"),
                ]
            )
        )
        for dossier in self:
            dossier.meeting_ids = lines.filtered(
                lambda line, d=dossier: line.nomination_id in d.nomination_ids
            ).meeting_id

    @api.depends("nomination_ids.decision_id")
    def _compute_decision_ids(self):
        for dossier in self:
            dossier.decision_ids = dossier.nomination_ids.decision_id

    @api.model_create_multi
    def create(self, vals_list):
        dossiers = super().create(vals_list)
        dossiers._sync_reports()
        for dossier in dossiers.filtered(lambda d: not d.body and d.direction == "out"):
            dossier.body = dossier._default_body()
        return dossiers

    def write(self, vals):
        if not self._thidua_in_workflow_path():
            self._check_editable(vals)
        result = super().write(vals)
        if "nomination_ids" in vals:
            self._sync_reports()
        return result

    def _check_editable(self, vals):
        changed = self._thidua_changed_content(vals, self._sent_writable_fields)
        closed = self.filtered(lambda d: d.state != "draft")
        if "return_reason" in vals and self.filtered(lambda d: d.state != "sent"):
            changed.add("return_reason")
        if closed and changed:
            raise UserError(
                self.env._(
                    "The dossier “%(name)s” has been sent or received: it stands as it is.",
                    name=closed[0].name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        closed = self.filtered(lambda d: d.state != "draft")
        if closed:
            raise UserError(
                self.env._(
                    "The dossier “%(name)s” has been sent or received and cannot be deleted.",
                    name=closed[0].name,
                )
            )

    def _default_body(self):
        self.ensure_one()
        return self.env["ir.qweb"]._render(
            "thidua_module.dossier_default_body", {"dossier": self}, minimal_qcontext=True
        )

    # Who does what

    def _check_preparer(self):
        """Emulation officers and the council prepare, send and record dossiers."""
        self.check_access("write")
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("thidua_module.group_thidua_officer")
            or user.has_group("thidua_module.group_thidua_council")
        ):
            raise UserError(
                self.env._(
                    "Only an emulation officer or the council handles the dossier “%(name)s”.",
                    name=self[:1].name,
                )
            )

    # The nominations a dossier may carry

    def _check_nominations(self):
        """Each nomination: approved by the council, for an award granted above the
        council's own authority, on no other dossier still open."""
        for dossier in self:
            if not dossier.nomination_ids:
                raise UserError(
                    self.env._(
                        "The dossier “%(name)s” proposes nobody: add council-approved "
                        "nominations first.",
                        name=dossier.name,
                    )
                )
            dossier.nomination_ids._thidua_check_state(("council_approved",))
            dossier._check_awards_above()
            dossier._check_not_elsewhere()

    def _check_awards_above(self):
        self.ensure_one()
        own = self.company_id.thidua_authority_id
        if not own:
            raise UserError(
                self.env._(
                    "Set the authority this organisation stands for (Emulation and "
                    "Commendation settings) first: a dossier goes to an authority above it."
                )
            )
        for award in self.nomination_ids.award_type_id:
            if not award._is_granted_above(own):
                raise UserError(
                    self.env._(
                        "“%(award)s” is granted by %(own)s itself: issue its decision here "
                        "instead of sending a dossier up.",
                        award=award.name,
                        own=own.name,
                    )
                )

    def _check_not_elsewhere(self):
        self.ensure_one()
        others = self.nomination_ids.dossier_ids.filtered(
            lambda d: d != self and d.direction == "out" and d.state in ("draft", "sent", "decided")
        )
        for other in others:
            both = other.nomination_ids & self.nomination_ids
            if both:
                raise UserError(
                    self.env._(
                        "“%(nomination)s” is already proposed in the dossier “%(dossier)s”.",
                        nomination=both[0].display_name,
                        dossier=other.name,
                    )
                )

    def _lock_nominations(self):
        """Two officers sending the same nominations at once: the second waits."""
        self.env.cr.execute(
            "SELECT id FROM thidua_nomination WHERE id IN %s FOR UPDATE",
            (tuple(self.nomination_ids.ids) or (0,),),
        )
        self.nomination_ids.invalidate_recordset(["state", "decision_id"])

    def _ordered_reports(self):
        """The reports as the dossier's lists print them: by unit, then the
        people in Vietnamese order."""
        self.ensure_one()
        reports = vn_order.sort_people(
            self.env.cr,
            self.report_ids,
            name=lambda report: report.nominee_name,
            unit=lambda report: report.nomination_id.unit_id.name,
            person=lambda report: report.nomination_id.target == "individual",
        )
        return self.env["thidua.dossier.report"].concat(*reports)

    # Achievement reports

    def _sync_reports(self):
        """One achievement report for each nomination, filled from the records."""
        for dossier in self.filtered(lambda d: d.direction == "out"):
            stale = dossier.report_ids.filtered(
                lambda r, d=dossier: r.nomination_id not in d.nomination_ids
            )
            stale.unlink()
            missing = dossier.nomination_ids - dossier.report_ids.nomination_id
            self.env["thidua.dossier.report"].create(
                [{"dossier_id": dossier.id, "nomination_id": n.id} for n in missing]
            )

    def action_prepare_reports(self):
        """Fill the achievement reports again from the records."""
        self._check_preparer()
        self._thidua_check_state(("draft",))
        self._sync_reports()
        self.report_ids.action_refill()
        return True

    # Workflow

    def action_send(self):
        self._check_preparer()
        self._thidua_check_state(("draft",))
        self._lock_nominations()
        self._check_nominations()
        for dossier in self:
            dossier._sync_reports()
            attachment = dossier._attach(
                dossier._file_name("Ho-so-de-nghi", "zip"), dossier._build_archive()
            )
            dossier._thidua_workflow_write(
                {
                    "state": "sent",
                    "date_sent": fields.Date.context_today(self),
                    "archive_id": attachment.id,
                }
            )
            dossier.message_post(
                body=self.env._(
                    "Dossier sent to %(authority)s: %(count)s nominations.",
                    authority=dossier.authority_id.name,
                    count=len(dossier.nomination_ids),
                ),
                attachment_ids=attachment.ids,
            )
        return True

    def action_return(self):
        """The higher authority returned the dossier: its nominations go back to
        the council, which considers them again."""
        self._check_preparer()
        self._thidua_check_state(("sent",))
        for dossier in self:
            if not (dossier.return_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason the dossier “%(name)s” was returned first.",
                        name=dossier.name,
                    )
                )
        nominations = self.nomination_ids.filtered(lambda n: n.state == "council_approved")
        nominations._thidua_workflow_write({"state": "unit_approved"})
        nominations._schedule_next_activity()
        self._thidua_workflow_write({"state": "returned"})
        return True

    def action_record_decision(self):
        self.ensure_one()
        self._check_preparer()
        self._thidua_check_state(("sent",))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record the Decision"),
            "res_model": "thidua.dossier.decide",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    def _record_decision(self, decisions, results):
        """The higher authority's decision on a dossier sent.

        `decisions`: {key: values of a decision}; `results`: [(nomination,
        granted, decision key, amount, reason)]. Each decision is recorded as
        issued elsewhere with the commendations of the nominations it granted;
        those it did not grant are refused with the reason given."""
        self.ensure_one()
        self._check_preparer()
        self._thidua_check_state(("sent",))
        self._lock_nominations()
        listed = sorted(result[0].id for result in results)
        if listed != sorted(self.nomination_ids.ids):
            raise UserError(
                self.env._(
                    "Give a result for each nomination of the dossier “%(name)s”, and for "
                    "no other.",
                    name=self.name,
                )
            )
        self.nomination_ids._thidua_check_state(("council_approved",))
        recorded = self.env["thidua.decision"]
        for key, values in decisions.items():
            granted = [(n, amount) for n, ok, k, amount, _reason in results if ok and k == key]
            if not granted:
                continue
            decision = self.env["thidua.decision"].create(
                {
                    **values,
                    "authority_id": values.get("authority_id") or self.authority_id.id,
                    "is_external": True,
                    "company_id": self.company_id.id,
                }
            )
            decision._issue_granted(granted)
            recorded |= decision
        for nomination, ok, _key, _amount, reason in results:
            if not ok:
                nomination._refuse_from_above(self, reason)
        self._thidua_workflow_write({"state": "decided"})
        self.message_post(
            body=self.env._(
                "Decided by %(authority)s: %(granted)s of %(count)s nominations granted.",
                authority=self.authority_id.name,
                granted=sum(1 for result in results if result[1]),
                count=len(results),
            )
        )
        return recorded

    # The archive

    def _file_name(self, prefix, extension):
        """A file's name after the dossier's number: "Ho-so-de-nghi-35-TTr-LĐLĐ.zip"."""
        self.ensure_one()
        return "%s-%s.%s" % (prefix, self.name.replace("/", "-").replace(" ", ""), extension)

    def _attach(self, name, content):
        """A file kept on the dossier, and the action that downloads it."""
        self.ensure_one()
        return self.env["ir.attachment"].create(
            {"name": name, "raw": content, "res_model": self._name, "res_id": self.id}
        )

    @api.model
    def _download(self, attachment):
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_download_archive(self):
        """The archive as sent, or, for a draft, as it would be sent now."""
        self.ensure_one()
        self._check_preparer()
        attachment = self.archive_id
        if not attachment:
            self._check_nominations()
            self._sync_reports()
            attachment = self._attach(
                self._file_name("Ho-so-de-nghi", "zip"), self._build_archive()
            )
        return self._download(attachment)

    def _build_archive(self):
        self.ensure_one()
        files = self._archive_files()
        data = self._archive_data(files)
        return dossier_archive.build_dossier_archive(data, list(files.values()))

    def _render_pdf(self, report, records):
        content, _kind = self.env["ir.actions.report"]._render_qweb_pdf(report, records.ids)
        return content

    def _archive_files(self):
        """{key: (name in the archive, bytes)}: the cover letter, the list, the
        minutes of each meeting and each nominee's report."""
        self.ensure_one()
        reports = self.env["ir.actions.report"]
        files = {
            "cover_letter": (
                "01-To-trinh.pdf",
                self._render_pdf("thidua_module.report_dossier_cover", self),
            ),
            "list": (
                "02-Danh-sach.xlsx",
                reports._render_xlsx(
                    "thidua_module.nomination_list", self.nomination_ids.ids, data=None
                )[0],
            ),
        }
        for index, meeting in enumerate(self.meeting_ids, start=1):
            files[f"meeting_{meeting.id}"] = (
                "03-Bien-ban-%02d.pdf" % index,
                self._render_pdf("thidua_module.report_council_meeting", meeting),
            )
        for index, report in enumerate(self._ordered_reports(), start=1):
            files[f"report_{report.nomination_id.id}"] = (
                "04-Bao-cao-thanh-tich/%02d.pdf" % index,
                self._render_pdf("thidua_module.report_dossier_achievement", report),
            )
        return files

    def _archive_data(self, files):
        """The dossier as data: the `dossier.json` of the archive (README)."""
        self.ensure_one()
        own = self.company_id.thidua_authority_id
        return {
            "format": dossier_archive.DOSSIER_FORMAT,
            "version": dossier_archive.VERSION,
            "ref": self.ref,
            "number": self.name,
            "date": self.date.isoformat(),
            "place": self.place or "",
            "sender": {"name": self.company_id.name, "authority": own.name or ""},
            "addressee": self.authority_id.name,
            "signer": {"name": self.signer_name or "", "title": self.signer_title or ""},
            "documents": {
                "cover_letter": files["cover_letter"][0],
                "list": files["list"][0],
                "minutes": [
                    name for key, (name, _c) in files.items() if key.startswith("meeting_")
                ],
            },
            "nominations": [
                report._archive_data(files[f"report_{report.nomination_id.id}"][0])
                for report in self._ordered_reports()
            ],
        }

    # Received dossiers: the decision sent back

    def action_export_decision(self):
        """The decision file of a dossier received, once the council here has
        decided on each of its nominations."""
        self.ensure_one()
        self._check_preparer()
        self._thidua_check_state(("received", "decided"))
        if self.direction != "in":
            raise UserError(
                self.env._(
                    "The dossier “%(name)s” was sent from here: its decision is recorded, "
                    "not exported.",
                    name=self.name,
                )
            )
        try:
            content = dossier_archive.dumps(self._decision_data())
        except dossier_archive.ArchiveError as error:
            raise UserError(self._archive_error_message(error)) from None
        attachment = self._attach(self._file_name("Quyet-dinh", "json"), content)
        if self.state == "received":
            self._thidua_workflow_write({"state": "decided"})
        return self._download(attachment)

    def _decision_data(self):
        self.ensure_one()
        pending = self.nomination_ids.filtered(lambda n: n.state not in ("awarded", "refused"))
        if pending:
            raise UserError(
                self.env._(
                    "Decide on each nomination of the dossier “%(name)s” first: "
                    "“%(nomination)s” is neither awarded by an issued decision nor refused.",
                    name=self.name,
                    nomination=pending[0].display_name,
                )
            )
        decisions = self.nomination_ids.decision_id.filtered(lambda d: d.state == "issued")
        return dossier_archive.validate_decision(
            {
                "format": dossier_archive.DECISION_FORMAT,
                "version": dossier_archive.VERSION,
                "dossier_ref": self.ref,
                "authority": self.company_id.thidua_authority_id.name or self.company_id.name,
                "decisions": [
                    {
                        "number": d.name,
                        "date": d.date.isoformat(),
                        "signer_name": d.signer_name or "",
                        "signer_title": d.signer_title or "",
                    }
                    for d in decisions
                ],
                "results": [n._decision_result() for n in self.nomination_ids],
            }
        )

    def _read_decision_file(self, content):
        """[(nomination, granted, decision key, amount, reason)] and the
        decisions' values, from the decision file sent back."""
        self.ensure_one()
        data = dossier_archive.validate_decision(dossier_archive.loads(content))
        if data["dossier_ref"] != self.ref:
            raise dossier_archive.ArchiveError("other_dossier")
        by_ref = {str(n.id): n for n in self.nomination_ids}
        unknown = [r["ref"] for r in data["results"] if str(r["ref"]) not in by_ref]
        if unknown:
            raise dossier_archive.ArchiveError("unknown_refs", refs=", ".join(map(str, unknown)))
        decisions = {
            d["number"]: {
                "name": d["number"],
                "date": dossier_archive.parse_date(d["date"], "decisions"),
                "signer_name": d.get("signer_name") or False,
                "signer_title": d.get("signer_title") or False,
            }
            for d in data.get("decisions") or []
        }
        for r in data["results"]:
            nomination = by_ref[str(r["ref"])]
            code = r.get("award_code")
            if r["granted"] and code and code != nomination.award_type_id.code:
                raise dossier_archive.ArchiveError(
                    "other_award", ref=r["ref"], granted=code, award=nomination.award_type_id.code
                )
        results = [
            (
                by_ref[str(r["ref"])],
                r["granted"],
                r.get("decision"),
                float(r.get("amount") or 0.0),
                r.get("reason") or "",
            )
            for r in data["results"]
        ]
        return decisions, results

    @api.model
    def _archive_error_message(self, error):
        """The message of an `ArchiveError`, for the person importing the file."""
        messages = {
            "not_zip": self.env._("The file is not a dossier archive (a ZIP file)."),
            "no_data": self.env._(
                "The archive holds no %(name)s: it was not exported by a dossier."
            ),
            "too_large": self.env._("The archive is too large to be read."),
            "bad_name": self.env._("The archive holds a file outside it: %(name)s."),
            "not_json": self.env._("The data of the file is not valid JSON."),
            "wrong_format": self.env._(
                "The file is a “%(found)s”, not a “%(expected)s”: choose the right file."
            ),
            "wrong_version": self.env._(
                "The file is of version %(version)s; this database reads version "
                "%(supported)s. Update the addon on one side."
            ),
            "missing": self.env._("The file gives no %(keys)s in %(where)s."),
            "bad_date": self.env._("“%(value)s” in %(where)s is not a date (YYYY-MM-DD)."),
            "bad_value": self.env._("“%(value)s” is not a valid %(key)s in %(where)s."),
            "duplicate_ref": self.env._("The reference %(ref)s is listed twice."),
            "absent_files": self.env._("The archive lacks the files it lists: %(names)s."),
            "other_dossier": self.env._(
                "This decision file answers another dossier: choose the one sent back for "
                "this dossier."
            ),
            "unknown_refs": self.env._(
                "The decision file names nominations this dossier does not hold: %(refs)s."
            ),
            "other_award": self.env._(
                "The decision file grants %(granted)s to the nomination %(ref)s, proposed for "
                "%(award)s: record a decision granting another award by hand."
            ),
            "not_list": self.env._("%(where)s of the file is not a list."),
            "not_object": self.env._("%(where)s of the file is not an object."),
        }
        message = messages.get(error.code, messages["not_json"])
        return self.env._("Nothing was imported: %(reason)s", reason=message % error.values)

    # Smart buttons

    def action_view_nominations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Nominations"),
            "res_model": "thidua.nomination",
            "view_mode": "list,form",
            "domain": [("id", "in", self.nomination_ids.ids)],
        }


class ThiduaDossierReport(models.Model):
    """A nominee's achievement report (báo cáo thành tích) in a dossier."""

    _name = "thidua.dossier.report"
    _description = "Achievement Report"
    _order = "dossier_id, id"
    _check_company_auto = True

    dossier_id = fields.Many2one(
        "thidua.dossier", string="Dossier", required=True, index=True, ondelete="cascade"
    )
    nomination_id = fields.Many2one(
        "thidua.nomination",
        string="Nomination",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    nominee_name = fields.Char(compute="_compute_nominee_name", string="Nominee")
    award_type_id = fields.Many2one(related="nomination_id.award_type_id")
    content = fields.Html(
        string="Achievements",
        help="Sections II and III of the report: filled from the records (pledges, "
        "ratings, initiatives, commendations held), editable until the dossier is sent.",
    )
    company_id = fields.Many2one(related="dossier_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "nomination_uniq",
            "UNIQUE(dossier_id, nomination_id)",
            "A dossier holds one achievement report per nomination.",
        ),
    ]

    @api.depends("nomination_id")
    def _compute_nominee_name(self):
        for report in self:
            report.nominee_name = report.nomination_id._nominee_name()

    @api.model_create_multi
    def create(self, vals_list):
        dossier_ids = [vals.get("dossier_id") for vals in vals_list]
        self._check_dossier_draft(self.env["thidua.dossier"].browse(filter(None, dossier_ids)))
        reports = super().create(vals_list)
        reports.filtered(lambda r: not r.content).action_refill()
        return reports

    def write(self, vals):
        self._check_dossier_draft(self.dossier_id)
        if vals.get("dossier_id"):
            self._check_dossier_draft(self.env["thidua.dossier"].browse(vals["dossier_id"]))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        self._check_dossier_draft(self.dossier_id)

    @api.model
    def _check_dossier_draft(self, dossiers):
        sent = dossiers.filtered(lambda d: d.state != "draft")
        if sent:
            raise UserError(
                self.env._(
                    "The dossier “%(name)s” has been sent or received: its reports stand as "
                    "they are.",
                    name=sent[0].name,
                )
            )

    @api.constrains("dossier_id", "nomination_id")
    def _check_nomination_in_dossier(self):
        for report in self:
            if report.nomination_id not in report.dossier_id.nomination_ids:
                raise ValidationError(
                    self.env._(
                        "The achievement report of “%(nomination)s” belongs with its "
                        "nomination in the dossier “%(dossier)s”: add the nomination to it.",
                        nomination=report.nomination_id.display_name,
                        dossier=report.dossier_id.name,
                    )
                )

    def action_refill(self):
        for report in self:
            report.content = report._default_content()

    def _default_content(self):
        self.ensure_one()
        return self.env["ir.qweb"]._render(
            "thidua_module.dossier_report_default_content",
            {"report": self, **self._record_values()},
            minimal_qcontext=True,
        )

    def _record_values(self):
        """What the records hold of the nominee, read with the rights of those who
        may prepare the dossier."""
        nomination = self.nomination_id.sudo()
        domain = [*nomination._nominee_domain(), ("company_id", "=", self.company_id.id)]
        commendations = (
            self.env["thidua.commendation"]
            .sudo()
            .search([*domain, ("state", "=", "valid")], order="year desc, id desc")
        )
        ratings = (
            self.env["thidua.rating"]
            .sudo()
            .search([*domain, ("year", "<=", nomination.year)], order="year desc", limit=10)
        )
        pledges = (
            self.env["thidua.pledge"]
            .sudo()
            .search([*domain, ("state", "in", ("evaluated", "closed"))], order="id desc", limit=10)
        )
        return {
            "nomination": nomination,
            "commendations": commendations,
            "ratings": ratings,
            "pledges": pledges,
            "initiatives": nomination.initiative_ids,
        }

    def _archive_data(self, report_name):
        """A nomination of the dossier as data (README: `nominations`)."""
        self.ensure_one()
        nomination = self.nomination_id.sudo()
        employee = nomination.employee_id
        unit = nomination.department_id if nomination.target == "collective" else nomination.unit_id
        return {
            "ref": str(nomination.id),
            "target": nomination.target,
            "award_code": nomination.award_type_id.code,
            "award_name": nomination.award_type_id.name,
            "year": nomination.year,
            "award_kind": nomination.award_kind or "yearly",
            "route_claimed": nomination.route_claimed or "",
            "nominee": {
                "name": nomination._nominee_name(),
                "birthday": employee.birthday.isoformat() if employee.birthday else None,
                "gender": employee.gender or None,
                "job_title": employee.job_title or employee.job_id.name or "",
                "unit": unit.name or "",
                "unit_path": unit.complete_name or "",
            },
            "votes": {"for": nomination.vote_for, "members": nomination.vote_members},
            "achievements_html": str(self.content or ""),
            "report": report_name,
        }
