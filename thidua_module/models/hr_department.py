from odoo import api, fields, models
from odoo.exceptions import AccessError


class HrDepartment(models.Model):
    _inherit = "hr.department"

    thidua_is_received = fields.Boolean(
        string="Unit of a Lower Level",
        readonly=True,
        help="Made when a dossier of a lower level was received: its sender, or one of "
        "the sender's units. Later dossiers find their units and people here again.",
    )
    block_id = fields.Many2one(
        "thidua.block",
        string="Emulation Block",
        index=True,
        ondelete="restrict",
        help="The emulation block in which this unit competes.",
    )
    thidua_block_id = fields.Many2one(
        "thidua.block",
        string="Block (Inherited)",
        compute="_compute_thidua_block_id",
        store=True,
        recursive=True,
        index="btree_not_null",
        help="The unit's emulation block, or that of the nearest unit above it that has one: "
        "the block its figures are counted in.",
    )
    thidua_pledge_ids = fields.One2many(
        "thidua.pledge", "department_id", string="Collective Pledges"
    )
    thidua_pledge_count = fields.Integer(
        compute="_compute_thidua_pledge_count", string="Collective Pledges Count"
    )
    thidua_commendation_ids = fields.One2many(
        "thidua.commendation", "department_id", string="Commendations"
    )
    thidua_commendation_count = fields.Integer(
        compute="_compute_thidua_commendation_count", string="Commendations Count"
    )
    thidua_rating_ids = fields.One2many(
        "thidua.rating",
        "unit_id",
        string="Ratings",
        groups="thidua_module.group_thidua_unit_manager",
        help="Yearly ratings of the unit itself and of its employees.",
    )
    thidua_registration_rate = fields.Float(
        compute="_compute_thidua_registration_rate",
        string="Registration Rate",
        groups="thidua_module.group_thidua_unit_manager",
        help="Share of the active employees of this unit and its sub-units who "
        "registered in the running movements it takes part in.",
    )

    # Who manages a unit, and which units lie under it, decide what unit
    # managers may see and approve here.
    _thidua_tree_fields = frozenset({"manager_id", "parent_id", "company_id", "active", "block_id"})

    def write(self, vals):
        # Odoo lets every internal user edit departments.
        tree_changes = self._thidua_tree_fields & set(vals)
        if tree_changes and not self.env.su and not self.env.user.has_group("hr.group_hr_user"):
            raise AccessError(
                self.env._(
                    "Only HR officers change the manager of a department, the unit above "
                    "it, its emulation block, its company or whether it is archived: "
                    "emulation rights and figures follow them. Ask an HR officer."
                )
            )
        return super().write(vals)

    @api.depends("block_id", "parent_id.thidua_block_id")
    def _compute_thidua_block_id(self):
        for department in self:
            department.thidua_block_id = department.block_id or department.parent_id.thidua_block_id

    @api.model
    def _thidua_managed_by(self, user=None):
        """Departments a user manages, with all their sub-departments."""
        user = user or self.env.user
        managed = (
            self.sudo()
            .with_context(active_test=False)
            .search([("manager_id.user_id", "=", user.id)])
        )
        if not managed:
            return self.browse()
        return self.sudo().search([("id", "child_of", managed.ids)]).with_env(self.env)

    def _thidua_nearest_manager(self):
        """The manager of this unit, or of the closest unit above it that has one."""
        self.ensure_one()
        department = self
        while department and not department.manager_id:
            department = department.parent_id
        return department.manager_id

    def _thidua_block(self):
        """The emulation block of this unit, or of the nearest unit above it that has one."""
        department = self[:1]
        while department and not department.block_id:
            department = department.parent_id
        return department.block_id

    def _compute_thidua_pledge_count(self):
        counts = dict(
            self.env["thidua.pledge"]._read_group(
                [("department_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["department_id"],
                ["__count"],
            )
        )
        for department in self:
            department.thidua_pledge_count = counts.get(department, 0)

    def _compute_thidua_registration_rate(self):
        movements = self.env["thidua.movement"].search([("state", "=", "running")])
        rates = dict.fromkeys(self.ids, 0.0)
        # A unit's figures are its managers' and the officers'.
        visible = self
        if not self.env.su and not self.env.user.has_group("thidua_module.group_thidua_officer"):
            visible = self & self._thidua_managed_by()
        for movement in movements if visible else ():
            stats = movement._registration_stats(visible)
            for department_id, row in stats.items():
                rates[department_id] = max(rates[department_id], row["rate"])
        for department in self:
            department.thidua_registration_rate = rates.get(department.id, 0.0)

    def action_view_thidua_pledges(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Collective Pledges"),
            "res_model": "thidua.pledge",
            "view_mode": "list,form",
            "domain": [("department_id", "=", self.id)],
            "context": {"default_target": "collective", "default_department_id": self.id},
        }

    def _compute_thidua_commendation_count(self):
        counts = dict(
            self.env["thidua.commendation"]._read_group(
                [("department_id", "in", self.ids), ("state", "=", "valid")],
                ["department_id"],
                ["__count"],
            )
        )
        for department in self:
            department.thidua_commendation_count = counts.get(department, 0)

    def action_view_thidua_commendations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Commendations"),
            "res_model": "thidua.commendation",
            "view_mode": "list,form",
            "domain": [("department_id", "=", self.id)],
        }
