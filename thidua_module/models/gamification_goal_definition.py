import logging
from datetime import datetime, time, timedelta

from odoo import api, models
from odoo.tools.safe_eval import safe_eval

_logger = logging.getLogger(__name__)

# What a record may point to, to say whose it is.
LINKED_MODELS = ("hr.employee", "res.users", "res.partner")

# Definitions shipped for apps the addon does not depend on: created (once)
# when their model is installed, at the addon's install or update and by the
# daily measurement. A definition the user deleted is not made again.
MADE_PARAMETER = "thidua_module.measures_made"
OPTIONAL_DEFINITIONS = (
    {
        "xmlid": "goal_definition_leave_days",
        "model": "hr.leave",
        "computation_mode": "sum",
        "field": "number_of_days",
        "date_field": "date_from",
        "link_field": "employee_id",
        "domain": "[('state', '=', 'validate')]",
        "condition": "lower",
    },
    {
        "xmlid": "goal_definition_attendance_hours",
        "model": "hr.attendance",
        "computation_mode": "sum",
        "field": "worked_hours",
        "date_field": "check_in",
        "link_field": "employee_id",
        "domain": "[]",
        "condition": "higher",
    },
    {
        "xmlid": "goal_definition_timesheet_hours",
        "model": "account.analytic.line",
        "computation_mode": "sum",
        "field": "unit_amount",
        "date_field": "date",
        "link_field": "employee_id",
        "domain": "[('project_id', '!=', False)]",
        "condition": "higher",
    },
)


