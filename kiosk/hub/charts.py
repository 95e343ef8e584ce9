"""Charts drawn on the hub as SVG by pygal, inlined in the page: no script (pygal's tooltips come from a
CDN, so `js=[]`), no size (the SVG's viewBox lets CSS fit it to a phone). A hidden count is a gap (None):
the chart never shows what the table hides. Its labels are escaped by the XML
serializer that writes the SVG; its embedded script and comments are taken out."""

from __future__ import annotations

import pygal
from markupsafe import Markup
from pygal.etree import etree
from pygal.style import Style

from kiosk.hub.report import Table

COLOURS = ("#1f5aa6", "#e07b00", "#2e8540", "#8a3ea8", "#b3261e")

_STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#1b1b1b",
    foreground_strong="#1b1b1b",
    foreground_subtle="#d0d4da",
    opacity=".95",
    opacity_hover="1",
    colors=COLOURS,
    font_family="system-ui, 'DejaVu Sans', sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    value_font_size=12,
)


def svg(table: Table) -> Markup | None:
    """The table's chart, or None when it has none or nothing to show."""
    series = table.series()
    if table.chart is None or not any(v for _, values in series for v in values):
        return None
    kind = {"bar": pygal.Bar, "hbar": pygal.HorizontalBar, "stacked": pygal.HorizontalStackedBar}[table.chart]
    horizontal = table.chart != "bar"
    rows = len(table.rows)
    chart = kind(
        style=_STYLE,
        js=[],
        disable_xml_declaration=True,
        explicit_size=False,
        width=800,
        height=max(260, 34 * rows + 90) if horizontal else 340,
        show_legend=len(series) > 1,
        legend_at_bottom=True,
        legend_at_bottom_columns=len(series),
        show_y_guides=not horizontal,
        show_x_guides=horizontal,
        x_label_rotation=0 if horizontal or rows <= 12 else 50,
        print_values=False,
        margin=8,
        spacing=12,
        truncate_label=40,
        truncate_legend=40,
        min_scale=2,
        max_scale=6,
    )
    labels = [" / ".join(str(cell) for cell in row[: table.counts_from]) for row in table.rows]
    if horizontal:
        labels = labels[::-1]  # pygal draws the first row at the bottom
    chart.x_labels = labels
    for name, values in series:
        chart.add(name, values[::-1] if horizontal else values)
    return Markup(_without_scripts(chart.render_tree()))


def _without_scripts(root) -> str:
    # pygal always embeds its config (the labels among it) as a script, and comments naming its website.
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return etree.tostring(root, encoding="unicode")
