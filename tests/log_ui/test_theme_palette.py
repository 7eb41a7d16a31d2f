"""The chart palette follows the theme's CSS variables, not colours written in Python."""

from __future__ import annotations

from rich.color import Color

from matwork.tui.history.charts import ChartPalette


def test_palette_takes_its_colours_from_the_theme_variables() -> None:
    variables = {
        "primary-lighten-2": "#112233",
        "foreground-darken-3": "#445566",
        "warning": "#AA0000",
        "success": "#00BB00",
        "error": "#CC00CC",
        "success-darken-3": "#010101",
        "success-lighten-2": "#020202",
    }
    palette = ChartPalette.from_variables(variables)
    assert palette.bar.color == Color.parse("#112233")
    assert palette.axis.color == Color.parse("#445566")
    assert palette.pain_before.color == Color.parse("#AA0000")
    assert palette.pain_before.bold
    assert palette.pain_after.color == Color.parse("#00BB00")
    assert palette.heat[1].color == Color.parse("#010101")
    assert palette.heat[4].color == Color.parse("#020202")
    assert palette.categories["fascia"].color == Color.parse("#CC00CC")
    assert palette.heat[0].color is None  # a variable the theme lacks: no colour, no crash


def test_a_variable_with_alpha_keeps_its_colour() -> None:
    palette = ChartPalette.from_variables({"primary-lighten-2": "#11223380"})
    assert palette.bar.color == Color.parse("#112233")
