"""``matwork new``: templates that load, teach and play; where the file goes; no overwrite."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlparse

import click
import pytest
from click.testing import CliRunner, Result

from matwork.app.library import RoutineSource, discover
from matwork.cli import main
from matwork.cli.common import discover_all
from matwork.cli.new_cmd import TEMPLATES, new_routine, render
from matwork.core.authoring import schema_reference, slug
from matwork.core.routine import compile_timeline, load_routine
from matwork.shipped import shipped_dir

from helpers.paths import test_paths

ROOT = Path(__file__).resolve().parents[2]
SAFETY_TEXT = (
    "Check with a doctor or physio first if you have back pain; "
    "stop on sharp, shooting or radiating pain."
)
LENGTH_RE = re.compile(r"\bAbout (\d+) minutes\b")
KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*=")
TABLE_LINE = re.compile(r"^\[\[?([\w.-]+)\]\]?")


def new(*args: str) -> Result:
    return CliRunner().invoke(new_routine, list(args))


def schema_target(text: str) -> Path:
    """The file a routine's ``#:schema`` first line names, read as Taplo reads it."""
    first = text.splitlines()[0]
    assert first.startswith("#:schema ")
    value = first.split()[1]  # Taplo takes the first word after the directive
    if "://" in value:
        parsed = urlparse(value)
        assert parsed.scheme == "file"
        return Path(unquote(parsed.path))
    return Path(value)


