"""The rules of law and of the union's regulation, checked on nominations.

Every rule reads the award type's settings (thidua.award.type and its
conditions, thidua.award.condition), so that the council adapts them to the
texts in force; this module only applies them.

A batch of nominations is checked with what `_load` reads once for all of
them, in a bounded number of queries; each rule then looks up dictionaries,
so that a council's batch takes a time linear in its size.
"""

from collections import defaultdict, namedtuple
from datetime import date

from markupsafe import Markup, escape

from odoo import api, models

from ..tools.rating import rating_at_least
from .thidua_discipline import SANCTIONS

Result = namedtuple("Result", "code label ok detail route", defaults=("",))

SANCTION_RANK = {sanction: rank for rank, (sanction, _label) in enumerate(SANCTIONS)}


class ThiduaEligibility(models.AbstractModel):
    _name = "thidua.eligibility"
    _description = "Eligibility Rules"

    @api.model
    def _evaluate(self, nominations, stage="submit", repeat_year=None):
        """{nomination id: [Result, ...]} for every rule that applies.

        At submission a prerequisite of the same year may still be on its way
        (nominated in the same round); at council approval it must be approved.
        A forecast (stage "forecast", on nominations in memory) leaves the
        quota and the vote aside, and with `repeat_year` supposes the results of
        that year repeated the year after.
        """
        nominations = nominations.sudo()
        data = self._load(nominations, stage, repeat_year)
        results = {}
        forecast = stage == "forecast"
        for nomination in nominations:
            checks = [
                self._rule_active(nomination),
                self._rule_target(nomination),
                self._rule_duplicate(nomination, data),
                self._rule_discipline(nomination, data),
                *self._rule_conditions(nomination, data),
                None if forecast else self._rule_quota(nomination, data),
            ]
            if stage == "council":
                checks.append(self._rule_vote(nomination))
            results[nomination.id] = [check for check in checks if check]
        return results

    @api.model
    def _is_eligible(self, rows):
        """Every common condition holds, and all the conditions of one route;
        the council's vote, still to be recorded, aside."""
        rows = [row for row in rows if row.code != "vote"]
        return bool(rows) and not self._failures(rows)

    @api.model
    def _failures(self, rows):
        """The rows that keep a nomination from its award: the failed common
        ones, and those of every route when none holds."""
        failed = [row for row in rows if not row.ok and not row.route]
        routes = defaultdict(list)
        for row in rows:
            if row.route:
                routes[row.route].append(row)
        if routes and not any(all(r.ok for r in route) for route in routes.values()):
            failed += [row for route in routes.values() for row in route if not row.ok]
        return failed

    @api.model
    def _closest(self, rows):
        """What is missing on the shortest way to the award: the failed common
        conditions and those of the route that misses the fewest. A route the
        council judges is no way the records can show."""
        rows = [row for row in rows if row.code != "vote"]
        failed = [row for row in rows if not row.ok and not row.route]
        routes = defaultdict(list)
        for row in rows:
            if row.route:
                routes[row.route].append(row)
        judged = {row.route for row in rows if row.code == "judged"}
        shown = {route: route_rows for route, route_rows in routes.items() if route not in judged}
        if routes and not shown:
            # Only the council's judgement leads to it: that is what is missing.
            return failed + [next(row for row in rows if row.code == "judged")]
        routes = shown
        if routes:
            failed += min(
                ([row for row in route if not row.ok] for route in routes.values()), key=len
            )
        return failed

    # Data read once for the whole batch

    def _load(self, nominations, stage, repeat_year=None):
        data = {"stage": stage, "batch": nominations}
        collectives = nominations.filtered(lambda n: n.target == "collective").department_id
        quota_units = nominations.filtered(lambda n: n.award_type_id.quota_percent).unit_id
        data["members"] = self._members_of(collectives | quota_units)
        members = self.env["hr.employee"].sudo().concat(*data["members"].values())
        employees = nominations.employee_id | members
        departments = nominations.department_id
        self._load_records(data, employees, departments, nominations)
        self._load_ratings(data, employees, departments)
        data["cases"] = defaultdict(list)
        for case in (
            self.env["thidua.discipline"]
            .sudo()
            .search([("employee_id", "in", employees.ids), ("state", "!=", "dismissed")])
        ):
            data["cases"][case.employee_id.id].append(case)
        data["quota_live"] = {} if stage == "forecast" else self._live_counts(nominations)
        if repeat_year:
            self._repeat(data, repeat_year)
        return data

    def _repeat(self, data, year):
        """Suppose each nominee's titles and rating of `year` again the year after."""
        for years in data["held"].values():
            if year in years:
                years.add(year + 1)
        for by_year in data["ratings"].values():
            if year in by_year:
                by_year.setdefault(year + 1, by_year[year])

    def _nominee_domain(self, employees, departments):
        return [
            "|",
            ("employee_id", "in", employees.ids),
            ("department_id", "in", departments.ids),
        ]

    def _load_records(self, data, employees, departments, nominations):
        """Titles held and nominations live, by nominee, award and year."""
        domain = self._nominee_domain(employees, departments)
        commendations = (
            self.env["thidua.commendation"].sudo().search([("state", "=", "valid"), *domain])
        )
        others = self.env["thidua.nomination"].sudo().search([("is_live", "=", True), *domain])
        held = defaultdict(set)  # (nominee key, award id) -> years
        pending = defaultdict(set)
        nominated = defaultdict(set)  # (nominee key, award id, year) -> nomination ids
        commended = defaultdict(set)  # the same, for the nominations of commendations
        for commendation in commendations:
            key = (commendation._nominee_key(), commendation.award_type_id.id)
            commended[(*key, commendation.year)].add(commendation.nomination_id.id)
            if commendation.award_kind == "yearly":
                held[key].add(commendation.year)
        for nomination in others:
            key = (nomination._nominee_key(), nomination.award_type_id.id)
            nominated[(*key, nomination.year)].add(nomination.id)
        for nomination in others | nominations:
            if nomination.award_kind != "yearly":
                continue
            key = (nomination._nominee_key(), nomination.award_type_id.id)
            if nomination._is_held():
                held[key].add(nomination.year)
            if nomination._is_live() or nomination in nominations:
                pending[key].add(nomination.year)
        data.update(held=held, pending=pending, nominated=nominated, commended=commended)

    def _load_ratings(self, data, employees, departments):
        ratings = defaultdict(dict)  # nominee key -> {year: level}
        for rating in (
            self.env["thidua.rating"].sudo().search(self._nominee_domain(employees, departments))
        ):
            ratings[rating._nominee_key()][rating.year] = rating.level
        data["ratings"] = ratings

    @api.model
    def _members_of(self, departments):
        """{department id: its active employees and those of its sub-units},
        from one search whatever the number of departments."""
        members = {department.id: self.env["hr.employee"].sudo() for department in departments}
        if not departments:
            return members
        employees = (
            self.env["hr.employee"].sudo().search([("department_id", "child_of", departments.ids)])
        )
        for employee in employees:
            path = employee.department_id.parent_path or ""
            for department_id in map(int, filter(None, path.split("/"))):
                if department_id in members:
                    members[department_id] |= employee
        return members

    def _live_counts(self, nominations):
        """Live nominations in the database by award, unit and year, for the
        awards of the batch that have a quota."""
        with_quota = nominations.filtered(lambda n: n.award_type_id.quota_percent)
        if not with_quota:
            return {}
        groups = (
            self.env["thidua.nomination"]
            .sudo()
            ._read_group(
                [
                    ("is_live", "=", True),
                    ("award_type_id", "in", with_quota.award_type_id.ids),
                    ("unit_id", "in", with_quota.unit_id.ids),
                    ("year", "in", list(set(with_quota.mapped("year")))),
                ],
                ["award_type_id", "unit_id", "year"],
                ["__count"],
            )
        )
        counts = {(award.id, unit.id, year): count for award, unit, year, count in groups}
        # Drafts of the batch are not live yet: they count as if submitted.
        for nomination in with_quota.filtered(lambda n: not n.is_live):
            key = (nomination.award_type_id.id, nomination.unit_id.id, nomination.year)
            counts[key] = counts.get(key, 0) + 1
        return counts

    # The rules every nomination goes through

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

    def _rule_duplicate(self, nomination, data):
        key = (nomination._nominee_key(), nomination.award_type_id.id, nomination.year)
        # An awarded nomination's own commendation is not a second award.
        others = (data["nominated"][key] | data["commended"][key]) - {nomination.id}
        ok = not others
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

    def _rule_discipline(self, nomination, data):
        if nomination.target != "individual":
            return None
        year_start = date(nomination.year, 1, 1)
        cases = [
            case
            for case in data["cases"][nomination.employee_id.id]
            if case.state == "pending" or (case.date_end and case.date_end >= year_start)
        ]
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
        states = dict(cases[0]._fields["state"]._description_selection(self.env))
        return self.env._(
            "%(name)s has a discipline case “%(case)s” (%(state)s): no award while it is "
            "pending, and achievements count only from the end of a sanction.",
            name=nomination._nominee_name(),
            case=cases[0].name,
            state=states[cases[0].state],
        )

    def _rule_quota(self, nomination, data):
        award = nomination.award_type_id
        if not award.quota_percent or not award.quota_base_type_id:
            return None
        unit, year = nomination.unit_id, nomination.year
        count = data["quota_live"].get((award.id, unit.id, year), 0)
        allowed, base = self._quota_from(award, data["members"].get(unit.id), year, data)
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
        members = self._members_of(unit)[unit.id]
        data = {"stage": "council"}
        self._load_records(data, members, self.env["hr.department"], self.env["thidua.nomination"])
        return self._quota_from(award, members, year, data)

    def _quota_from(self, award, members, year, data):
        base_award = award.quota_base_type_id.id
        base = sum(
            1 for member in members or () if year in data["held"][(member.id, False), base_award]
        )
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

    # The award type's conditions, common and by route

    def _rule_conditions(self, nomination, data):
        results = []
        for condition in nomination.award_type_id.condition_ids:
            if not condition._applies(nomination.target):
                continue
            if nomination.origin_dossier_id and condition.kind != "judged":
                result = self._condition_attested(nomination, condition)
            else:
                result = getattr(self, f"_condition_{condition.kind}")(nomination, condition, data)
            results.append(result._replace(route=condition.route or ""))
        return results

    def _condition_attested(self, nomination, condition):
        """A nomination received from a lower level: the records its conditions
        rest on are in the sender's database, which checked them before its
        council approved; the achievement report stands as their evidence."""
        return Result(
            condition.kind,
            condition.name,
            True,
            self.env._(
                "Attested by the dossier of %(sender)s: check it against the achievement report.",
                sender=nomination.origin_dossier_id.sender_name,
            ),
        )

    def _held_years(self, key, award, nomination, data):
        years = set(data["held"][key, award.id])
        if data["stage"] == "submit":
            # Nominated in the same round: approved at the council before this one.
            years |= data["pending"][key, award.id] & {nomination.year}
        return years

    def _condition_title(self, nomination, condition, data):
        award = condition.required_type_id
        held = self._held_years(nomination._nominee_key(), award, nomination, data)
        years = condition._years(nomination.year)
        name = nomination._nominee_name()
        if condition.count_mode == "before":
            ok = any(year < years[0] for year in held)
            label = self.env._(
                "Held “%(award)s” before %(first)s", award=award.name, first=years[0]
            )
            detail = self.env._(
                "Missing: “%(award)s” held by %(name)s before %(first)s.",
                award=award.name,
                name=name,
                first=years[0],
            )
        elif condition.count_mode == "times":
            count = len(held & set(years))
            ok = count >= condition.count
            label = self.env._(
                "Held “%(award)s” %(times)s times from %(first)s to %(last)s",
                award=award.name,
                times=condition.count,
                first=years[0],
                last=years[-1],
            )
            detail = self.env._(
                "Missing: %(missing)s more time(s) “%(award)s” for %(name)s, who holds it "
                "%(held)s time(s) from %(first)s to %(last)s (thematic and ad-hoc "
                "commendations do not count).",
                missing=condition.count - count,
                award=award.name,
                name=name,
                held=count,
                first=years[0],
                last=years[-1],
            )
        else:
            missing = [year for year in years if year not in held]
            ok = not missing
            label = self.env._(
                "Held “%(award)s” %(count)s consecutive year(s) to %(last)s",
                award=award.name,
                count=condition.count,
                last=years[-1],
            )
            detail = self.env._(
                "Missing: “%(award)s” for %(name)s in %(years)s (thematic and ad-hoc "
                "commendations do not count).",
                award=award.name,
                name=name,
                years=", ".join(map(str, missing)),
            )
        return Result("title", label, ok, "" if ok else detail)

    def _condition_rating(self, nomination, condition, data):
        ratings = data["ratings"][nomination._nominee_key()]
        years = condition._years(nomination.year)
        missing = [
            year for year in years if not rating_at_least(ratings.get(year), condition.rating_level)
        ]
        level = dict(condition._fields["rating_level"]._description_selection(self.env))[
            condition.rating_level
        ]
        ok = not missing
        return Result(
            "rating",
            self.env._(
                "Rated “%(level)s” or better %(count)s consecutive year(s) to %(last)s",
                level=level,
                count=condition.count,
                last=years[-1],
            ),
            ok,
            ""
            if ok
            else self.env._(
                "Missing: a rating of “%(level)s” or better for %(name)s in %(years)s.",
                level=level,
                name=nomination._nominee_name(),
                years=", ".join(map(str, missing)),
            ),
        )

    def _condition_initiative(self, nomination, condition, data):
        required_level = condition.level_id
        # A nomination in memory (a forecast) holds copies: the records are their origin.
        author = nomination.employee_id._origin
        valid = nomination.initiative_ids._origin.filtered(
            lambda i: (
                i.date_recognised
                and (nomination.target != "individual" or author in i.author_ids)
                and not (i._live_nominations() - nomination._origin)
                and (
                    not required_level
                    or (i.level_id and i.level_id._is_at_or_above(required_level))
                )
            )
        )
        ok = len(valid) >= condition.count
        if required_level:
            label = self.env._(
                "%(count)s initiative(s) of the nominee recognised at %(level)s or above, "
                "used for no other award",
                count=condition.count,
                level=required_level.name,
            )
            detail = self.env._(
                "Missing: %(missing)s initiative(s) authored by %(name)s, recognised at "
                "%(level)s or above and grounding no other award (%(valid)s given).",
                missing=condition.count - len(valid),
                name=nomination._nominee_name(),
                level=required_level.name,
                valid=len(valid),
            )
        else:
            label = self.env._(
                "%(count)s recognised initiative(s) of the nominee, used for no other award",
                count=condition.count,
            )
            detail = self.env._(
                "Missing: %(missing)s recognised initiative(s) authored by %(name)s and "
                "grounding no other award (%(valid)s given).",
                missing=condition.count - len(valid),
                name=nomination._nominee_name(),
                valid=len(valid),
            )
        return Result("initiative", label, ok, "" if ok else detail)

    def _condition_judged(self, nomination, condition, data):
        claimed = (nomination.route_claimed or "").strip().lower()
        ok = bool(condition.route) and claimed == condition.route.strip().lower()
        return Result(
            "judged",
            condition.name,
            ok,
            self.env._(
                "Claimed by the nomination: the council judges it from the achievements "
                "when it approves."
            )
            if ok
            else self.env._(
                "The council judges it from the achievements: to rest the nomination on "
                "it, choose case %(route)s as the case relied on.",
                route=condition.route or "-",
            ),
        )

    def _share_ok(self, count, total, condition):
        share = 100.0 * count / total if total else 0.0
        if condition.strictly_more:
            return share > condition.percent, share
        return share >= condition.percent and share > 0, share

    def _member_holders(self, nomination, award, data):
        members = data["members"].get(nomination.department_id.id) or ()
        return members, [
            m for m in members if nomination.year in data["held"][(m.id, False), award.id]
        ]

    def _condition_member_title_share(self, nomination, condition, data):
        award = condition.required_type_id
        members, holders = self._member_holders(nomination, award, data)
        ok, share = self._share_ok(len(holders), len(members), condition)
        if condition.strictly_more:
            label = self.env._(
                "More than %(share)s%% of members hold “%(award)s”",
                share=condition.percent,
                award=award.name,
            )
        else:
            label = self.env._(
                "At least %(share)s%% of members hold “%(award)s”",
                share=condition.percent,
                award=award.name,
            )
        return Result(
            "member_share",
            label,
            ok,
            ""
            if ok
            else self.env._(
                "%(holders)s of %(members)s members (%(share)s%%) hold “%(award)s” in "
                "%(year)s; %(needed)s%% are needed.",
                holders=len(holders),
                members=len(members),
                share=round(share, 1),
                award=award.name,
                year=nomination.year,
                needed=condition.percent,
            ),
        )

    def _condition_member_title_count(self, nomination, condition, data):
        award = condition.required_type_id
        _members, holders = self._member_holders(nomination, award, data)
        ok = len(holders) >= condition.count
        return Result(
            "member_count",
            self.env._(
                "At least %(count)s member(s) hold “%(award)s”",
                count=condition.count,
                award=award.name,
            ),
            ok,
            ""
            if ok
            else self.env._(
                "Missing: %(missing)s member(s) of %(unit)s holding “%(award)s” in %(year)s "
                "(%(holders)s hold it).",
                missing=condition.count - len(holders),
                unit=nomination.department_id.name,
                award=award.name,
                year=nomination.year,
                holders=len(holders),
            ),
        )

    def _condition_member_rating_share(self, nomination, condition, data):
        members = data["members"].get(nomination.department_id.id) or ()
        year = nomination.year
        rated = [
            m
            for m in members
            if rating_at_least(data["ratings"][(m.id, False)].get(year), condition.rating_level)
        ]
        ok, share = self._share_ok(len(rated), len(members), condition)
        level = dict(condition._fields["rating_level"]._description_selection(self.env))[
            condition.rating_level
        ]
        if condition.strictly_more:
            label = self.env._(
                "More than %(share)s%% of members rated “%(level)s” or better",
                share=condition.percent,
                level=level,
            )
        else:
            label = self.env._(
                "At least %(share)s%% of members rated “%(level)s” or better",
                share=condition.percent,
                level=level,
            )
        return Result(
            "member_rating",
            label,
            ok,
            ""
            if ok
            else self.env._(
                "%(rated)s of %(members)s members (%(share)s%%) are rated “%(level)s” or "
                "better in %(year)s; %(needed)s%% are needed.",
                rated=len(rated),
                members=len(members),
                share=round(share, 1),
                level=level,
                year=year,
                needed=condition.percent,
            ),
        )

    def _condition_member_discipline(self, nomination, condition, data):
        members = data["members"].get(nomination.department_id.id) or ()
        year = nomination.year
        floor = SANCTION_RANK[condition.sanction]
        disciplined = [
            member
            for member in members
            if any(
                case.state == "disciplined"
                and SANCTION_RANK.get(case.sanction, -1) >= floor
                and case.date.year <= year
                and (case.date.year == year or (case.date_end and case.date_end.year >= year))
                for case in data["cases"][member.id]
            )
        ]
        sanction = dict(condition._fields["sanction"]._description_selection(self.env))[
            condition.sanction
        ]
        ok = not disciplined
        return Result(
            "member_discipline",
            self.env._(
                "No member disciplined with “%(sanction)s” or heavier in the year",
                sanction=sanction,
            ),
            ok,
            ""
            if ok
            else self.env._(
                "%(count)s member(s) of %(unit)s disciplined with “%(sanction)s” or heavier "
                "in %(year)s.",
                count=len(disciplined),
                unit=nomination.department_id.name,
                sanction=sanction,
                year=year,
            ),
        )

    # The panel

    @api.model
    def _render(self, rows):
        if not rows:
            return False
        routes = defaultdict(list)
        for row in rows:
            routes[row.route].append(row)
        blocks = [self._render_rows(routes.pop(""), None)] if "" in routes else []
        if routes:
            blocks.append(
                Markup("<div>{}</div>").format(
                    self.env._("And at least one of these cases in full:")
                )
            )
        for route, route_rows in sorted(routes.items()):
            blocks.append(self._render_rows(route_rows, route))
        return Markup("").join(blocks)

    def _row_class(self, row):
        if row.code == "judged":
            return "text-info" if row.ok else "text-muted"
        return "text-success" if row.ok else "text-danger"

    def _row_icon(self, row):
        if row.code == "judged":
            return "fa-gavel"
        return "fa-check" if row.ok else "fa-times"

    def _render_rows(self, rows, route):
        items = Markup("").join(
            Markup('<li class="{}"><i class="fa {}"></i> <b>{}</b>{}</li>').format(
                self._row_class(row),
                self._row_icon(row),
                row.label,
                Markup(": ") + escape(row.detail) if row.detail else "",
            )
            for row in rows
        )
        if route is None:
            return Markup('<ul class="list-unstyled mb-1">{}</ul>').format(items)
        holds = all(row.ok for row in rows)
        title = (
            self.env._("Case %(route)s: holds", route=route)
            if holds
            else self.env._("Case %(route)s: does not hold", route=route)
        )
        return Markup(
            '<div class="ms-2"><i>{}</i><ul class="list-unstyled mb-1">{}</ul></div>'
        ).format(title, items)
