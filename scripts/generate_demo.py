"""Writes thidua_module/demo/thidua_population_demo.xml: the seed plan's three
blocks filled with a dozen units and about 150 employees with Vietnamese
names, their pledges of 2021 at different rates per unit, their ratings of
2018 to 2020, and the commendations of those years as decisions recorded
from the paper records. Deterministic (a fixed seed): run it again after
changing it, and commit both.

    python3 scripts/generate_demo.py
"""

import random
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent.parent / "thidua_module/demo/thidua_population_demo.xml"

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trịnh",
    "Đào",
    "Lương",
    "Phan",
    "Tạ",
]
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thành", "Mạnh", "Tiến"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Hồng", "Bích"]
MALE_GIVEN = [
    "An",
    "Ân",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hải",
    "Hiếu",
    "Hoàng",
    "Hùng",
    "Huy",
    "Khánh",
    "Lâm",
    "Long",
    "Nam",
    "Nghĩa",
    "Phong",
    "Quân",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thành",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
    "Ơn",
    "Ông",
]
FEMALE_GIVEN = [
    "An",
    "Anh",
    "Ánh",
    "Chi",
    "Dung",
    "Duyên",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hoa",
    "Hồng",
    "Huyền",
    "Hương",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "Ngân",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phượng",
    "Quyên",
    "Thảo",
    "Thủy",
    "Trang",
    "Uyên",
    "Yến",
]

# (xml id, name, block, share of staff registered, [job titles], chair's title)
UNITS = [
    (
        "dn_dien_tu",
        "Công đoàn Công ty TNHH Điện tử Sài Đồng",
        "block_enterprise",
        1.0,
        ["Công nhân lắp ráp", "Kỹ thuật viên", "Tổ trưởng sản xuất"],
    ),
    (
        "dn_banh_keo",
        "Công đoàn Công ty Cổ phần Bánh kẹo Việt Hưng",
        "block_enterprise",
        0.95,
        ["Công nhân đóng gói", "Công nhân vận hành máy", "Nhân viên kiểm định chất lượng"],
    ),
    (
        "dn_van_tai",
        "Công đoàn Công ty Cổ phần Vận tải Ngọc Thụy",
        "block_enterprise",
        0.6,
        ["Lái xe", "Nhân viên điều độ", "Thợ sửa chữa ô tô"],
    ),
    (
        "dn_co_khi",
        "Công đoàn Công ty TNHH Cơ khí Gia Thụy",
        "block_enterprise",
        0.75,
        ["Thợ hàn", "Thợ tiện", "Kỹ sư cơ khí"],
    ),
    (
        "cq_y_te",
        "Công đoàn Trung tâm Y tế quận Long Biên",
        "block_public_service",
        0.9,
        ["Bác sĩ", "Điều dưỡng", "Kỹ thuật viên xét nghiệm"],
    ),
    (
        "cq_tai_chinh",
        "Công đoàn Phòng Tài chính - Kế hoạch quận",
        "block_public_service",
        1.0,
        ["Chuyên viên", "Kế toán", "Văn thư"],
    ),
    (
        "cq_phuong",
        "Công đoàn cơ quan phường Phúc Đồng",
        "block_public_service",
        0.45,
        ["Công chức địa chính", "Công chức văn hóa - xã hội", "Cán bộ tư pháp"],
    ),
    (
        "th_thcs",
        "Công đoàn Trường THCS Ngọc Lâm",
        "block_school",
        0.85,
        ["Giáo viên Toán", "Giáo viên Ngữ văn", "Giáo viên Tiếng Anh"],
    ),
    (
        "th_tieu_hoc",
        "Công đoàn Trường Tiểu học Đức Giang",
        "block_school",
        1.0,
        ["Giáo viên chủ nhiệm", "Giáo viên Mỹ thuật", "Nhân viên thư viện"],
    ),
    (
        "th_mam_non",
        "Công đoàn Trường Mầm non Hoa Sữa",
        "block_school",
        0.7,
        ["Giáo viên mầm non", "Cô nuôi", "Nhân viên y tế trường học"],
    ),
]
STAFF_PER_UNIT = 14
RATINGS = [("excellent", 0.25), ("good", 0.55), ("complete", 0.17), ("incomplete", 0.03)]
YEARS = (2018, 2019, 2020)
# Decree 91/2017/ND-CP Art. 70-71 (in force 2018-2020): Lao động tiên tiến 0.3,
# Chiến sĩ thi đua cơ sở 1.0, Tập thể lao động tiên tiến 0.8 times the base salary
# on the decision's date: 1,390,000 đ from 01/07/2018 (Decree 72/2018/ND-CP),
# 1,490,000 đ from 01/07/2019 (Decree 38/2019/ND-CP).
COEFFICIENTS = {
    "award_lao_dong_tien_tien": 0.3,
    "award_chien_si_thi_dua_co_so": 1.0,
    "award_tap_the_lao_dong_tien_tien": 0.8,
}
BASE_SALARY = {2018: 1390000, 2019: 1490000, 2020: 1490000}
NUMBERS = {2018: "71/QĐ-LĐLĐ", 2019: "62/QĐ-LĐLĐ", 2020: "64/QĐ-LĐLĐ"}


