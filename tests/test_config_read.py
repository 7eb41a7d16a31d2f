"""config.toml read safely: errors at their real place, warnings for what is ignored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.app.config import ConfigError, load_config
from matwork.app.config_read import ConfigWarning, read_config
from matwork.cli import main


def write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "config.toml"
    file.write_text(text, encoding="utf-8")
    return file


def error_of(file: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_config(file)  # the old entry point raises what read_config raises
    return caught.value


def warnings_of(file: Path) -> list[str]:
    return [str(warning) for warning in read_config(file).warnings]


# --- errors: what cannot be used ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[keys]\npause = 5\n",
            '2:1: pause: expected text in quotes, found 5 (e.g. pause = "space,p")',
        ),
        (
            '[session]\npain_question = true\n\n[keys]\nquit = "q"\nskip = ["s"]\n',
            '6:1: skip: expected text in quotes, found a list (e.g. pause = "space,p")',
        ),
        ("[session]\npain_question = 3\n", "2:1: pain_question: expected true or false, found 3"),
        ('[library]\nfolders = "x"\n', '2:1: folders: expected a list, found "x"'),
        ("\n\n[library\n", "3:9: TOML syntax: Expected ']' at the end of a table declaration"),
        ("[library]\nfolder = []\n", "2:1: unknown key 'folder' (did you mean 'folders'?)"),
        (
            '[keys]\nquit = "\\u001b]0;x\\u0007"\n',
            "2:1: quit: control character U+001B (ESC, which starts terminal escape sequences)"
            " is not allowed (this text is one line of plain characters)",
        ),
        ("x = " + "[" * 100 + "]" * 100 + "\n", "1:37: values nested more than 32 levels deep"),
    ],
    ids=["keys-int", "keys-list", "bool", "list", "syntax", "unknown", "escape", "nesting"],
)
def test_errors_name_their_real_line_column_and_value(
    tmp_path: Path, text: str, expected: str
) -> None:
    file = write(tmp_path, text)
    assert str(error_of(file).problems[0]) == f"{file}:{expected}"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda path: path.mkdir(), "is a folder, not a config file"),
        (lambda path: path.symlink_to(path), "cannot read: a loop of symbolic links"),
        (lambda path: path.write_bytes("[session]\n".encode("utf-16")), "is UTF-16 text"),
    ],
    ids=["folder", "loop", "utf-16"],  # a FIFO: in a child process, below
)
def test_an_unreadable_config_is_an_error_at_line_zero(tmp_path: Path, make, words: str) -> None:
    file = tmp_path / "config.toml"
    make(file)
    problem = error_of(file).problems[0]
    assert str(problem).startswith(f"{file}:0: {words}")


def test_a_missing_config_gives_the_defaults_and_no_warning(tmp_path: Path) -> None:
    loaded = read_config(tmp_path / "config.toml")
    assert loaded.config == load_config(tmp_path / "config.toml")
    assert loaded.warnings == ()


# --- warnings: what is ignored, by name ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'pause = ""',
            'pause: an empty key (name a key, e.g. "space" or "ctrl+p"; pause keeps its default key)',
        ),
        ('pause = "ctrl+"', "pause: 'ctrl+' has a '+' with no key after it"),
        ('pause = "f99"', "pause: 'f99' is not a key name (did you mean 'f9' or 'f19'?"),
        ('pause = "hyper+"', "pause: 'hyper+' has a '+' with no key after it"),
        ('pause = "cmd+p"', "pause: 'cmd' in 'cmd+p' is not a modifier (one of: alt, ctrl, hyper"),
        (
            'pause = "shift+ctrl+p"',
            "pause: 'shift+ctrl+p' never matches: Textual names it 'ctrl+shift+p'",
        ),
        ('pause = "solidus"', "pause: 'solidus' is not a key name"),
        ('paus = "p"', "unknown binding 'paus' is ignored (did you mean 'pause'?)"),
    ],
)
def test_impossible_bindings_and_unknown_ids_are_warned_about(
    tmp_path: Path, line: str, expected: str
) -> None:
    file = write(tmp_path, f"[keys]\n{line}\n")
    loaded = read_config(file)
    assert len(loaded.warnings) == 1
    assert str(loaded.warnings[0]).startswith(f"{file}:2:1: warning: {expected}")
    assert loaded.config.keys == {}  # nothing unusable reaches set_keymap


def test_usable_keys_of_a_binding_are_kept(tmp_path: Path) -> None:
    file = write(
        tmp_path,
        '[keys]\nskip = "f99, s, ?, question_mark, ctrl+shift+right, f24"\nquit = "ctrl+x"\n',
    )
    loaded = read_config(file)
    assert loaded.config.keys == {
        "skip": "s,?,question_mark,ctrl+shift+right,f24",
        "quit": "ctrl+x",
    }
    assert [str(w) for w in loaded.warnings] == [
        f"{file}:2:1: warning: skip: 'f99' is not a key name (did you mean 'f9' or 'f19'?)"
    ]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("volume = 2", "volume: expected a number of at most 1, found 2"),
        ("volume = -0.5", "volume: expected a number of at least 0, found -0.5"),
        ("volum = 0.5", "unknown key 'volum' (did you mean 'volume'?; sound stays off"),
        ('mute = ["nope"]', "mute: unknown cue kind(s) nope"),
    ],
)
def test_an_audio_table_the_sound_would_refuse_is_warned_about(
    tmp_path: Path, table: str, expected: str
) -> None:
    file = write(tmp_path, f"[session]\npain_question = true\n[audio]\n{table}\n")
    (warning,) = warnings_of(file)
    assert warning.startswith(f"{file}:4:1: warning: {expected}")
    assert "sound stays off until this is fixed" in warning


def test_missing_folders_and_files_in_the_library_are_warned_about(tmp_path: Path) -> None:
    (tmp_path / "routines").mkdir()
    (tmp_path / "file.toml").write_text("")
    file = write(
        tmp_path,
        f'[library]\nfolders = [\n  "{tmp_path / "routines"}",\n  "{tmp_path / "gone"}",\n'
        f'  "{tmp_path / "file.toml"}",\n  "~nosuchuser-matwork/x",\n]\n',
    )
    assert warnings_of(file) == [
        f"{file}:2:1: warning: library folder '{tmp_path / 'gone'}' does not exist (create it or remove it)",
        f"{file}:2:1: warning: library folder '{tmp_path / 'file.toml'}' is not a folder (name a folder)",
        f"{file}:2:1: warning: library folder '~nosuchuser-matwork/x' does not exist (create it or remove it)",
    ]


def test_a_warning_is_a_typed_value_with_its_place(tmp_path: Path) -> None:
    file = write(tmp_path, '\n[keys]\npause = "f99"\n')
    (warning,) = read_config(file).warnings
    assert isinstance(warning, ConfigWarning)
    assert (warning.path, warning.line, warning.col) == (str(file), 3, 1)


# --- the CLI prints warnings on stderr, and still works --------------------------------


def test_list_prints_config_warnings_on_stderr_once(isolated_dirs: dict[str, Path]) -> None:
    config = isolated_dirs["config"]
    config.mkdir(parents=True)
    file = config / "config.toml"
    file.write_text('[keys]\npause = "ctrl+"\n[library]\nfolders = ["/nonexistent-matwork"]\n')
    result = CliRunner().invoke(main, ["list", "--json"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{file}:2:1: warning: pause: 'ctrl+' has a '+' with no key after it"
        ' (write e.g. "ctrl+p" or "plus"; pause keeps its default key)',
        f"{file}:4:1: warning: library folder '/nonexistent-matwork' does not exist"
        " (create it or remove it)",
    ]


def test_a_fifo_as_config_does_not_hang_list(isolated_dirs: dict[str, Path]) -> None:
    config = isolated_dirs["config"]
    config.mkdir(parents=True)
    os.mkfifo(config / "config.toml")
    result = subprocess.run(
        [sys.executable, "-m", "matwork", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert (
        result.stderr
        == f"matwork: {config / 'config.toml'}:0: is a named pipe (FIFO), not a config file\n"
    )
