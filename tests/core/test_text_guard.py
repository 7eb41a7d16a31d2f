"""Control characters and escape sequences in every text field are refused at their line."""

from __future__ import annotations

import pytest

from matwork.core.routine import RoutineError, parse_routine
from matwork.core.textguard import describe_char, visible

LINES = [
    'name = "R"',  # 1
    'description = "D"',
    'tags = ["t"]',
    'author = "A"',
    'level = "beginner"',  # 5
    "[defaults]",
    'breath = "calm"',
    "[breathing.slow]",
    "inhale = 4",
    "exhale = 6",  # 10
    "[catalog.ex]",
    'name = "E"',
    'category = "mobility"',
    'muscles = ["obliques"]',
    'instructions = ["Do it"]',  # 15
    'cautions = ["Careful"]',
    "[sounds]",
    'finish = "none"',
    "[[block]]",
    'name = "B"',  # 20
    'note = "N"',
    "[[block.exercise]]",
    'id = "ex"',
    'name = "Use"',
    "work = 30",  # 25
    'cues = ["C"]',
    'load = "5 kg"',
    'note = "Note"',
    'sides = "both"',
    "[[block.exercise]]",  # 30
    'id = "ex"',
    'cues = "Single cue"',
    "reps = 5",
    'tempo = "3-1-3"',
]
GOOD = "\n".join(LINES) + "\n"


def _messages(text: str) -> str:
    """The problems of ``text`` as one string ("" when it parses)."""
    try:
        parse_routine(text, "r.toml")
    except RoutineError as error:
        return str(error)
    return ""


# (label in the message, line number, text of the line with {} where the bad text goes)
FIELDS = [
    ("name", 1, 'name = "R{}"'),
    ("description", 2, 'description = "D{}"'),
    ("tags", 3, 'tags = ["t{}"]'),
    ("author", 4, 'author = "A{}"'),
    ("level", 5, 'level = "beginner{}"'),
    ("breath", 7, 'breath = "calm{}"'),
    ("name", 12, 'name = "E{}"'),
    ("category", 13, 'category = "mobility{}"'),
    ("muscles", 14, 'muscles = ["obliques{}"]'),
    ("instructions", 15, 'instructions = ["Do it{}"]'),
    ("cautions", 16, 'cautions = ["Careful{}"]'),
    ("finish", 18, 'finish = "none{}"'),
    ("name", 20, 'name = "B{}"'),
    ("note", 21, 'note = "N{}"'),
    ("id", 23, 'id = "ex{}"'),
    ("name", 24, 'name = "Use{}"'),
    ("cues", 26, 'cues = ["C{}"]'),
    ("load", 27, 'load = "5 kg{}"'),
    ("note", 28, 'note = "Note{}"'),
    ("sides", 29, 'sides = "both{}"'),
    ("cues", 32, 'cues = "Single cue{}"'),
    ("tempo", 34, 'tempo = "3-1-3{}"'),
]
KEYS = [
    (8, '[breathing."slow{}"]'),
    (11, '[catalog."ex{}"]'),
    (18, '"finish{}" = "none"'),
]
LONG = {"description", "note", "instructions", "cautions"}
VOCABULARY = {"level", "breath", "category", "muscles", "finish", "id", "sides"}

# (what it is, how it is written in TOML, the character reported)
BAD = [
    ("CSI clear screen", "\\u001b[2J", "\x1b"),
    ("OSC retitle", "\\u001b]0;owned\\u0007", "\x1b"),
    ("OSC 52 clipboard", "\\u001b]52;c;cm0gLXJmIH4=\\u0007", "\x1b"),
    ("raw C1 CSI", "\u009b2J", "\x9b"),
    ("raw NEL", "\u0085", "\x85"),
    ("escaped C1 OSC", "\\u009d0;x", "\x9d"),
    ("bell", "\\u0007", "\x07"),
    ("backspace", "\\b", "\x08"),
    ("form feed", "\\f", "\x0c"),
    ("carriage return", "\\r", "\r"),
    ("delete", "\\u007f", "\x7f"),
    ("NUL", "\\u0000", "\x00"),
]


def _with_line(number: int, text: str) -> str:
    lines = list(LINES)
    lines[number - 1] = text
    return "\n".join(lines) + "\n"


def _error(text: str) -> RoutineError:
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "r.toml")
    return caught.value


def test_the_base_routine_is_valid() -> None:
    assert parse_routine(GOOD, "r.toml").name == "R"


@pytest.mark.parametrize(("what", "written", "char"), BAD, ids=[bad[0] for bad in BAD])
@pytest.mark.parametrize(
    ("label", "line", "template"), FIELDS, ids=[f"{f[0]}@{f[1]}" for f in FIELDS]
)
def test_a_control_character_in_any_text_is_refused_at_its_line(
    label: str, line: int, template: str, what: str, written: str, char: str
) -> None:
    error = _error(_with_line(line, template.format(written)))
    assert len(error.problems) == 1, error
    assert (error.line, error.col) == (line, 1)
    assert error.message == f"{label}: control character {describe_char(char)} is not allowed"
    assert visible(str(error)) == str(error)  # the message itself holds no control character


@pytest.mark.parametrize(("what", "written", "char"), BAD, ids=[bad[0] for bad in BAD])
@pytest.mark.parametrize(("line", "template"), KEYS, ids=[key[1] for key in KEYS])
def test_a_control_character_in_a_key_is_refused_and_shown_escaped(
    line: int, template: str, what: str, written: str, char: str
) -> None:
    error = _error(_with_line(line, template.format(written)))
    assert error.line == line
    assert error.message.startswith(f"a key holds control character {describe_char(char)}: ")
    assert visible(str(error)) == str(error)


@pytest.mark.parametrize(
    ("label", "line", "template"), FIELDS, ids=[f"{f[0]}@{f[1]}" for f in FIELDS]
)
def test_line_breaks_only_in_long_texts_and_tabs_anywhere(
    label: str, line: int, template: str
) -> None:
    with_tab = _with_line(line, template.format("\\t"))
    if label in VOCABULARY:  # a tab is no control problem; names are matched without it
        assert "control character" not in _messages(with_tab)
    else:
        parse_routine(with_tab, "r.toml")
    text = _with_line(line, template.format("\\n"))
    if label in LONG:
        parse_routine(text, "r.toml")
    else:
        assert (
            _error(text).message == f"{label}: control character U+000A (line break) is not allowed"
        )


@pytest.mark.parametrize(("line", "template"), KEYS, ids=[key[1] for key in KEYS])
def test_a_key_holds_not_even_a_tab(line: int, template: str) -> None:
    assert "U+0009 (TAB)" in _error(_with_line(line, template.format("\\t"))).message


def test_a_multi_line_description_with_tabs_and_crlf_is_fine() -> None:
    text = GOOD.replace('description = "D"', 'description = """\nOne\tline.\nTwo."""')
    assert parse_routine(text.replace("\n", "\r\n"), "r.toml").description == "One\tline.\nTwo."


def test_every_bad_string_in_one_file_is_reported_each_at_its_line() -> None:
    lines = list(LINES)
    for _, number, template in FIELDS:
        lines[number - 1] = template.format("\\u001b[31m")
    error = _error("\n".join(lines) + "\n")
    assert [problem.line for problem in error.problems] == [field[1] for field in FIELDS]


def test_visible_writes_control_characters_as_escapes() -> None:
    assert visible("a\x1b]0;x\x07b\u009bc\td") == "a\\u001b]0;x\\u0007b\\u009bc\\u0009d"
    assert visible("Week 1 [easy] ✓") == "Week 1 [easy] ✓"
