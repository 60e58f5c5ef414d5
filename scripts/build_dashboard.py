"""Write the spreadsheet of the "Thi đua - Khen thưởng" dashboard.

The file follows the structure of the dashboards Odoo 18 ships
(spreadsheet_dashboard_*): a Dashboard sheet of titles, tables and charts, a
Data sheet of the figures the scorecards show, pivots and charts reading the
addon's models with the user's rights. Run it after changing the layout:

    python scripts/build_dashboard.py
"""

import json
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "thidua_module/data/files/thidua_dashboard.json"

UNIT_FILTER = "7c6b1f4e-2f43-4d5e-9a59-0d7a3c1e8b01"


def matching(unit_chain="unit_id"):
    return {UNIT_FILTER: {"chain": unit_chain, "type": "many2one"}}


def chart(figure_id, x, y, width, height, model, mode, group_by, measure, domain, **extra):
    data = {
        "title": {"text": extra.pop("title", "")},
        "background": "#FFFFFF",
        "legendPosition": extra.pop("legend", "top"),
        "metaData": {
            "groupBy": group_by,
            "measure": measure,
            "order": None,
            "resModel": model,
            "mode": mode,
        },
        "searchParams": {
            "comparison": None,
            "context": {},
            "domain": domain,
            "groupBy": group_by,
            "orderBy": [],
        },
        "type": f"odoo_{mode}",
        "fieldMatching": matching(),
    }
    if mode != "pie":
        data.update({"verticalAxisPosition": "left", "stacked": extra.pop("stacked", False)})
    data.update(extra)
    return {
        "id": figure_id,
        "x": x,
        "y": y,
        "width": width,
        "height": height,
        "tag": "chart",
        "data": data,
    }


def scorecard(figure_id, x, title, key, background, humanize=False):
    return {
        "id": figure_id,
        "x": x,
        "y": 12,
        "width": 200,
        "height": 106,
        "tag": "chart",
        "data": {
            "baselineColorDown": "#DC6965",
            "baselineColorUp": "#00A04A",
            "baselineMode": "difference",
            "title": {"text": title, "bold": True, "color": "#434343"},
            "type": "scorecard",
            "background": background,
            "keyValue": key,
            "humanize": humanize,
        },
    }


def pivot(pivot_id, name, model, rows, measures, domain, sort=None):
    return {
        "type": "ODOO",
        "fieldMatching": matching(),
        "context": {},
        "domain": domain,
        "id": pivot_id,
        "measures": [{"id": m, "fieldName": m} for m in measures],
        "model": model,
        "name": name,
        "sortedColumn": {"groupId": [[], []], "measure": sort or measures[0], "order": "desc"},
        "formulaId": pivot_id,
        "columns": [],
        "rows": [{"fieldName": r} for r in rows],
    }


def link(title, model, view, group_by, domain):
    action = {
        "viewType": view,
        "action": {
            "domain": domain,
            "context": {"group_by": group_by},
            "modelName": model,
            "views": [[False, "graph"], [False, "pivot"], [False, "list"], [False, "form"]],
        },
        "threshold": 0,
        "name": title,
    }
    return f"[{title}](odoo://view/{json.dumps(action, separators=(',', ':'))})"


RUNNING_REG = [["movement_state", "=", "running"]]
RUNNING_PLEDGES = [["movement_id.state", "=", "running"], ["state", "!=", "cancelled"]]
VALID = [["state", "=", "valid"]]
LIVE_NOMINATIONS = [["state", "!=", "cancelled"]]
TOP = 10
ROW_SIZES = {6: 40, 22: 40, 23: 40, 36: 40, 54: 40} | dict.fromkeys(range(24, 35), 30)


def top_of(row_index):
    """Pixels from the top of the sheet to the row of this index (0-based)."""
    return sum(ROW_SIZES.get(index, 23) for index in range(row_index))


