"""Keep ALSA quiet: a no-op error handler, and a probe of the default playback device.

ALSA prints lines like ``ALSA lib confmisc.c:855:(parse_card) cannot find card '0'``
straight to stderr, which would scribble over the terminal UI. Installing a no-op
handler in libasound (the same library instance simpleaudio links against) stops that.
Nothing here runs at import time.
"""

from __future__ import annotations

import ctypes
import threading

from matwork.i18n import _

_LIBRARY = "libasound.so.2"
_SND_PCM_STREAM_PLAYBACK = 0
_SND_PCM_NONBLOCK = 1

_ErrorHandler = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)

_lock = threading.Lock()
_state: dict[str, object] = {}
"""``lib``: the loaded libasound; ``handler``: the installed CFUNCTYPE object, kept alive."""


def _ignore(file: bytes, line: int, function: bytes, err: int, fmt: bytes) -> None:
    """Swallow one ALSA error message."""


def _library() -> ctypes.CDLL | None:
    if "lib" not in _state:
        try:
            _state["lib"] = ctypes.CDLL(_LIBRARY)
        except OSError:
            _state["lib"] = None
    lib = _state["lib"]
    return lib if isinstance(lib, ctypes.CDLL) else None


def silence_alsa_errors() -> bool:
    """Install a no-op ALSA error handler once; False when libasound is not present."""
    with _lock:
        lib = _library()
        if lib is None:
            return False
        if "handler" not in _state:
            handler = _ErrorHandler(_ignore)
            lib.snd_lib_error_set_handler(handler)
            _state["handler"] = handler  # libasound keeps only the pointer
        return True


def probe_default_device() -> str | None:
    """Open and close ALSA's default playback device; the reason it failed, or None."""
    lib = _library()
    if lib is None:
        return _("{library} not found").format(library=_LIBRARY)
    silence_alsa_errors()
    handle = ctypes.c_void_p()
    code = lib.snd_pcm_open(
        ctypes.byref(handle), b"default", _SND_PCM_STREAM_PLAYBACK, _SND_PCM_NONBLOCK
    )
    if code < 0:
        lib.snd_strerror.restype = ctypes.c_char_p
        message = lib.snd_strerror(code) or b"error"
        detail = message.decode(errors="replace")
        return _("no ALSA playback device: {detail}").format(detail=detail)
    lib.snd_pcm_close(handle)
    return None
