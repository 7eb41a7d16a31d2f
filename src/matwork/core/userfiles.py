"""Open and read the files a user names (routines, config.toml, cue sounds) safely.

Only regular files are read. The path is looked at with ``stat`` first and the open
file again with ``fstat``, so a folder, a FIFO, a device or a socket is refused by
name; the file is opened with ``O_NONBLOCK``, so even a FIFO swapped in between the
two never blocks; and a text file is read up to its limit plus one byte, however
large it is or grows. Every refusal is a ``FileProblem``: a message (with the line
and column of a decoding error, or line 0 when the file as a whole cannot be read).

This and ``load_routine`` are the routine loader's I/O; the checks themselves are pure.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from matwork.core.wavinfo import wav_problem
from matwork.i18n import _, lazy_

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_KINDS = {
    stat.S_IFDIR: lazy_("is a folder"),
    stat.S_IFIFO: lazy_("is a named pipe (FIFO)"),
    stat.S_IFCHR: lazy_("is a device"),
    stat.S_IFBLK: lazy_("is a device"),
    stat.S_IFSOCK: lazy_("is a socket"),
}
_WHAT = {
    "file": lazy_("file"),
    "routine file": lazy_("routine file"),
    "programme file": lazy_("programme file"),
    "config file": lazy_("config file"),
    "WAV file": lazy_("WAV file"),
}
"""The kinds of file read, in words (one of them is ``what`` everywhere below)."""


def _what(what: str) -> str:
    return str(_WHAT.get(what, what))


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


class FileProblem(Exception):
    """Why a file cannot be read; ``line`` 0 means the file as a whole."""

    def __init__(self, message: str, hint: str = "", line: int = 0, col: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line = line
        self.col = col


def _kind_problem(mode: int, what: str) -> FileProblem | None:
    found = _KINDS.get(stat.S_IFMT(mode))
    kind = str(found) if found is not None else None
    if kind is None and not stat.S_ISREG(mode):
        kind = _("is not a regular file")
    words = _("{kind}, not a {what}")
    return FileProblem(words.format(kind=kind, what=_what(what))) if kind else None


def _os_problem(path: Path, error: OSError) -> FileProblem:
    """The words for an OSError met while opening ``path``."""
    if error.errno == errno.ELOOP:
        return FileProblem(
            _("cannot read: a loop of symbolic links"),
            _("a link points back along its own chain"),
        )
    if error.errno == errno.ENOENT and os.path.islink(path):
        return FileProblem(_("cannot read: a symbolic link to a missing file"))
    if error.errno == errno.ENOENT:
        return FileProblem(_("cannot read: no such file"))
    if error.errno in (errno.EACCES, errno.EPERM):
        return FileProblem(_("cannot read: permission denied"))
    reason = error.strerror or str(error)
    return FileProblem(_("cannot read: {reason}").format(reason=reason[:1].lower() + reason[1:]))


@contextmanager
def open_regular(path: Path, what: str = "file") -> Iterator[int]:
    """A read-only descriptor of the regular file at ``path``, closed on exit.

    Raises FileProblem naming what the path is when it is not a regular file, or what
    the system said when it cannot be opened. Never blocks.
    """
    try:
        problem = _kind_problem(os.stat(path).st_mode, what)
        if problem:
            raise problem
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _os_problem(path, error) from None
    except ValueError:
        raise FileProblem(_("cannot read: the path holds a NUL byte")) from None
    try:
        problem = _kind_problem(os.fstat(descriptor).st_mode, what)
        if problem:
            raise problem
        yield descriptor
    finally:
        os.close(descriptor)


def _limit_words(limit: int) -> str:
    mib = limit / (1024 * 1024)
    return f"{mib:g} MiB" if mib >= 1 else _("{count} bytes").format(count=limit)


def read_limited(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file at ``path``; FileProblem if it holds over ``limit``."""
    too_big = _("more than the limit of {limit}").format(limit=_limit_words(limit))
    with open_regular(path, what) as descriptor:
        try:
            size = os.fstat(descriptor).st_size
            if size > limit:
                words = _("file is {size} MiB, {too_big}")
                shown = words.format(size=f"{size / 1048576:.1f}", too_big=too_big)
                raise FileProblem(shown, line=1, col=1)
            chunks: list[bytes] = []
            total = 0
            while total <= limit:
                chunk = os.read(descriptor, limit + 1 - total)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        except OSError as error:
            raise _os_problem(path, error) from None
    if total > limit:
        raise FileProblem(
            _("file grew while read, {too_big}").format(too_big=too_big), line=1, col=1
        )
    return b"".join(chunks)


def decode_text(raw: bytes, what: str) -> str:
    """The text of a UTF-8 file (a leading BOM dropped); FileProblem saying where it is not."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            words = _("is {encoding} text, not UTF-8").format(encoding=encoding)
            raise FileProblem(words, _("save the file as UTF-8"))
    sample = raw[:64]
    every_other_nul = not any(sample[1::2]) or not any(sample[::2])
    if len(sample) >= 4 and sample.strip(b"\x00") and every_other_nul:
        raise FileProblem(_("looks like UTF-16 text, not UTF-8"), _("save the file as UTF-8"))
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = _("not UTF-8 text: byte {byte} cannot be decoded")
        shown = message.format(byte=f"{raw[error.start]:#04x}")
        raise FileProblem(shown, _("save the file as UTF-8"), line, col) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        words = _("binary data: a {what} is a text file").format(what=_what(what))
        raise FileProblem(words, line=line, col=1)
    return text


def read_text(path: Path, limit: int, what: str) -> str:
    """The UTF-8 text of the regular file at ``path``, at most ``limit`` bytes."""
    return decode_text(read_limited(path, limit, what), what)


_SOUND_HINT = lazy_("save it as a 16-bit PCM WAV file, e.g. 44100 Hz")


def sound_file_problem(folder: Path, target: str) -> tuple[str, str] | None:
    """Why a ``[sounds]`` path cannot be a cue sound, as (message, hint); None if it can.

    ``target`` is relative to ``folder``, the routine's (resolved) folder, and must stay
    inside it; the file must be a regular file holding audio matwork plays.
    """
    if not target.strip():
        return _("sound path is empty"), _('name a WAV file beside the routine, or "none" to mute')
    if "\x00" in target:
        return _("sound path holds a NUL byte"), _("write the file name only")
    candidate = Path(target)
    inside = Path(os.path.realpath(folder / candidate)).is_relative_to(folder)
    if candidate.is_absolute() or not inside:
        words = _("sound '{target}' leaves the routine's folder").format(target=target)
        return words, _("use a path inside it")
    try:
        with open_regular(folder / candidate, "WAV file") as descriptor:
            problem = wav_problem(lambda offset, size: os.pread(descriptor, size, offset))
    except FileProblem as error:
        reason = error.message.removeprefix(_("cannot read: {reason}").format(reason=""))
        words = _("cannot read sound '{target}': {reason}")
        return words.format(target=target, reason=reason), error.hint
    except OSError as error:
        words = _("cannot read sound '{target}': {reason}")
        return words.format(target=target, reason=error.strerror or error), ""
    if not problem:
        return None
    return _("sound '{target}' {problem}").format(target=target, problem=problem), str(_SOUND_HINT)
