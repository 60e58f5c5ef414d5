import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.dates import format_vn_date

# Paper sizes in millimetres, portrait (width, height).
PAPER_SIZES = {"A3": (297, 420), "A4": (210, 297), "A5": (148, 210)}


def mm(value):
    """A length in millimetres as CSS writes it: 42 -> "42mm", 42.5 -> "42.5mm"."""
    return f"{value:g}mm"


class ThiduaCertificateLayout(models.Model):
    """Where the fields of a certificate go on a printed blank (phôi).

    Certificates are often printed on the blanks the authority buys, with the
    frame, the emblem and the fixed wording already printed: only the name, the
    unit, the award, the decision and the signer are printed, each at its place.
    The scan of a blank is the background of the preview, so that the places
    can be checked on screen; it is never printed.
    """

    _name = "thidua.certificate.layout"
    _description = "Certificate Blank Layout"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    award_type_ids = fields.One2many(
        "thidua.award.type", "certificate_layout_id", string="Award Types"
    )
    paper_size = fields.Selection(
        [("A4", "A4"), ("A3", "A3"), ("A5", "A5")], required=True, default="A4"
    )
    orientation = fields.Selection(
        [("landscape", "Landscape"), ("portrait", "Portrait")],
        required=True,
        default="landscape",
    )
    page_width = fields.Float(string="Page Width (mm)", compute="_compute_page_size")
    page_height = fields.Float(string="Page Height (mm)", compute="_compute_page_size")
    font_family = fields.Char(default="Times New Roman", required=True)
    blank_image = fields.Image(
        string="Scan of the Blank",
        max_width=2480,
        max_height=2480,
        help="A scan of the blank, shown behind the fields in the preview to check where "
        "they fall. It is never printed.",
    )
    field_ids = fields.One2many(
        "thidua.certificate.layout.field", "layout_id", string="Fields", copy=True
    )
    paperformat_id = fields.Many2one(
        "report.paperformat",
        string="Paper Format",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="The paper format the layout prints with: its size and orientation, no margins.",
    )
    company_id = fields.Many2one("res.company", string="Company", index=True)

    @api.depends("paper_size", "orientation")
    def _compute_page_size(self):
        for layout in self:
            width, height = PAPER_SIZES.get(layout.paper_size, PAPER_SIZES["A4"])
            if layout.orientation == "landscape":
                width, height = height, width
            layout.page_width, layout.page_height = width, height

    def _paperformat_values(self):
        self.ensure_one()
        return {
            "name": self.env._("Certificate blank: %(name)s", name=self.name),
            "format": self.paper_size,
            "orientation": "Landscape" if self.orientation == "landscape" else "Portrait",
            "margin_top": 0,
            "margin_bottom": 0,
            "margin_left": 0,
            "margin_right": 0,
            "header_spacing": 0,
            "header_line": False,
            "disable_shrinking": True,
            "dpi": 96,
        }

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_own_paperformat(vals)
        layouts = super().create(vals_list)
        layouts._sync_paperformat()
        return layouts

    def write(self, vals):
        self._check_own_paperformat(vals)
        result = super().write(vals)
        if {"name", "paper_size", "orientation"} & set(vals):
            self._sync_paperformat()
        return result

    def unlink(self):
        paperformats = self.paperformat_id
        result = super().unlink()
        paperformats.sudo().unlink()
        return result

    @api.model
    def _check_own_paperformat(self, vals):
        """The paper format is made and changed by the layout alone: pointing a
        layout at another paper format would let it rewrite or delete that one."""
        if "paperformat_id" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "A blank's paper format follows its paper size and orientation: set "
                    "those instead."
                )
            )

    def _sync_paperformat(self):
        # The paper format is the layout's own: whoever may edit the layout
        # sets its paper, without rights on the technical paper formats.
        for layout in self:
            values = layout._paperformat_values()
            if layout.paperformat_id:
                layout.paperformat_id.sudo().write(values)
            else:
                paperformat = self.env["report.paperformat"].sudo().create(values)
                layout.sudo().paperformat_id = paperformat

    @api.constrains("font_family")
    def _check_font_family(self):
        # Printed into the style of the page: a font's name, nothing more.
        for layout in self:
            if not re.fullmatch(r"[\w .-]+", layout.font_family or "", flags=re.UNICODE):
                raise ValidationError(
                    self.env._(
                        "“%(font)s” is not a font name: give letters, digits, spaces, dots "
                        "and hyphens only, as in “Times New Roman”.",
                        font=layout.font_family,
                    )
                )

    @api.constrains("paper_size", "orientation")
    def _check_fields_on_page(self):
        self.field_ids._check_on_page()

    def _sample_values(self):
        """Values shown by the preview of the layout alone, without a commendation."""
        return {
            "name": "Nguyễn Văn An",
            "job_title": "Công nhân",
            "unit": "Phân xưởng Dệt",
            "award": "Lao động tiên tiến",
            "year": str(fields.Date.context_today(self).year),
            "decision_number": "123/QĐ-LĐLĐ",
            "decision_date": format_vn_date(fields.Date.context_today(self)),
            "decision_day": "%02d" % fields.Date.context_today(self).day,
            "decision_month": "%02d" % fields.Date.context_today(self).month,
            "decision_year": str(fields.Date.context_today(self).year),
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Trần Thị Bình",
        }

    def _pages(self, commendations=None):
        """What the blank report prints: [(layout, {field kind: text})], one per page."""
        if commendations is None:
            return [(layout, layout._sample_values()) for layout in self]
        return [(c._certificate_layout(), c._blank_values()) for c in commendations]

    def action_preview(self):
        self.ensure_one()
        return self.env.ref("thidua_module.thidua_certificate_layout_preview").report_action(self)

    @api.model
    def _layout_of(self, commendations):
        """The one layout these commendations print on, or an error saying what to do."""
        missing = commendations.filtered(lambda c: not c.award_type_id.certificate_layout_id)
        if missing:
            raise UserError(
                self.env._(
                    "Award type “%(award)s” has no blank layout. Choose one on the award "
                    "type (Configuration > Award Types), or print the full-page certificate.",
                    award=missing[0].award_type_id.name,
                )
            )
        layouts = commendations.award_type_id.certificate_layout_id
        if len(layouts) > 1:
            raise UserError(
                self.env._(
                    "The selected commendations print on different blanks (%(layouts)s). "
                    "Select the commendations of one blank at a time, for example by "
                    "grouping the list by award type.",
                    layouts=", ".join(layouts.mapped("name")),
                )
            )
        return layouts


