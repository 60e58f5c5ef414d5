"""The rules of law and of the union's regulation, checked on nominations.

Every rule reads the award type's settings (thidua.award.type), so that the
council adapts them to the texts in force; this module only applies them.
"""

from collections import defaultdict, namedtuple
from datetime import date

from odoo import api, models

Result = namedtuple("Result", "code label ok detail")

HELD_STATES = ("council_approved", "awarded")


class ThiduaEligibility(models.AbstractModel):
    _name = "thidua.eligibility"
    _description = "Eligibility Rules"

    @api.model
    def _evaluate(self, nominations, stage="submit"):
        """{nomination id: [Result, ...]} for every rule that applies.

        At submission a prerequisite of the same year may still be on its way
        (nominated in the same round); at council approval it must be approved.
        """
        nominations = nominations.sudo()
        context = self._load_context(nominations)
        context["stage"] = stage
        results = {}
        for nomination in nominations:
            checks = [
                self._rule_active(nomination),
                self._rule_target(nomination),
                self._rule_duplicate(nomination, context),
                self._rule_discipline(nomination, context),
                *self._rule_prerequisites(nomination, context),
                self._rule_initiative(nomination),
                self._rule_member_share(nomination, context),
                self._rule_member_count(nomination, context),
                self._rule_quota(nomination, context, nominations),
            ]
            if stage == "council":
                checks.append(self._rule_vote(nomination))
            results[nomination.id] = [check for check in checks if check]
        return results

    # Data read once for the whole batch

    def _load_context(self, nominations):
        employees = nominations.employee_id
        departments = nominations.department_id
        commendations = (
            self.env["thidua.commendation"]
            .sudo()
            .search(
                [
                    ("state", "=", "valid"),
                    "|",
                    ("employee_id", "in", employees.ids),
                    ("department_id", "in", departments.ids),
                ]
            )
        )
        others = (
            self.env["thidua.nomination"]
            .sudo()
            .search(
                [
                    ("is_live", "=", True),
                    "|",
                    ("employee_id", "in", employees.ids),
                    ("department_id", "in", departments.ids),
                ]
            )
        )
        held = defaultdict(set)  # (nominee key, award id) -> years
        pending = defaultdict(set)
        for commendation in commendations.filtered(lambda c: c.award_kind == "yearly"):
            key = commendation._nominee_key()
            held[key, commendation.award_type_id.id].add(commendation.year)
        for nomination in (others | nominations).filtered(lambda n: n.award_kind == "yearly"):
            key = (nomination._nominee_key(), nomination.award_type_id.id)
            if nomination._is_held():
                held[key].add(nomination.year)
            if nomination._is_live() or nomination in nominations:
                pending[key].add(nomination.year)
        cases = (
            self.env["thidua.discipline"]
            .sudo()
            .search([("employee_id", "in", employees.ids), ("state", "!=", "dismissed")])
        )
        return {
            "commendations": commendations,
            "others": others,
            "held": held,
            "pending": pending,
            "cases": cases,
        }

    # The rules

    def _rule_active(self, nomination):
        nominee = nomination.employee_id or nomination.department_id
        return Result(
            "active",
            self.env._("Nominee active"),
            bool(nominee) and nominee.active,
            ""
            if nominee.active
            else self.env._("%(name)s is archived.", name=nominee.display_name),
        )

    def _rule_target(self, nomination):
        award = nomination.award_type_id
        ok = award.target in (nomination.target, "both")
        return Result(
            "target",
            self.env._("Award for this kind of nominee"),
            ok,
            ""
            if ok
            else self.env._(
                "“%(award)s” is not awarded to this kind of nominee.", award=award.name
            ),
        )

    def _rule_duplicate(self, nomination, context):
        key = (nomination._nominee_key(), nomination.award_type_id.id, nomination.year)

        def same(record):
            return (record._nominee_key(), record.award_type_id.id, record.year) == key

        twice = context["others"].filtered(lambda n: n != nomination and same(n))
        # An awarded nomination's own commendation is not a second award.
        awarded = context["commendations"].filtered(
            lambda c: same(c) and c.nomination_id != nomination
        )
        ok = not twice and not awarded
        return Result(
            "duplicate",
            self.env._("Not nominated twice for this award and year"),
            ok,
            ""
            if ok
            else self.env._(
                "%(name)s is already nominated for or holds “%(award)s” in %(year)s.",
                name=nomination._nominee_name(),
                award=nomination.award_type_id.name,
                year=nomination.year,
            ),
        )

    def _rule_discipline(self, nomination, context):
        if nomination.target != "individual":
            return None
        year_start = date(nomination.year, 1, 1)
        cases = context["cases"].filtered(
            lambda c: (
                c.employee_id == nomination.employee_id
                and (c.state == "pending" or (c.date_end and c.date_end >= year_start))
            )
        )
        return Result(
            "discipline",
            self.env._("No discipline case"),
            not cases,
            self._discipline_detail(nomination, cases) if cases else "",
        )

    def _discipline_detail(self, nomination, cases):
        # A case's subject is for those who may read discipline cases.
        if not self.env["thidua.discipline"].has_access("read"):
            return self.env._(
                "%(name)s has a discipline case under review or a sanction running into the "
                "year: no award while it is pending, and achievements count only from the "
                "end of a sanction. An emulation officer can tell more.",
                name=nomination._nominee_name(),
            )
        return self.env._(
            "%(name)s has a discipline case “%(case)s” (%(state)s): no award while it is "
            "pending, and achievements count only from the end of a sanction.",
            name=nomination._nominee_name(),
            case=cases[0].name,
            state=dict(cases._fields["state"]._description_selection(self.env))[cases[0].state],
        )

    def _rule_prerequisites(self, nomination, context):
        results = []
        key = nomination._nominee_key()
        prerequisites = nomination.award_type_id.prerequisite_ids.filtered(
            lambda p: p.applies_to in (nomination.target, "both")
        )
        for prerequisite in prerequisites:
            held_years = set(context["held"][key, prerequisite.required_type_id.id])
            if context["stage"] == "submit":
                pending = context["pending"][key, prerequisite.required_type_id.id]
                held_years |= pending & {nomination.year}
            if prerequisite.count_mode == "times":
                results.append(self._times_result(nomination, prerequisite, held_years))
            else:
                results.append(self._consecutive_result(nomination, prerequisite, held_years))
        return results

    def _consecutive_result(self, nomination, prerequisite, held_years):
        missing = [year for year in prerequisite._years(nomination.year) if year not in held_years]
        return Result(
            "prerequisite",
            self.env._(
                "Holds “%(award)s” (%(count)s consecutive years)",
                award=prerequisite.required_type_id.name,
                count=prerequisite.consecutive_years,
            ),
            not missing,
            ""
            if not missing
            else self.env._(
                "%(name)s does not hold “%(award)s” for %(years)s (thematic and "
                "ad-hoc commendations do not count).",
                name=nomination._nominee_name(),
                award=prerequisite.required_type_id.name,
                years=", ".join(str(year) for year in missing),
            ),
        )

    def _times_result(self, nomination, prerequisite, held_years):
        years = prerequisite._years(nomination.year)
        held = sorted(held_years & set(years))
        ok = len(held) >= prerequisite.times
        return Result(
            "prerequisite",
            self.env._(
                "Holds “%(award)s” %(times)s times within %(period)s years",
                award=prerequisite.required_type_id.name,
                times=prerequisite.times,
                period=prerequisite.within_years,
            ),
            ok,
            ""
            if ok
            else self.env._(
                "%(name)s holds “%(award)s” %(held)s time(s) from %(first)s to %(last)s "
                "(%(years)s); %(times)s are needed (thematic and ad-hoc commendations do "
                "not count).",
                name=nomination._nominee_name(),
                award=prerequisite.required_type_id.name,
                held=len(held),
                first=years[0],
                last=years[-1],
                years=", ".join(str(year) for year in held) or "-",
                times=prerequisite.times,
            ),
        )

    def _rule_initiative(self, nomination):
        award = nomination.award_type_id
        if not award.requires_initiative:
            return None
        valid = nomination.initiative_ids.filtered(
            lambda i: (
                i.date_recognised
                and (nomination.target != "individual" or nomination.employee_id in i.author_ids)
                and not (i._live_nominations() - nomination)
                and self._initiative_level_counts(i, award.initiative_level_id)
            )
        )
        ok = len(valid) >= award.initiative_count
        if award.initiative_level_id:
            label = self.env._(
                "%(count)s initiative(s) of the nominee recognised at %(level)s or above, "
                "used for no other award",
                count=award.initiative_count,
                level=award.initiative_level_id.name,
            )
            detail = self.env._(
                "“%(award)s” needs %(count)s initiative(s) authored by %(name)s, recognised "
                "at %(level)s or above and grounding no other award; %(valid)s given.",
                award=award.name,
                count=award.initiative_count,
                name=nomination._nominee_name(),
                level=award.initiative_level_id.name,
                valid=len(valid),
            )
        else:
            label = self.env._(
                "%(count)s recognised initiative(s) of the nominee, used for no other award",
                count=award.initiative_count,
            )
            detail = self.env._(
                "“%(award)s” needs %(count)s recognised initiative(s) authored by %(name)s "
                "and grounding no other award; %(valid)s given.",
                award=award.name,
                count=award.initiative_count,
                name=nomination._nominee_name(),
                valid=len(valid),
            )
        return Result("initiative", label, ok, "" if ok else detail)

    @api.model
    def _initiative_level_counts(self, initiative, required_level):
        if not required_level:
            return True
        return bool(initiative.level_id) and initiative.level_id._is_at_or_above(required_level)

    def _rule_member_share(self, nomination, context):
        award = nomination.award_type_id
        if nomination.target != "collective" or not award.member_award_type_id:
            return None
        members = self._members(nomination, context)
        holders = self._holders(members, award.member_award_type_id, nomination.year)
        share = 100.0 * len(holders) / len(members) if members else 0.0
        ok = share >= award.member_share_min and share > 0
        return Result(
            "member_share",
            self.env._(
                "At least %(share)s%% of members hold “%(award)s”",
                share=award.member_share_min,
                award=award.member_award_type_id.name,
            ),
            ok,
            ""
            if ok
            else self.env._(
                "%(holders)s of %(members)s members (%(share)s%%) hold “%(award)s” in "
                "%(year)s; %(needed)s%% are needed.",
                holders=len(holders),
                members=len(members),
                share=round(share, 1),
                award=award.member_award_type_id.name,
                year=nomination.year,
                needed=award.member_share_min,
            ),
        )

    def _rule_member_count(self, nomination, context):
        award = nomination.award_type_id
        if nomination.target != "collective" or not award.member_count_type_id:
            return None
        members = self._members(nomination, context)
        holders = self._holders(members, award.member_count_type_id, nomination.year)
        ok = len(holders) >= award.member_count_min
        return Result(
            "member_count",
            self.env._(
                "At least %(count)s member(s) hold “%(award)s”",
                count=award.member_count_min,
                award=award.member_count_type_id.name,
            ),
            ok,
            ""
            if ok
            else self.env._(
                "%(holders)s member(s) of %(unit)s hold “%(award)s” in %(year)s; "
                "%(needed)s are needed.",
                holders=len(holders),
                unit=nomination.department_id.name,
                award=award.member_count_type_id.name,
                year=nomination.year,
                needed=award.member_count_min,
            ),
        )

    def _members(self, nomination, context):
        """The employees of the collective and its sub-units, read once per batch."""
        department = nomination.department_id
        cache = context.setdefault("members", {})
        if department.id not in cache:
            cache[department.id] = (
                self.env["hr.employee"]
                .sudo()
                .search([("department_id", "child_of", department.id)])
            )
        return cache[department.id]

    def _holders(self, employees, award, year):
        commended = (
            self.env["thidua.commendation"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("award_type_id", "=", award.id),
                    ("year", "=", year),
                    ("state", "=", "valid"),
                ]
            )
        )
        approved = (
            self.env["thidua.nomination"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("award_type_id", "=", award.id),
                    ("year", "=", year),
                    ("state", "in", HELD_STATES),
                ]
            )
        )
        return commended.employee_id | approved.employee_id

    def _rule_quota(self, nomination, context, batch):
        award = nomination.award_type_id
        if not award.quota_percent or not award.quota_base_type_id:
            return None
        unit, year = nomination.unit_id, nomination.year
        in_unit = (context["others"] | batch).filtered(
            lambda n: n.award_type_id == award and n.unit_id == unit and n.year == year
        )
        allowed, base = self._quota(award, unit, year)
        count = len(in_unit)
        ok = count <= allowed
        return Result(
            "quota",
            self.env._(
                "Within %(percent)s%% of the holders of “%(base)s”",
                percent=award.quota_percent,
                base=award.quota_base_type_id.name,
            ),
            ok,
            ""
            if ok
            else self.env._(
                "%(unit)s has %(count)s nominations for “%(award)s” in %(year)s, but only "
                "%(allowed)s are allowed (%(percent)s%% of %(base_count)s holders of "
                "“%(base)s”).",
                unit=unit.name,
                count=count,
                award=award.name,
                year=year,
                allowed=allowed,
                percent=award.quota_percent,
                base_count=base,
                base=award.quota_base_type_id.name,
            ),
        )

    @api.model
    def _quota(self, award, unit, year):
        """(allowed, base): how many nominations for `award` the unit and its
        sub-units may make in a year, out of the number of holders of the award
        the quota is counted on. Used by the rule and by the proposal wizard."""
        employees = self.env["hr.employee"].sudo().search([("department_id", "child_of", unit.id)])
        base = len(self._holders(employees, award.quota_base_type_id, year))
        return int(base * award.quota_percent / 100), base

    def _rule_vote(self, nomination):
        award = nomination.award_type_id
        if not award.vote_share:
            return None
        members, votes = nomination.vote_members, nomination.vote_for
        share = 100.0 * votes / members if members else 0.0
        ok = members > 0 and share >= award.vote_share
        return Result(
            "vote",
            self.env._("Council vote of at least %(share)s%%", share=award.vote_share),
            ok,
            ""
            if ok
            else self.env._(
                "“%(award)s” needs %(needed)s%% of the council members' votes; %(votes)s of "
                "%(members)s recorded for %(name)s.",
                award=award.name,
                needed=award.vote_share,
                votes=votes,
                members=members,
                name=nomination._nominee_name(),
            ),
        )