@pytest.fixture
def made(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A routine made by ``matwork new`` from the template named by the test's parameter."""
    template = request.param
    result = new(f"My {template} day", "--template", template, "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    path = tmp_path / "out" / f"my-{template}-day.toml"
    assert path.is_file()
    return path


# --- the templates --------------------------------------------------------------------


def test_the_template_folder_holds_exactly_the_offered_templates() -> None:
    folder = resources.files("matwork") / "data" / "templates"
    shipped = sorted(item.name for item in folder.iterdir() if item.name.endswith(".toml"))
    assert shipped == sorted(f"{name}.toml" for name in TEMPLATES)


@pytest.mark.parametrize("made", TEMPLATES, indirect=True)
def test_template_loads_and_compiles_to_a_plausible_session(made: Path) -> None:
    routine = load_routine(made)
    timeline = compile_timeline(routine)
    assert timeline.segments
    assert 3 * 60 <= timeline.total_seconds <= 40 * 60
    assert any(segment.kind == "work" for segment in timeline.segments)


@pytest.mark.parametrize("made", TEMPLATES, indirect=True)
def test_template_passes_matwork_check(made: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(made)])
    assert (result.exit_code, result.output) == (0, "1 file checked: 1 valid\n")


@pytest.mark.parametrize("made", TEMPLATES, indirect=True)
def test_template_description_says_length_and_safety_truthfully(made: Path) -> None:
    routine = load_routine(made)
    assert routine.description.lower().startswith("for "), "say whom it is for"
    assert SAFETY_TEXT in routine.description
    match = LENGTH_RE.search(routine.description)
    assert match, 'state the length as "About N minutes."'
    stated = int(match.group(1)) * 60
    total = compile_timeline(routine).total_seconds
    assert abs(total - stated) <= 0.10 * stated, f"planned {total / 60:.1f} min"


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_explains_every_key_it_sets(template: str) -> None:
    """The first time a key or table appears, a comment on its line or just above says what it is."""
    lines = render(template, "Some name", None).splitlines()
    seen: set[str] = set()
    unexplained = []
    for number, line in enumerate(lines):
        match = KEY_LINE.match(line) or TABLE_LINE.match(line)
        if not match:
            continue
        key = match.group(1)
        if line.startswith("["):  # a table: [catalog.a] and [catalog.b] are one kind
            key = re.sub(r"^(breathing|catalog)\..*", r"\1.*", key)
        if key in seen:
            continue
        seen.add(key)
        above = lines[number - 1].lstrip() if number else ""
        if "#" not in line and not above.startswith("#"):
            unexplained.append(f"line {number + 1}: {line}")
    assert not unexplained, "keys without a comment:\n" + "\n".join(unexplained)


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_shows_the_three_dosage_forms(template: str) -> None:
    text = render(template, "x", None)
    assert re.search(r"^\s*#?\s*work = \d+", text, re.MULTILINE)
    assert re.search(r"tempo = ", text)
    assert "open set" in text
    assert "plan --watch" in text


def test_templates_use_the_format_seriously() -> None:
    """Between them the templates show every part of the format a user will want."""
    text = "\n".join(render(template, "x", None) for template in TEMPLATES)
    for key in (
        "sets",
        "sides",
        "rounds",
        "round_rest",
        "rest_after",
        "prepare",
        "halfway",
        "load",
        "cues",
        "note",
        "switch",
        "countdown",
        "hold_out",
    ):
        assert re.search(rf"^{key} = ", text, re.MULTILINE), key
    for table in ("[defaults]", "[breathing.", "[catalog.", "[[block]]", "[[block.exercise]]"):
        assert f"\n{table}" in text, table
    assert 'sides = "alternate"' in text
    assert "breath = {" in text
    assert "tempo = [" in text


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_as_stored_points_at_the_checkout_schema(template: str) -> None:
    """For whoever edits a template in the source tree: its own #:schema line resolves."""
    source = ROOT / "src" / "matwork" / "data" / "templates" / f"{template}.toml"
    first = source.read_text(encoding="utf-8").splitlines()[0]
    relative = first.removeprefix("#:schema ")
    assert (source.parent / relative).resolve() == (ROOT / "schema" / "routine.schema.json")


@pytest.mark.parametrize("made", TEMPLATES, indirect=True)
def test_template_plays(made: Path) -> None:
    timeline = compile_timeline(load_routine(made))
    assert timeline.segments
    if main.get_command(click.Context(main), "play") is None:
        pytest.skip(
            "`matwork play` is not registered yet (built in parallel); the timeline compiles"
        )
    result = subprocess.run(
        [sys.executable, "-m", "matwork", "play", "--plain", "--speed", "1000", str(made)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert timeline.segments[-1].exercise.name in result.stdout


# --- the file written -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ['Anna\'s "quiet" back', "Rückenschule: Morgen", "Tab\there", "# not a comment", "日本語"],
)
def test_name_is_written_exactly_and_safely(tmp_path: Path, name: str) -> None:
    result = new(name, "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    (path,) = tmp_path.glob("*.toml")
    assert load_routine(path).name == name
    assert tomllib.loads(path.read_text(encoding="utf-8"))["name"] == name


def test_name_is_trimmed(tmp_path: Path) -> None:
    assert new("  Morning back  ", "--out", str(tmp_path)).exit_code == 0
    assert load_routine(tmp_path / "morning-back.toml").name == "Morning back"


def test_default_goes_into_the_user_routines_folder_and_shows_in_the_library() -> None:
    folder = test_paths().routines_dir
    assert not folder.exists()
    result = new("Morning back", "--template", "desk")
    assert result.exit_code == 0, result.output
    path = folder / "morning-back.toml"
    assert path.is_file()
    assert [entry.path for entry in discover_all() if entry.name == "Morning back"] == [path]


def test_prints_the_path_and_the_next_steps(tmp_path: Path) -> None:
    result = new("Morning back", "--out", str(tmp_path))
    path = tmp_path / "morning-back.toml"
    assert result.output.splitlines()[0] == f"Created {path} (template: blank)"
    assert f"matwork plan --watch {path}" in result.output
    assert f"matwork play {path}" in result.output


def test_next_steps_quote_a_path_with_spaces(tmp_path: Path) -> None:
    result = new("Morning back", "--out", str(tmp_path / "my routines") + os.sep)
    assert result.exit_code == 0, result.output
    assert f"matwork play '{tmp_path / 'my routines' / 'morning-back.toml'}'" in result.output


def test_schema_line_points_at_the_installed_schema(tmp_path: Path) -> None:
    assert new("Morning back", "--out", str(tmp_path)).exit_code == 0
    text = (tmp_path / "morning-back.toml").read_text(encoding="utf-8")
    target = schema_target(text)
    assert target.is_absolute()
    assert target.is_file()
    assert target == (shipped_dir("schema") / "routine.schema.json").resolve()
    assert text.count("#:schema") == 1


def test_schema_reference_is_a_plain_path_or_a_file_uri_taplo_can_read() -> None:
    plain = Path("/opt/matwork/schema/routine.schema.json")
    if os.name != "nt":
        assert schema_reference(plain) == str(plain)
    spaced = Path("/Users/Ann Lee/matwork/schema/routine.schema.json").resolve()
    reference = schema_reference(spaced)
    assert reference.startswith("file://")
    assert " " not in reference  # Taplo stops at the first blank
    assert Path(unquote(urlparse(reference).path)) == spaced


# --- where it goes, and never over a file ---------------------------------------------


def test_out_to_an_existing_folder(tmp_path: Path) -> None:
    assert new("Morning back", "--out", str(tmp_path)).exit_code == 0
    assert (tmp_path / "morning-back.toml").is_file()


def test_out_to_a_new_folder_is_made(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    assert new("Morning back", "--out", str(target)).exit_code == 0
    assert (target / "morning-back.toml").is_file()


def test_out_to_a_new_folder_with_a_dot_ending_in_a_separator(tmp_path: Path) -> None:
    target = tmp_path / "v1.2"
    assert new("Morning back", "--out", str(target) + os.sep).exit_code == 0
    assert (target / "morning-back.toml").is_file()


def test_out_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "mine.toml"
    result = new("Morning back", "--template", "pilates", "--out", str(target))
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert load_routine(target).name == "Morning back"
    assert list(tmp_path.rglob("*.toml")) == [target]


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "morning-back.toml"
    path.write_text("# my precious work\n", encoding="utf-8")
    result = new("Morning back", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert f"{path} already exists" in result.output
    assert "--force" in result.output
    assert "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == "# my precious work\n"


def test_refuses_to_overwrite_a_named_file_without_force(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("# keep\n", encoding="utf-8")
    result = new("Morning back", "--out", str(path))
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == "# keep\n"


def test_force_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "morning-back.toml"
    path.write_text("# old\n", encoding="utf-8")
    result = new("Morning back", "--out", str(tmp_path), "--template", "breathing", "--force")
    assert result.exit_code == 0, result.output
    assert load_routine(path).name == "Morning back"
    assert "[breathing." in path.read_text(encoding="utf-8")


def test_second_new_with_the_same_name_is_refused() -> None:
    assert new("Morning back").exit_code == 0
    first = (test_paths().routines_dir / "morning-back.toml").read_text(encoding="utf-8")
    result = new("Morning  Back", "--template", "strength")  # the same slug
    assert result.exit_code == 1
    assert (test_paths().routines_dir / "morning-back.toml").read_text(encoding="utf-8") == first


def test_a_folder_where_the_file_would_go_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "morning-back.toml").mkdir()
    result = new("Morning back", "--out", str(tmp_path), "--force")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "morning-back.toml" in result.output


def test_a_file_where_the_folder_would_go_is_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    result = new("Morning back", "--out", str(blocker / "inside" / "x.toml"))
    assert result.exit_code == 1
    assert "cannot create the folder" in result.output


# --- the name -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "\t"])
def test_empty_name_is_an_error(name: str) -> None:
    result = new(name)
    assert result.exit_code == 2
    assert "NAME is empty" in result.output
    assert not test_paths().routines_dir.exists()


@pytest.mark.parametrize("name", ["!!!", "---", "...", "_", "🙂"])
def test_name_without_letters_or_digits_is_an_error(name: str) -> None:
    result = new("--", name)
    assert result.exit_code == 2
    assert "no letters or digits" in result.output
    assert not test_paths().routines_dir.exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Morning back", "morning-back"),
        ("  Back -- basics!  ", "back-basics"),
        ("Rückenschule Übung", "ruckenschule-ubung"),
        ("Desk break #2", "desk-break-2"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
        ("snake_case_name", "snake-case-name"),
        ("日本語", "日本語"),
        ("!!!", ""),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_unknown_template_is_a_usage_error() -> None:
    result = new("Morning back", "--template", "yoga")
    assert result.exit_code == 2
    assert "blank" in result.output


def test_the_new_routine_discovered_as_a_source(tmp_path: Path) -> None:
    assert new("Lunch", "--out", str(tmp_path), "-t", "fascia").exit_code == 0
    (entry,) = discover([RoutineSource(folder=tmp_path, origin="user")])
    assert entry.ok
    assert entry.name == "Lunch"
