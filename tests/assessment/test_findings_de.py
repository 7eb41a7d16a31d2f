"""Findings, ratio notes, retests and the notice in German: the words change, the ids,
levels, verdicts and numbers do not (issue 16)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from matwork.cli import main
from matwork.core.assessment_norms import localized_norms
from matwork.core.findings import NOTICE, Level, assess, notice_text
from matwork.core.retest import Verdict, compare
from matwork.i18n import use_language

from helpers.assessment import ISSUE_EXAMPLE, results


def test_a_finding_is_german_with_its_numbers_and_its_stable_id() -> None:
    use_language("de")
    found = assess(
        results(sex="male", extensor_hold=150, side_bridge={"left": 40, "right": 60}),
        localized_norms("de"),
    )
    by_id = {finding.id: finding for finding in found.findings}
    extensor = by_id["extensor-band"]
    assert extensor.level is Level.ATTENTION
    assert extensor.title == "Ausdauer der Rückenstrecker (Biering-Sørensen)"
    assert extensor.text.startswith("Haltetest der Rückenstrecker 150 s. unter 176 s:")
    assert "Gesunde junge Männer hielten bei McGill 1999" in extensor.text
    sides = by_id["ratio-side-left-right"]
    assert "40 s / 60 s = 0.67; Ziel 0.95-1.05: nicht erreicht." in sides.text
    assert "Die linke Seite ist die kürzere." in sides.text
    assert found.notice.startswith("matwork informiert, es stellt keine Diagnose.")


def test_length_findings_use_the_german_side_words() -> None:
    use_language("de")
    found = assess(
        results(thomas={"left": True, "right": False}, aslr={"left": 2, "right": 0}),
        localized_norms("de"),
    )
    by_id = {finding.id: finding for finding in found.findings}
    assert by_id["thomas-left"].title == "Länge der Hüftbeuger, links"
    assert by_id["asymmetry-thomas"].text == "Der Thomas-Test ist nur links positiv."
    assert by_id["aslr"].text.startswith("Werte links 2, rechts 0 (0-")
    assert (
        by_id["asymmetry-aslr"].text
        == "Das linke Bein zu heben fällt schwerer (links 2, rechts 0)."
    )


def test_the_notice_follows_the_language_at_use_not_at_import() -> None:
    english = notice_text()
    use_language("de")
    assert notice_text() != english
    assert str(NOTICE) == notice_text()
    assert assess(results(), localized_norms("de")).notice == notice_text()
    use_language("en")
    assert assess(results(), localized_norms("en")).notice == english


def test_a_retest_is_german_and_keeps_its_verdict_value() -> None:
    use_language("de")
    norms = localized_norms("de")
    change = compare(results(extensor_hold=100), results(extensor_hold=200), norms).changes[0]
    assert change.verdict is Verdict.IMPROVED
    assert change.verdict.value == "improved"
    assert change.text.startswith("extensor-hold: 100 → 200 s (+100), mehr als die kleinste")
    assert change.text.endswith(": besser.")


def test_assess_record_in_german(tmp_path: Path) -> None:
    file = tmp_path / "results.toml"
    file.write_text(ISSUE_EXAMPLE, encoding="utf-8")
    done = CliRunner().invoke(main, ["--lang", "de", "assess", "record", str(file)])
    assert done.exit_code == 0, done.output
    assert "[Hinweis] Verhältnis" in done.output
    assert "nicht erreicht" in done.output
    assert "Länge der Hüftbeuger, rechts" in done.output
    assert "matwork informiert" in done.output
    assert "does not diagnose" not in done.output
