"""Hostile routine files: never a hang, a traceback or a wrong line.

A FIFO and /dev/zero are loaded in a child process with a timeout (and a memory
limit), so a regression fails the test instead of hanging or swapping the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from matwork.core import userfiles
from matwork.core.locate import Locator
from matwork.core.model import MAX_FILE_BYTES
from matwork.core.nesting import MAX_NESTING, bracket_problem, too_deep
from matwork.core.routine import RoutineError, load_routine, parse_routine

from helpers.routines import CATALOG

GOOD = 'name = "x"\n[[block]]\n[[block.exercise]]\nid = "a"\n' + CATALOG
CHILD = """\
import sys
from matwork.core.routine import RoutineError, load_routine
try:
    load_routine(sys.argv[1])
except RoutineError as error:
    print(error)
else:
    print("loaded")
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def load_in_child(path: Path | str) -> str:
    """What loading ``path`` says, from a child that may take 60 s and 1 GiB at most."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=_limit_memory,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def error_of(path: Path) -> RoutineError:
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    return caught.value


# --- only regular files -----------------------------------------------------------


def test_a_fifo_is_refused_by_name_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert load_in_child(fifo) == f"{fifo}:0: is a named pipe (FIFO), not a routine file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_by_name_without_reading() -> None:
    assert load_in_child("/dev/zero") == "/dev/zero:0: is a device, not a routine file"


def test_a_folder_is_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    assert str(error_of(folder)) == f"{folder}:0: is a folder, not a routine file"


def test_a_symlink_loop_and_a_dangling_link_say_so(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.toml"
    dangling.symlink_to(tmp_path / "nowhere.toml")
    assert str(error_of(loop)) == (
        f"{loop}:0: cannot read: a loop of symbolic links (a link points back along its own chain)"
    )
    assert (
        str(error_of(dangling)) == f"{dangling}:0: cannot read: a symbolic link to a missing file"
    )


def test_an_unreadable_file_says_permission_denied(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    secret = tmp_path / "secret.toml"
    secret.write_text(GOOD)
    secret.chmod(0)
    assert str(error_of(secret)) == f"{secret}:0: cannot read: permission denied"


@pytest.mark.parametrize(
    ("encoding", "words"),
    [
        ("utf-16", "is UTF-16 text"),
        ("utf-16-le", "looks like UTF-16 text"),
        ("utf-16-be", "looks like UTF-16 text"),
        ("utf-32", "is UTF-32 text"),
    ],
)
def test_other_encodings_are_named_at_line_zero(tmp_path: Path, encoding: str, words: str) -> None:
    file = tmp_path / "wide.toml"
    file.write_bytes(GOOD.encode(encoding))
    error = error_of(file)
    assert (error.line, error.col) == (0, 0)
    assert str(error) == f"{file}:0: {words}, not UTF-8 (save the file as UTF-8)"


def test_a_utf8_bom_is_fine(tmp_path: Path) -> None:
    file = tmp_path / "bom.toml"
    file.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert load_routine(file).name == "x"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_never_more_than_the_limit_plus_one_byte_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files are regular files that report size 0 and hold more: only the read stops them.
    asked: list[int] = []
    real_read = os.read

    def counting_read(descriptor: int, size: int) -> bytes:
        chunk = real_read(descriptor, size)
        asked.append(len(chunk))
        return chunk

    monkeypatch.setattr(userfiles.os, "read", counting_read)
    with pytest.raises(userfiles.FileProblem, match="more than the limit of 16 bytes"):
        userfiles.read_limited(Path("/proc/self/status"), 16)
    assert sum(asked) <= 17
    asked.clear()
    assert len(userfiles.read_limited(Path("/proc/self/status"), MAX_FILE_BYTES)) > 16
    assert sum(asked) <= MAX_FILE_BYTES + 1


# --- nesting ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "col"),
    [
        ("[" * 10_000 + "]" * 10_000, 5 + MAX_NESTING),
        ("{ a = " * 10_000 + "1" + " }" * 10_000, 5 + MAX_NESTING * len("{ a = ")),
        ("[{ a = " * 5_000 + "1" + " }]" * 5_000, 5 + MAX_NESTING // 2 * len("[{ a = ")),
    ],
    ids=["arrays", "inline-tables", "mixed"],
)
def test_deep_nesting_is_refused_at_its_line_before_tomllib(value: str, col: int) -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine(f"{GOOD}\n[extra]\nx = {value}\n", "deep.toml")
    error = caught.value
    assert (error.line, error.col) == (GOOD.count("\n") + 3, col)
    assert error.message == f"values nested more than {MAX_NESTING} levels deep"


def test_nesting_at_the_limit_reaches_tomllib() -> None:
    value = "[" * MAX_NESTING + "]" * MAX_NESTING
    assert bracket_problem(f"x = {value}\n") is None
    assert bracket_problem(f"x = [{value}]\n") == (1, 5 + MAX_NESTING)


def test_brackets_in_strings_and_comments_do_not_count() -> None:
    text = f'x = "{"[" * 100}"\ny = \'{"{" * 100}\'\n# {"[" * 100}\nz = """\n{"[" * 100}\n"""\n'
    assert bracket_problem(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "[" + ".".join(f"p{i}" for i in range(10_000)) + "]\nx = 1\n",
        ".".join(f"p{i}" for i in range(10_000)) + " = 1\n",
        "x = { " + ".".join(f"p{i}" for i in range(10_000)) + " = 1 }\n",
    ],
    ids=["header", "key", "inline-key"],
)
@pytest.mark.slow
def test_deep_dotted_keys_are_refused_at_their_line(text: str) -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine(GOOD + text, "deep.toml")
    assert caught.value.line == GOOD.count("\n") + 1
    assert caught.value.message == f"values nested more than {MAX_NESTING} levels deep"


def test_too_deep_walks_without_recursing() -> None:
    data: dict[str, object] = {}
    inner = data
    for _ in range(100_000):
        inner["a"] = {}
        inner = inner["a"]  # type: ignore[assignment]
    assert too_deep(data) == ("a",) * (MAX_NESTING + 1)
    assert too_deep({"a": [[{"b": 1}]]}) is None


@pytest.mark.slow
def test_deep_nesting_never_gives_a_recursion_error_in_any_command(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text(GOOD + "[extra]\nx = " + "[" * 10_000 + "]" * 10_000 + "\n")
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "config.toml").write_text(f'[library]\nfolders = ["{tmp_path}"]\n')
    for args in (["check", str(deep)], ["list"], ["play", "--plain", str(deep)]):
        result = subprocess.run(
            [sys.executable, "-m", "matwork", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        output = result.stdout + result.stderr
        assert "RecursionError" not in output, args
        assert "Traceback" not in output, args
        assert f"{deep}:" in output or "deep.toml" in output, (args, output)


# --- locations --------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0c", "\x1c", "\r"])
def test_only_newline_ends_a_line(separator: str) -> None:
    text = f"# a comment{separator}with more\nname = 'x{separator if separator != chr(13) else ''}'\nwrok = 1\n"
    locator = Locator(text)
    assert locator.find(("wrok",)) == (3, 1)
    assert locator.find(("name",)) == (2, 1)


def test_a_literal_string_holding_triple_quotes_does_not_open_a_multiline_string() -> None:
    text = "a = '\"\"\"'\nb = \"'''\"\nc = '''x \"\"\" y'''\nd = \"\"\"x ''' y\"\"\"\nwrok = 1\n"
    locator = Locator(text)
    assert [locator.find((key,)) for key in "abcd"] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert locator.find(("wrok",)) == (5, 1)


def test_multiline_strings_with_escaped_and_extra_quotes() -> None:
    text = 'a = """x \\""" y"""\nb = """ends with quotes"""""\nc = 1\nd = """\n[not.a.header]\n"""\ne = 1\n'
    locator = Locator(text)
    assert locator.find(("c",)) == (3, 1)
    assert locator.find(("e",)) == (7, 1)
    assert ("not", "a", "header") not in locator.positions


