"""A private mount namespace for tests: a small tmpfs, a read-only bind mount.

``MountNamespace`` starts ``unshare --mount --propagation private sleep``, a process
that holds a mount namespace of its own, and runs commands inside it with ``nsenter``.
Mounts made there are seen by those commands only, never by the machine, and vanish
when the holder is killed (``close``), however the test ends. Where namespaces or
mounting are not allowed (no root, a container without CAP_SYS_ADMIN), ``start``
skips the test and says why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType

import pytest


class MountNamespace:
    """Commands run in a mount namespace of their own (see the module docstring)."""

    def __init__(self) -> None:
        self._holder: subprocess.Popen[bytes] | None = None

    def start(self) -> MountNamespace:
        """Start the holder; skip the test when this machine cannot."""
        for tool in ("unshare", "nsenter", "mount"):
            if shutil.which(tool) is None:
                pytest.skip(f"{tool} is not installed: cannot make a private mount")
        ours = os.readlink("/proc/self/ns/mnt")
        self._holder = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sleep", "600"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._holder.poll() is not None:
                reason = self._holder.stderr.read().decode() if self._holder.stderr else ""
                pytest.skip(f"cannot make a mount namespace here: {reason.strip()}")
            try:
                if os.readlink(f"/proc/{self._holder.pid}/ns/mnt") != ours:
                    return self
            except OSError:
                pass
            time.sleep(0.01)
        self.close()
        pytest.skip("the mount namespace did not come up")

    def run(
        self, *command: str | Path, env: dict[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        """Run ``command`` inside the namespace; its output as text."""
        assert self._holder is not None, "start() first"
        return subprocess.run(
            ["nsenter", "-t", str(self._holder.pid), "-m", *map(str, command)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            check=False,
        )

    def mount(self, *arguments: str | Path) -> None:
        """``mount ARGUMENTS`` inside the namespace; skip the test when it is refused."""
        done = self.run("mount", *arguments)
        if done.returncode != 0:
            pytest.skip(f"mount {' '.join(map(str, arguments))} refused: {done.stderr.strip()}")

    def tmpfs(self, folder: Path, size: str) -> None:
        """A tmpfs of ``size`` (e.g. "1m") on ``folder``, made 0700."""
        folder.mkdir(parents=True, exist_ok=True)
        self.mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", folder)

    def read_only_bind(self, source: Path, target: Path) -> None:
        """``source`` seen read-only at ``target``."""
        target.mkdir(parents=True, exist_ok=True)
        self.mount("--bind", source, target)
        self.mount("-o", "remount,ro,bind", target)

    def close(self) -> None:
        """End the holder: its mounts go with it."""
        if self._holder is not None and self._holder.poll() is None:
            self._holder.kill()
            self._holder.wait()
        self._holder = None

    def __enter__(self) -> MountNamespace:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