class GamificationGoalDefinition(models.Model):
    """Goal definitions measure the criteria of pledges: the records of a model
    matching a domain, counted or summed over a period, per employee or user."""

    _inherit = "gamification.goal.definition"

    def _thidua_measure_problem(self):
        """Why this definition cannot measure a criterion, or False."""
        self.ensure_one()
        model_name = self.model_id.model
        if not model_name or model_name not in self.env:
            return self.env._(
                "The measure “%(name)s” reads %(model)s, whose app is not installed: its "
                "criteria are not measured. Install the app or choose another measure.",
                name=self.name,
                model=model_name or "-",
            )
        if self.computation_mode not in ("count", "sum"):
            return self.env._(
                "The measure “%(name)s” is neither a count nor a sum of records: choose a "
                "measure computed automatically by a count or a sum.",
                name=self.name,
            )
        Model = self.env[model_name]
        link = Model._fields.get(self.batch_distinctive_field.name or "")
        if not link or link.type not in ("many2one", "many2many") or not link.store:
            return self.env._(
                "The measure “%(name)s” does not say which field links a record to the "
                "employee or the user: set its distinctive field (batch mode) to a field "
                "pointing to an employee, a user or a contact.",
                name=self.name,
            )
        if link.comodel_name not in LINKED_MODELS:
            return self.env._(
                "The field %(field)s of the measure “%(name)s” points to %(model)s: a "
                "measure must link its records to an employee, a user or a contact.",
                field=link.name,
                name=self.name,
                model=link.comodel_name,
            )
        for field in (self.field_id, self.field_date_id):
            if field and field.name not in Model._fields:
                return self.env._(
                    "The field %(field)s of the measure “%(name)s” no longer exists on "
                    "%(model)s: correct the measure.",
                    field=field.name,
                    name=self.name,
                    model=model_name,
                )
        numeric = ("integer", "float", "monetary")
        if (
            self.computation_mode == "sum"
            and self.field_id
            and (self.field_id.ttype not in numeric or not Model._fields[self.field_id.name].store)
        ):
            return self.env._(
                "The measure “%(name)s” sums %(field)s, which is not a stored number: "
                "choose a field holding a number.",
                name=self.name,
                field=self.field_id.name,
            )
        if self.field_date_id and not Model._fields[self.field_date_id.name].store:
            return self.env._(
                "The date field %(field)s of the measure “%(name)s” is not stored: choose "
                "a stored date.",
                name=self.name,
                field=self.field_date_id.name,
            )
        if self.computation_mode == "sum" and not self.field_id:
            return self.env._(
                "The measure “%(name)s” sums no field: choose the field to sum.",
                name=self.name,
            )
        return False

    def _thidua_link_model(self):
        """The model whose ids the distinctive field holds."""
        self.ensure_one()
        Model = self.env[self.model_id.model]
        return Model._fields[self.batch_distinctive_field.name].comodel_name

    def _thidua_read_values(self, keys, date_from=None, date_to=None):
        """{key: value} of this definition for the records linked to `keys` (ids
        of the linked model) between two dates, in one grouped query. Read as
        superuser: a result is measured for everybody alike, whatever the
        rights of whoever asks for it."""
        self.ensure_one()
        Model = self.env[self.model_id.model].sudo()
        link = self.batch_distinctive_field.name
        domain = list(safe_eval(self.domain or "[]", {"user": self.env.user}))
        domain.append((link, "in", list(keys)))
        date_field = Model._fields.get(self.field_date_id.name or "")
        if date_field and date_field.type == "datetime":
            # From the first day's midnight to the midnight after the last day.
            if date_from:
                domain.append((date_field.name, ">=", datetime.combine(date_from, time.min)))
            if date_to:
                end = datetime.combine(date_to + timedelta(days=1), time.min)
                domain.append((date_field.name, "<", end))
        elif date_field:
            if date_from:
                domain.append((date_field.name, ">=", date_from))
            if date_to:
                domain.append((date_field.name, "<=", date_to))
        sums = self.computation_mode == "sum"
        aggregate = f"{self.field_id.name}:sum" if sums else "__count"
        return {
            record.id: value or 0.0
            for record, value in Model._read_group(domain, [link], [aggregate])
            if record
        }

    @api.model
    def _thidua_sync_optional_definitions(self):
        """Create the shipped definitions whose model is now installed, once:
        the system parameter `thidua_module.measures_made` remembers those made,
        so that one the user deleted is not made again."""
        Params = self.env["ir.config_parameter"].sudo()
        made = set(filter(None, (Params.get_param(MADE_PARAMETER) or "").split(",")))
        IrModelData = self.env["ir.model.data"].sudo()
        IrModel = self.env["ir.model"].sudo()
        Fields = self.env["ir.model.fields"].sudo()
        for spec in OPTIONAL_DEFINITIONS:
            if spec["xmlid"] in made or spec["model"] not in self.env:
                continue
            if self.env.ref(f"thidua_module.{spec['xmlid']}", raise_if_not_found=False):
                continue
            model = spec["model"]
            labels = self.with_context(lang="en_US")._thidua_optional_labels()
            name, suffix = labels[spec["xmlid"]]
            definition = self.sudo().create(
                {
                    "name": name,
                    "suffix": suffix,
                    "computation_mode": spec["computation_mode"],
                    "model_id": IrModel._get_id(model),
                    "field_id": Fields._get(model, spec["field"]).id,
                    "field_date_id": Fields._get(model, spec["date_field"]).id,
                    "domain": spec["domain"],
                    "condition": spec["condition"],
                    "batch_mode": True,
                    "batch_distinctive_field": Fields._get(model, spec["link_field"]).id,
                    "batch_user_expression": "user.employee_id.id",
                }
            )
            self._thidua_translate_optional_definition(definition, spec)
            IrModelData.create(
                {
                    "module": "thidua_module",
                    "name": spec["xmlid"],
                    "model": self._name,
                    "res_id": definition.id,
                    "noupdate": True,
                }
            )
            made.add(spec["xmlid"])
            Params.set_param(MADE_PARAMETER, ",".join(sorted(made)))
            _logger.info("Created the measure %s for %s", name, model)

    def _thidua_optional_labels(self):
        """Names and units of the shipped optional definitions, in the context's language."""
        env = self.env
        return {
            "goal_definition_leave_days": (env._("Days of leave taken"), env._("days")),
            "goal_definition_attendance_hours": (env._("Hours of attendance"), env._("hours")),
            "goal_definition_timesheet_hours": (env._("Hours on timesheets"), env._("hours")),
        }

    def _thidua_translate_optional_definition(self, definition, spec):
        names, suffixes = {}, {}
        for lang, __ in self.env["res.lang"].get_installed():
            if lang != "en_US":
                labels = self.with_context(lang=lang)._thidua_optional_labels()
                names[lang], suffixes[lang] = labels[spec["xmlid"]]
        if names:
            definition.update_field_translations("name", names)
            definition.update_field_translations("suffix", suffixes)
