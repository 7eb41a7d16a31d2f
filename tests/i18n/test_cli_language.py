"""Choosing the language on the command line: --lang, [ui] language, the locale; and
``matwork check`` in German names the same file, line and column as in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.cli import main

BAD_ROUTINE = """\
name = "Bad"
levle = 2

[[block]]
name = "A"
[[block.exercise]]
id = "bridge"
work = "40"
"""


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.output


def _config(folder: Path, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


def _places(output: str) -> list[str]:
    return [line.split(": ", 1)[0] for line in output.splitlines() if ".toml:" in line]


@pytest.mark.parametrize(
    ("routine", "english", "german"),
    [
        (
            BAD_ROUTINE,
            "unknown key 'levle' (did you mean 'level'?)",
            "unbekannter Schlüssel 'levle' (meintest du 'level'?)",
        ),
        (
            BAD_ROUTINE.replace("levle = 2\n", ""),
            'work: expected a number, found "40"',
            'work: erwartet eine Zahl, gefunden "40"',
        ),
        (
            BAD_ROUTINE.replace("levle = 2\n", "")
            .replace('"bridge"', '"brdige"')
            .replace('"40"', "40"),
            "unknown exercise id 'brdige'",
            "unbekannte Übungs-ID 'brdige'",
        ),
        ('name = "x"\n[[block]\n', "TOML syntax:", "TOML-Syntax:"),
    ],
)
def test_check_in_german_names_the_same_place(
    tmp_path: Path, routine: str, english: str, german: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(routine, encoding="utf-8")
    code_en, out_en = _run("check", str(bad))
    code_de, out_de = _run("--lang", "de", "check", str(bad))
    assert (code_en, code_de) == (1, 1)
    assert english in out_en
    assert german in out_de
    assert _places(out_en) == _places(out_de) != []
    assert "1 file checked: 0 valid, 1 invalid (1 error)" in out_en
    assert "1 Datei geprüft: 0 gültig, 1 ungültig (1 Fehler)" in out_de


def test_help_follows_the_language() -> None:
    _, english = _run("check", "--help")
    _, german = _run("--lang", "de", "check", "--help")
    assert "Print the results as JSON." in english
    assert "Gibt die Ergebnisse als JSON aus." in german
    assert "Zeigt diese Hilfe und beendet." in german
    _, top = _run("--lang", "de", "--help")
    assert "Prüft Routinen- und Programmdateien" in top  # a command's short help, translated


def test_clicks_own_words_follow_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Usage lines, section titles and usage errors come from click, in the language."""
    code, german = _run("--lang", "de", "log", "--bogus")
    assert code == 2
    assert "Aufruf: main log [OPTIONS]" in german
    assert "Hilfe mit 'main log --help'." in german
    assert "Fehler: Keine Option '--bogus'." in german
    assert "Optionen:" in _run("--lang", "de", "log", "--help")[1]
    assert "Fehlendes Argument 'ROUTINE'" in _run("--lang", "de", "play")[1]
    monkeypatch.setenv("LANGUAGE", "de")  # the system's gettext list does not win over --lang
    _, english = _run("--lang", "en", "log", "--bogus")
    assert "Usage: main log [OPTIONS]" in english
    assert "Error: No such option '--bogus'." in english


def test_order_lang_then_config_then_locale(tmp_path: Path, isolated_dirs: dict[str, Path]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_ROUTINE, encoding="utf-8")
    german, english = "unbekannter Schlüssel", "unknown key"
    assert english in _run("check", str(bad))[1]
    assert german in _run("check", str(bad), env={"LANG": "de_DE.UTF-8"})[1]
    assert english in _run("check", str(bad), env={"LANG": "fr_FR.UTF-8"})[1]
    _config(isolated_dirs["config"], '[ui]\nlanguage = "en"\n')
    assert english in _run("check", str(bad), env={"LANG": "de_DE.UTF-8"})[1]
    assert german in _run("--lang", "de", "check", str(bad))[1]
    _config(isolated_dirs["config"], '[ui]\nlanguage = "de"\n')
    assert german in _run("check", str(bad), env={"LANG": "en_US.UTF-8"})[1]
    assert english in _run("--lang", "en", "check", str(bad))[1]
    assert german in _run("--lang=de", "check", str(bad))[1]


def test_a_bad_language_in_config_is_placed_and_names_the_choices(
    tmp_path: Path, isolated_dirs: dict[str, Path]
) -> None:
    _config(isolated_dirs["config"], '[session]\npain_question = true\n\n[ui]\nlanguage = "xx"\n')
    code, output = _run("list")
    assert code == 1
    assert "config.toml:5:1: unknown language 'xx' (one of: en, de)" in output


def test_a_bad_lang_option_is_a_usage_error() -> None:
    code, output = _run("--lang", "xx", "list")
    assert code == 2
    assert "'xx' is not one of 'en', 'de'" in output


def test_the_content_follows_the_language() -> None:
    _, english = _run("catalog", "bridge")
    _, german = _run("--lang", "de", "catalog", "bridge")
    assert "Glute bridge" in english or "glute-bridge" in english
    assert "Schulterbrücke" in german
    assert "Schulterbrücke" not in english