def build():
    cells, styles = {}, {}

    def put(ref, content, style=None):
        cells[ref] = {"content": content}
        if style:
            styles[ref] = style

    # Titles (row 7: charts of the running movement)
    put(
        "A7",
        link(
            "Registration rate by block (running movements)",
            "thidua.registration.report",
            "graph",
            ["block_id"],
            RUNNING_REG,
        ),
        1,
    )
    put(
        "E7",
        link("Pledges by status", "thidua.pledge", "graph", ["state"], RUNNING_PLEDGES),
        1,
    )
    # Registration by unit (table, rows 23 to 34)
    put(
        "A23",
        link(
            "Registration by unit",
            "thidua.registration.report",
            "pivot",
            ["unit_id"],
            RUNNING_REG,
        ),
        1,
    )
    put("A24", '=_t("Unit")', 2)
    put("B24", '=_t("Employees")', 5)
    put("C24", '=_t("Registered")', 5)
    put("D24", '=_t("Rate (%)")', 5)
    for index in range(1, TOP + 1):
        row = 24 + index
        put(f"A{row}", f'=PIVOT.HEADER(1,"#unit_id",{index})', 3)
        put(f"B{row}", f'=PIVOT.VALUE(1,"employee_count","#unit_id",{index})', 4)
        put(f"C{row}", f'=PIVOT.VALUE(1,"registered","#unit_id",{index})', 4)
        put(f"D{row}", f'=PIVOT.VALUE(1,"rate","#unit_id",{index})', 4)
    # Commendations by award type (table)
    put(
        "F23",
        link("Commendations by award", "thidua.commendation", "pivot", ["award_type_id"], VALID),
        1,
    )
    put("F24", '=_t("Award")', 2)
    put("G24", '=_t("Commendations")', 5)
    put("H24", '=_t("Amount (VND)")', 5)
    for index in range(1, TOP + 1):
        row = 24 + index
        put(f"F{row}", f'=PIVOT.HEADER(2,"#award_type_id",{index})', 3)
        put(f"G{row}", f'=PIVOT.VALUE(2,"__count","#award_type_id",{index})', 4)
        put(f"H{row}", f'=PIVOT.VALUE(2,"amount","#award_type_id",{index})', 4)
    # Nominations and the trend (row 37, charts)
    put(
        "A37",
        link(
            "Nominations by award and status",
            "thidua.nomination",
            "graph",
            ["award_type_id", "state"],
            LIVE_NOMINATIONS,
        ),
        1,
    )
    put(
        "E37",
        link("Commendations over the years", "thidua.commendation", "graph", ["year"], VALID),
        1,
    )
    put(
        "A55",
        link(
            "Amounts by year and award",
            "thidua.commendation",
            "graph",
            ["year", "award_type_id"],
            VALID,
        ),
        1,
    )

    data_cells = {
        "A1": {"content": '=_t("Employees in running movements")'},
        "B1": {"content": '=PIVOT.VALUE(1,"employee_count")'},
        "A2": {"content": '=_t("Registered")'},
        "B2": {"content": '=PIVOT.VALUE(1,"registered")'},
        "A3": {"content": '=_t("Registration rate")'},
        "B3": {"content": '=ROUND(PIVOT.VALUE(1,"rate"),1)&"%"'},
        "A4": {"content": '=_t("Commendations")'},
        "B4": {"content": '=PIVOT.VALUE(2,"__count")'},
        "A5": {"content": '=_t("Amount (VND)")'},
        # A plain number: the amounts are in đồng whatever the company's currency.
        "B5": {"content": '=ROUND(PIVOT.VALUE(2,"amount"),0)'},
    }

    figures = [
        scorecard("c1a0b9e2-0001-4d1e-9a00-000000000001", 0, "Employees", "Data!B1", "#EFF6FF"),
        scorecard("c1a0b9e2-0001-4d1e-9a00-000000000002", 210, "Registered", "Data!B2", "#F0FDF4"),
        scorecard(
            "c1a0b9e2-0001-4d1e-9a00-000000000003", 420, "Registration rate", "Data!B3", "#FFF7ED"
        ),
        scorecard(
            "c1a0b9e2-0001-4d1e-9a00-000000000004", 630, "Commendations", "Data!B4", "#FEF2F2"
        ),
        scorecard(
            "c1a0b9e2-0001-4d1e-9a00-000000000005",
            840,
            "Amount (VND)",
            "Data!B5",
            "#F5F3FF",
            humanize=True,
        ),
        chart(
            "c1a0b9e2-0002-4d1e-9a00-000000000001",
            0,
            top_of(7),
            500,
            344,
            "thidua.registration.report",
            "bar",
            ["block_id"],
            "rate",
            RUNNING_REG,
            legend="none",
        ),
        chart(
            "c1a0b9e2-0002-4d1e-9a00-000000000002",
            525,
            top_of(7),
            480,
            344,
            "thidua.pledge",
            "pie",
            ["state"],
            "__count",
            RUNNING_PLEDGES,
        ),
        chart(
            "c1a0b9e2-0002-4d1e-9a00-000000000003",
            0,
            top_of(37),
            500,
            344,
            "thidua.nomination",
            "bar",
            ["award_type_id", "state"],
            "__count",
            LIVE_NOMINATIONS,
            stacked=True,
        ),
        chart(
            "c1a0b9e2-0002-4d1e-9a00-000000000004",
            525,
            top_of(37),
            480,
            344,
            "thidua.commendation",
            "line",
            ["year"],
            "__count",
            VALID,
            legend="none",
            fillArea=True,
        ),
        chart(
            "c1a0b9e2-0002-4d1e-9a00-000000000005",
            0,
            top_of(55),
            1005,
            344,
            "thidua.commendation",
            "bar",
            ["year", "award_type_id"],
            "amount",
            VALID,
            stacked=True,
        ),
    ]
    rows = {str(index): {"size": size} for index, size in ROW_SIZES.items()}
    dashboard = {
        "id": "thidua-dashboard-sheet",
        "name": "Dashboard",
        "colNumber": 8,
        "rowNumber": 90,
        "rows": rows,
        "cols": {
            "0": {"size": 260},
            "1": {"size": 95},
            "2": {"size": 95},
            "3": {"size": 75},
            "4": {"size": 20},
            "5": {"size": 215},
            "6": {"size": 115},
            "7": {"size": 120},
        },
        "merges": [],
        "cells": cells,
        "styles": styles,
        "formats": {"D25:D34": 1, "H25:H34": 2},
        "borders": {"A7:H7": 1, "A23:D23": 1, "F23:H23": 1, "A37:H37": 1, "A55:H55": 1},
        "conditionalFormats": [
            {
                "rule": {"type": "DataBarRule", "color": 15531509, "rangeValues": "D25:D34"},
                "id": "c1a0b9e2-0003-4d1e-9a00-000000000001",
                "ranges": ["A25:A34"],
            },
            {
                "rule": {"type": "DataBarRule", "color": 16708338, "rangeValues": "G25:G34"},
                "id": "c1a0b9e2-0003-4d1e-9a00-000000000002",
                "ranges": ["F25:F34"],
            },
        ],
        "figures": figures,
        "tables": [],
        "areGridLinesVisible": False,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "dataValidationRules": [],
        "comments": {},
    }
    data_sheet = dict(
        dashboard,
        id="thidua-dashboard-data",
        name="Data",
        colNumber=2,
        rowNumber=10,
        rows={},
        cols={"0": {"size": 250}, "1": {"size": 120}},
        cells=data_cells,
        styles={},
        formats={"B5": 2},
        borders={},
        conditionalFormats=[],
        figures=[],
        isVisible=False,
        areGridLinesVisible=True,
    )
    return {
        "version": 21,
        "sheets": [dashboard, data_sheet],
        "styles": {
            "1": {"textColor": "#01666b", "bold": True, "fontSize": 16},
            "2": {"textColor": "#434343", "fontSize": 11, "bold": True},
            "3": {"textColor": "#01666B", "verticalAlign": "middle"},
            "4": {"textColor": "#434343", "verticalAlign": "middle"},
            # Column headings wrap: translated, they are longer than in English.
            "5": {
                "textColor": "#434343",
                "fontSize": 11,
                "bold": True,
                "align": "center",
                "wrapping": "wrap",
            },
        },
        "formats": {"1": "0.0", "2": "#,##0"},
        "borders": {"1": {"bottom": {"style": "thin", "color": "#B7B7B7"}}},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {
            "locale": {
                "name": "English (US)",
                "code": "en_US",
                "thousandsSeparator": ",",
                "decimalSeparator": ".",
                "dateFormat": "mm/dd/yyyy",
                "timeFormat": "hh:mm:ss",
                "formulaArgSeparator": ",",
                "weekStart": 7,
            }
        },
        "pivots": {
            "1": pivot(
                "1",
                "Registration by unit",
                "thidua.registration.report",
                ["unit_id"],
                ["employee_count", "registered", "rate"],
                RUNNING_REG,
                sort="employee_count",
            ),
            "2": pivot(
                "2",
                "Commendations by award",
                "thidua.commendation",
                ["award_type_id"],
                ["__count", "amount"],
                VALID,
                sort="__count",
            ),
        },
        "pivotNextId": 3,
        "customTableStyles": {},
        "odooVersion": 12,
        "globalFilters": [
            {
                "id": UNIT_FILTER,
                "type": "relation",
                "label": "Unit",
                "modelName": "hr.department",
                "defaultValue": [],
                "defaultValueDisplayNames": [],
                "rangeType": "year",
            }
        ],
        "lists": {},
        "listNextId": 1,
        "chartOdooMenusReferences": {},
    }


if __name__ == "__main__":
    TARGET.write_text(json.dumps(build(), ensure_ascii=False, indent=4) + "\n", encoding="utf-8")