def person(rng, used):
    while True:
        female = rng.random() < 0.55
        middle = rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE)
        given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        name = f"{rng.choice(SURNAMES)} {middle} {given}"
        if name not in used:
            used.add(name)
            birthday = (
                f"{rng.randint(1966, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            )
            return name, "female" if female else "male", birthday


def rating(rng):
    pick, total = rng.random(), 0.0
    for level, share in RATINGS:
        total += share
        if pick <= total:
            return level
    return "good"


def field(name, value=None, ref=None, eval_=None):
    if ref:
        return f'        <field name="{name}" ref="{ref}"/>'
    if eval_:
        return f'        <field name="{name}" eval="{escape(eval_)}"/>'
    return f'        <field name="{name}">{escape(str(value))}</field>'


def record(xml_id, model, fields, forcecreate=True):
    flag = "" if forcecreate else ' forcecreate="0"'
    return "\n".join(
        [f'    <record id="{xml_id}" model="{model}"{flag}>', *fields, "    </record>"]
    )


def main():
    rng = random.Random(2021)
    used = set()
    parts, employees_by_unit = [], {}
    for code, name, block, _rate, _jobs in UNITS:
        parts.append(
            record(
                f"department_{code}_demo",
                "hr.department",
                [
                    field("name", name),
                    field("parent_id", ref="department_long_bien_federation_demo"),
                    field("block_id", ref=block),
                ],
            )
        )
    ratings, pledges, held = [], [], {year: [] for year in YEARS}
    for code, _name, _block, rate, jobs in UNITS:
        ids = []
        for index in range(STAFF_PER_UNIT):
            xml_id = f"employee_{code}_{index + 1:02d}_demo"
            full_name, gender, birthday = person(rng, used)
            job = "Chủ tịch Công đoàn cơ sở" if index == 0 else rng.choice(jobs)
            values = [
                field("name", full_name),
                field("department_id", ref=f"department_{code}_demo"),
                field("job_title", job),
                field("gender", gender),
                field("birthday", birthday),
            ]
            if index:
                values.append(field("parent_id", ref=f"employee_{code}_01_demo"))
            parts.append(record(xml_id, "hr.employee", values))
            ids.append(xml_id)
            for year in YEARS:
                level = rating(rng)
                ratings.append(
                    record(
                        f"rating_{code}_{index + 1:02d}_{year}_demo",
                        "thidua.rating",
                        [
                            field("target", "individual"),
                            field("employee_id", ref=xml_id),
                            field("year", year),
                            field("level", level),
                            field("source", "document"),
                            field("document_ref", f"Biên bản đánh giá, xếp loại năm {year}"),
                        ],
                    )
                )
                if level in ("excellent", "good"):
                    held[year].append((xml_id, "award_lao_dong_tien_tien", "individual"))
                    if level == "excellent" and rng.random() < 0.4:
                        held[year].append((xml_id, "award_chien_si_thi_dua_co_so", "individual"))
        employees_by_unit[code] = ids
        parts.append(
            record(f"department_{code}_demo", "hr.department", [field("manager_id", ref=ids[0])])
        )
        registered = ids[: round(rate * len(ids))]
        for xml_id in registered:
            pledge_id = xml_id.replace("employee_", "pledge_")
            pledges.append(pledge_id)
            parts.append(
                record(
                    pledge_id,
                    "thidua.pledge",
                    forcecreate=False,
                    fields=[
                        field("movement_id", ref="movement_long_bien_2021_demo"),
                        field("phase_id", ref="phase_long_bien_2021_1_demo"),
                        field("target", "individual"),
                        field("employee_id", ref=xml_id),
                        field("date", "2021-01-20"),
                        field(
                            "award_type_ids",
                            eval_="[Command.set([ref('award_lao_dong_tien_tien')])]",
                        ),
                    ],
                )
            )
        for year in YEARS:
            members = [
                x for x, award, _t in held[year] if x in ids and award == "award_lao_dong_tien_tien"
            ]
            if len(members) > len(ids) / 2:
                held[year].append(
                    (f"department_{code}_demo", "award_tap_the_lao_dong_tien_tien", "collective")
                )
    links = ", ".join(f"Command.link(ref('department_{code}_demo'))" for code, *_ in UNITS)
    parts.append(
        record(
            "movement_long_bien_2021_demo",
            "thidua.movement",
            [field("department_ids", eval_=f"[{links}]")],
        )
    )
    parts.extend(ratings)
    functions = []
    for year in YEARS:
        decision_id = f"decision_population_{year}_demo"
        parts.append(
            record(
                decision_id,
                "thidua.decision",
                forcecreate=False,
                fields=[
                    field("name", NUMBERS[year]),
                    field("date", f"{year}-12-22"),
                    field("place", "Long Biên"),
                    field("authority_id", ref="authority_long_bien_federation_demo"),
                    field("is_external", eval_="True"),
                    field("signer_title", "TM. BAN THƯỜNG VỤ - CHỦ TỊCH"),
                ],
            )
        )
        rows = []
        for xml_id, award, target in held[year]:
            key = "department_id" if target == "collective" else "employee_id"
            rows.append(
                f"{{'target': '{target}', '{key}': ref('{xml_id}'), 'award_type_id': "
                f"ref('{award}'), 'year': {year}, 'award_kind': 'yearly', "
                f"'amount': {round(COEFFICIENTS[award] * BASE_SALARY[year])}}}"
            )
        functions.append(
            f'    <function model="thidua.decision" name="_issue_external">\n'
            f"        <value eval=\"[ref('{decision_id}')]\"/>\n"
            f'        <value eval="[{", ".join(rows)}]"/>\n    </function>'
        )
    chunks = [pledges[i::3] for i in range(3)]
    submitted = chunks[0] + chunks[1]
    functions.append(
        '    <function model="thidua.pledge" name="action_submit" eval="[[%s]]"/>'
        % ", ".join(f"ref('{p}')" for p in submitted)
    )
    functions.append(
        '    <function model="thidua.pledge" name="action_confirm" eval="[[%s]]"/>'
        % ", ".join(f"ref('{p}')" for p in chunks[0])
    )
    text = "\n".join(
        [
            '<?xml version="1.0" encoding="utf-8"?>',
            "<odoo>",
            "    <!-- Written by scripts/generate_demo.py: do not edit by hand. The three blocks",
            "         of the plan with ten more units and their staff (Vietnamese names, both",
            "         genders, birth years 1966-2000), the pledges of 2021 at different rates",
            "         per unit, the ratings of 2018 to 2020 from the paper records, and the",
            "         commendations of those years recorded from the district's decisions.",
            "         The decisions and pledges' steps run with a new database only. -->",
            *parts,
            *functions,
            "</odoo>",
            "",
        ]
    )
    OUT.write_text(text, encoding="utf-8")
    print(
        f"{OUT.name}: {sum(len(v) for v in employees_by_unit.values())} employees, "
        f"{len(pledges)} pledges, {len(ratings)} ratings, "
        f"{sum(len(rows) for rows in held.values())} commendations"
    )


if __name__ == "__main__":
    main()