class ThiduaCertificateLayoutField(models.Model):
    """One field of a certificate and its place on the blank."""

    _name = "thidua.certificate.layout.field"
    _description = "Field on a Certificate Blank"
    _order = "layout_id, top_mm, left_mm, id"

    layout_id = fields.Many2one(
        "thidua.certificate.layout", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="layout_id.company_id")
    kind = fields.Selection(
        [
            ("name", "Name"),
            ("job_title", "Position"),
            ("unit", "Unit"),
            ("award", "Title or form of the award"),
            ("year", "Year"),
            ("decision_number", "Decision number"),
            ("decision_date", "Decision date"),
            ("decision_day", "Decision date: day"),
            ("decision_month", "Decision date: month"),
            ("decision_year", "Decision date: year"),
            ("signer_title", "Signer's title"),
            ("signer_name", "Signer's name"),
        ],
        string="Field",
        required=True,
    )
    top_mm = fields.Float(string="Top (mm)", required=True, help="From the top edge of the paper.")
    left_mm = fields.Float(
        string="Left (mm)", required=True, help="From the left edge of the paper."
    )
    width_mm = fields.Float(
        string="Width (mm)",
        help="The width of the box the text is aligned in; empty for a text that starts at "
        "its place and runs on one line.",
    )
    align = fields.Selection(
        [("left", "Left"), ("center", "Center"), ("right", "Right")],
        default="left",
        required=True,
    )
    font_size = fields.Float(string="Font Size (pt)", required=True, default=14)
    bold = fields.Boolean()
    italic = fields.Boolean()
    uppercase = fields.Boolean(string="Capitals")

    _sql_constraints = [
        (
            "position_check",
            "CHECK(top_mm >= 0 AND left_mm >= 0 AND COALESCE(width_mm, 0) >= 0)",
            "A field's place and width are measured from the top-left corner of the paper: "
            "they cannot be negative.",
        ),
        (
            "font_size_check",
            "CHECK(font_size > 0)",
            "A field's font size must be more than zero.",
        ),
    ]

    @api.constrains("top_mm", "left_mm", "layout_id")
    def _check_on_page(self):
        for line in self:
            layout = line.layout_id
            if line.top_mm < layout.page_height and line.left_mm < layout.page_width:
                continue
            top, left = f"{line.top_mm:g}", f"{line.left_mm:g}"
            width, height = f"{layout.page_width:g}", f"{layout.page_height:g}"
            raise ValidationError(
                self.env._(
                    "“%(field)s” is placed %(top)s mm from the top and %(left)s mm from "
                    "the left, off the %(width)s × %(height)s mm page of layout "
                    "“%(layout)s”. Move it onto the page or change the paper.",
                    field=line.display_name,
                    top=top,
                    left=left,
                    width=width,
                    height=height,
                    layout=layout.name,
                )
            )

    @api.depends("kind")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for line in self:
            line.display_name = labels.get(line.kind, "")

    def _style(self):
        """The CSS of the field's box: absolutely placed in millimetres from the top-left."""
        self.ensure_one()
        style = [
            "position: absolute",
            f"top: {mm(self.top_mm)}",
            f"left: {mm(self.left_mm)}",
            f"font-size: {self.font_size:g}pt",
            "line-height: 1",
            "white-space: nowrap",
        ]
        if self.width_mm:
            style += [f"width: {mm(self.width_mm)}", f"text-align: {self.align}"]
        if self.bold:
            style.append("font-weight: bold")
        if self.italic:
            style.append("font-style: italic")
        return "; ".join(style) + ";"

    def _text(self, values):
        self.ensure_one()
        text = values.get(self.kind) or ""
        return text.upper() if self.uppercase else text