def test_keys_inside_arrays_of_inline_tables_have_their_own_place() -> None:
    text = (
        "[[block]]\n"
        'exercise = [{ id = "a", work = 30 }, { id = "b", "quoted key" = 1 },\n'
        "  # a comment, then a nested table\n"
        '  { id = "c", breath = { inhale = 4, exale = 6 }, tempo = [1, 2] },\n'
        "]\n"
        "after = 1\n"
    )
    lines = text.split("\n")

    def at(line: int, fragment: str) -> tuple[int, int]:
        return line, lines[line - 1].index(fragment) + 1

    locator = Locator(text)
    base = ("block", 0, "exercise")
    assert locator.find((*base, 0, "work")) == at(2, "work")
    assert locator.find((*base, 1)) == at(2, '{ id = "b"')
    assert locator.find((*base, 1, "quoted key")) == at(2, '"quoted key"')
    assert locator.find((*base, 2)) == at(4, "{")
    assert locator.find((*base, 2, "breath", "exale")) == at(4, "exale")
    assert locator.find((*base, 2, "tempo", 1)) == at(4, "tempo")  # items: the key's place
    assert locator.find(("block", 0, "after")) == (6, 1)


def test_a_dotted_key_locates_its_prefixes() -> None:
    locator = Locator("[defaults]\nbreath.inhale = 4\n")
    assert locator.find(("defaults", "breath")) == (2, 1)


def test_exercise_before_any_block_says_to_add_one() -> None:
    text = 'name = "x"\n\n[[block.exercise]]\nid = "a"\n' + CATALOG
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "r.toml")
    assert str(caught.value) == (
        "r.toml:3:1: [[block.exercise]] comes before any [[block]] (add a [[block]] line above it)"
    )


def test_block_as_a_single_table_still_says_a_list_is_expected() -> None:
    text = 'name = "x"\n[block]\nname = "B"\n[[block.exercise]]\nid = "a"\n' + CATALOG
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "r.toml")
    assert caught.value.line == 2
    assert "expected a list" in caught.value.message
