from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ThiduaCouncilMeeting(models.Model):
    """A meeting of the emulation council (phiên họp Hội đồng Thi đua - Khen
    thưởng): the nominations it considers, the votes for each, and the
    approval of those whose votes reach the share their award requires."""

    _name = "thidua.council.meeting"
    _description = "Council Meeting"
    _inherit = ["mail.thread", "thidua.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _thidua_workflow_fields = ("state",)

    name = fields.Char(
        string="Number", required=True, tracking=True, help="The number of the minutes."
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    place = fields.Char(help="Where the council meets, as printed on the minutes.")
    chair_id = fields.Many2one("res.users", string="Chair", tracking=True)
    secretary_id = fields.Many2one("res.users", string="Secretary")
    member_ids = fields.Many2many(
        "res.users", string="Members Present", help="The council members at the meeting."
    )
    guest_names = fields.Text(
        string="Other Members Present",
        help="Council members present who have no user, one a line.",
    )
    present_count = fields.Integer(
        string="Present", compute="_compute_present_count", store=True, aggregator=False
    )
    member_count = fields.Integer(
        string="Council Members",
        aggregator=False,
        help="The members of the council, present or not: the votes' share is counted on them.",
    )
    line_ids = fields.One2many(
        "thidua.council.meeting.line", "meeting_id", string="Nominations Considered"
    )
    passed_count = fields.Integer(string="Passed", compute="_compute_passed_count")
    state = fields.Selection(
        [("draft", "Draft"), ("held", "Held")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "members_valid",
            "CHECK(member_count >= 0 AND present_count <= member_count)",
            "The members present cannot outnumber the council members.",
        ),
    ]

    @api.depends("member_ids", "guest_names")
    def _compute_present_count(self):
        for meeting in self:
            guests = [name for name in (meeting.guest_names or "").splitlines() if name.strip()]
            meeting.present_count = len(meeting.member_ids) + len(guests)

    @api.depends("line_ids.passed")
    def _compute_passed_count(self):
        for meeting in self:
            meeting.passed_count = len(meeting.line_ids.filtered("passed"))

    @api.constrains("member_count", "member_ids", "guest_names")
    def _check_members(self):
        for meeting in self:
            if meeting.member_count < 0 or meeting.present_count > meeting.member_count:
                raise ValidationError(
                    self.env._(
                        "The meeting “%(name)s” counts %(present)s members present out of "
                        "%(members)s council members: enter the number of members of the "
                        "council, at least those present.",
                        name=meeting.name,
                        present=meeting.present_count,
                        members=meeting.member_count,
                    )
                )

    def write(self, vals):
        if not self._thidua_in_workflow_path():
            self._check_editable(vals)
        return super().write(vals)

    def _check_editable(self, vals):
        held = self.filtered(lambda meeting: meeting.state != "draft")
        if held and self._thidua_changed_content(vals):
            raise UserError(
                self.env._(
                    "The council meeting “%(name)s” has been held: its minutes stand as they are.",
                    name=held[0].name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        held = self.filtered(lambda meeting: meeting.state != "draft")
        if held:
            raise UserError(
                self.env._(
                    "The council meeting “%(name)s” has been held and cannot be deleted.",
                    name=held[0].name,
                )
            )

    def action_hold(self):
        """The council's vote: the nominations whose votes reach their award's share
        are approved at the council, with their votes; the others stay as they are."""
        self._thidua_check_state(("draft",))
        self._thidua_check_council(allow_superuser=False)
        empty = self.filtered(lambda meeting: not meeting.line_ids)
        if empty:
            raise UserError(
                self.env._(
                    "The council meeting “%(name)s” considers no nomination: add the "
                    "nominations approved by their units first.",
                    name=empty[0].name,
                )
            )
        lines = self.line_ids
        lines.nomination_id._thidua_check_state(("unit_approved",))
        passed = lines.filtered("passed")
        for line in passed:
            line.nomination_id.write(line._prepare_vote_values())
        passed.nomination_id.action_council_approve()
        passed._thidua_workflow_write({"result": "approved"})
        (lines - passed)._thidua_workflow_write({"result": "not_passed"})
        self._thidua_workflow_write({"state": "held"})
        return True


class ThiduaCouncilMeetingLine(models.Model):
    """A nomination considered by a council meeting, with the votes for it."""

    _name = "thidua.council.meeting.line"
    _description = "Nomination Considered by the Council"
    _inherit = ["thidua.workflow.mixin"]
    _order = "meeting_id, id"
    _check_company_auto = True
    _thidua_workflow_fields = ("result",)
    _thidua_initial_values = {}

    meeting_id = fields.Many2one(
        "thidua.council.meeting",
        string="Meeting",
        required=True,
        index=True,
        ondelete="cascade",
    )
    nomination_id = fields.Many2one(
        "thidua.nomination",
        string="Nomination",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('state', '=', 'unit_approved')]",
    )
    award_type_id = fields.Many2one(related="nomination_id.award_type_id")
    unit_id = fields.Many2one(related="nomination_id.unit_id")
    vote_share = fields.Float(
        related="nomination_id.award_type_id.vote_share", string="Share Required (%)"
    )
    vote_for = fields.Integer(string="Votes For", aggregator=False)
    present_count = fields.Integer(
        related="meeting_id.present_count", store=True, string="Members Present"
    )
    share = fields.Float(string="Share (%)", compute="_compute_passed", digits=(5, 1))
    passed = fields.Boolean(compute="_compute_passed")
    result = fields.Selection(
        [("approved", "Approved"), ("not_passed", "Not Passed")],
        readonly=True,
        copy=False,
        help="Set when the meeting is held.",
    )
    company_id = fields.Many2one(related="meeting_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "nomination_uniq",
            "UNIQUE(meeting_id, nomination_id)",
            "A meeting considers a nomination once.",
        ),
        (
            "votes_valid",
            "CHECK(vote_for >= 0 AND vote_for <= present_count)",
            "Votes for cannot be negative nor exceed the members present.",
        ),
    ]

    @api.depends("vote_for", "vote_share", "meeting_id.member_count")
    def _compute_passed(self):
        for line in self:
            members = line.meeting_id.member_count
            line.share = 100.0 * line.vote_for / members if members else 0.0
            line.passed = not line.vote_share or (members > 0 and line.share >= line.vote_share)

    @api.constrains("vote_for", "present_count")
    def _check_votes(self):
        for line in self:
            if not 0 <= line.vote_for <= line.present_count:
                raise ValidationError(
                    self.env._(
                        "%(votes)s votes for “%(name)s”: the votes cannot be negative nor "
                        "outnumber the %(present)s members present at the meeting.",
                        votes=line.vote_for,
                        name=line.nomination_id.display_name,
                        present=line.present_count,
                    )
                )

    @api.constrains("nomination_id")
    def _check_nomination(self):
        wrong = self.filtered(
            lambda line: (
                line.meeting_id.state == "draft" and line.nomination_id.state != "unit_approved"
            )
        )
        if wrong:
            raise ValidationError(
                self.env._(
                    "“%(name)s” is not approved by its unit: the council considers only "
                    "nominations approved by their units.",
                    name=wrong[0].nomination_id.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        meetings = self.env["thidua.council.meeting"].browse(
            {vals["meeting_id"] for vals in vals_list if vals.get("meeting_id")}
        )
        meetings._check_editable({"line_ids": True})
        return super().create(vals_list)

    def write(self, vals):
        if not self._thidua_in_workflow_path():
            self.meeting_id._check_editable({"line_ids": True})
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        self.meeting_id._check_editable({"line_ids": True})

    def _prepare_vote_values(self):
        """The votes the nomination keeps: for, out of the council members."""
        self.ensure_one()
        return {"vote_members": self.meeting_id.member_count, "vote_for": self.vote_for}
