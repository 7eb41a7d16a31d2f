#!/usr/bin/env bash
# matwork quick start.
#
#   ./run.sh [ARGS...]      set everything up, then run `matwork ARGS...`
#   ./run.sh test [ARGS...] set everything up, then run ruff, mypy, lint-imports
#                           and `pytest ARGS...`; exits non-zero if any of them fails
#   ./run.sh i18n [check]   extract the messages, update every .po and compile them
#                           (`check`: fail if a catalog is stale, untranslated or fuzzy)
#   ./run.sh bench [ARGS...] set everything up, then run every benchmark in bench/
#                           (`bench/all.py ARGS...`, e.g. --quick); one table of every
#                           goal; exits non-zero if a goal is missed
#
# Set-up is idempotent: the second run only checks a stamp and prints one line.
# Works on a fresh Debian 12 with python3 (>= 3.11), pip, gcc and apt-get as root.
# Never prompts (safe with CI=true and no stdin).
set -euo pipefail

SELF="$(readlink -f "${BASH_SOURCE[0]}")"
cd "$(dirname "$SELF")"
ROOT="$PWD"
VENV="$ROOT/.venv"
STAMP="$VENV/.matwork-stamp"
PIPLOG="$VENV/.matwork-pip.log"
# dbus-daemon runs the D-Bus notification tests; python-dbusmock's dbus-python builds
# against libdbus-1-dev and libglib2.0-dev through pkg-config.
SYSTEM_PACKAGES=(libasound2-dev espeak-ng tmux sox alsa-utils dbus-daemon libdbus-1-dev libglib2.0-dev pkg-config)
PYTHON="${PYTHON:-python3}"

say() { printf 'run.sh: %s\n' "$*" >&2; }
warn() { printf 'run.sh: WARNING: %s\n' "$*" >&2; }
die() { printf 'run.sh: ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- 1. system packages
missing_system_packages() {
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$pkg"
        fi
    done
}

ensure_system_packages() {
    local wanted=("${SYSTEM_PACKAGES[@]}")
    # Debian's python3 needs python3-venv for `python3 -m venv` (ensurepip).
    if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        wanted+=(python3-venv)
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        # Not Debian-like: only report what we would have wanted.
        if ! command -v tmux >/dev/null 2>&1 || ! command -v espeak-ng >/dev/null 2>&1; then
            warn "not a Debian system; please install the equivalents of: ${wanted[*]}"
            warn "(sound/voice and end-to-end tests will skip or fall back without them)"
        fi
        return 0
    fi
    local missing
    mapfile -t missing < <(missing_system_packages "${wanted[@]}")
    [[ ${#missing[@]} -eq 0 ]] && return 0

    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
            sudo=(sudo -n)
        else
            sudo=(none)
        fi
    fi
    local install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    if [[ ${sudo[*]-} == none ]] || ! command -v apt-get >/dev/null 2>&1; then
        warn "missing system packages: ${missing[*]}"
        warn "install them as root with:  sudo sh -c '$install_cmd'"
        warn "continuing; sound/voice and end-to-end tests will skip or fall back"
        return 0
    fi
    say "installing system packages: ${missing[*]}"
    if "${sudo[@]}" apt-get update -qq </dev/null >&2 \
        && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >&2; then
        return 0
    fi
    warn "apt-get failed; still missing: $(missing_system_packages "${missing[@]}" | tr '\n' ' ')"
    warn "continuing; sound/voice and end-to-end tests will skip or fall back"
}

# ---------------------------------------------------------------- 2. virtualenv
venv_works() {
    [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c 'import sys; assert sys.version_info >= (3, 11)' >/dev/null 2>&1
}

stamp_value() {
    # pyproject + interpreter version + whether ALSA headers exist (so a failed
    # `audio` extra is retried once the headers get installed).
    {
        cat pyproject.toml
        "$VENV/bin/python" -VV
        [[ -e /usr/include/alsa/asoundlib.h ]] && echo "alsa-headers"
    } | sha256sum | cut -d' ' -f1
}

create_venv() {
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
        || die "$PYTHON is missing or older than 3.11 (set PYTHON=/path/to/python3.11)"
    if [[ -e "$VENV" ]]; then
        say "existing .venv is unusable; recreating it"
        rm -rf "$VENV"
    fi
    say "creating virtualenv in .venv"
    mkdir -p "$VENV"
    : >"$PIPLOG"
    if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
        # e.g. Debian without python3-venv: build the venv without pip, then let
        # the system pip install pip into it.
        rm -rf "$VENV"
        if ! { "$PYTHON" -m venv --without-pip "$VENV" \
            && "$PYTHON" -m pip --python "$VENV/bin/python" install -q pip </dev/null; }; then
            die "could not create .venv; install python3-venv (apt-get install python3-venv) and retry"
        fi
    fi
    if ! "$VENV/bin/python" -m pip install -q --upgrade pip </dev/null >>"$PIPLOG" 2>&1; then
        warn "could not upgrade pip; continuing with the bundled one (see $PIPLOG)"
    fi
}

pip_install() {
    "$VENV/bin/python" -m pip install -q --progress-bar off -e "$1" </dev/null >>"$PIPLOG" 2>&1
}

ensure_venv() {
    venv_works || create_venv
    local want
    want="$(stamp_value)"
    if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" && -x "$VENV/bin/matwork" ]]; then
        say "environment up to date"
        return 0
    fi
    rm -f "$STAMP"
    say "installing matwork and its dependencies into .venv (first run takes a minute)"
    if ! pip_install ".[audio,test]"; then
        # Retry without the compiled `audio` extra (simpleaudio needs gcc + ALSA headers).
        if ! pip_install ".[test]"; then
            tail -n 40 "$PIPLOG" >&2
            die "pip install -e '.[test]' failed (full log: $PIPLOG)"
        fi
        warn "installing the 'audio' extra failed (no C compiler or ALSA headers?);"
        warn "sound will use an external player (aplay/paplay/play) or the terminal bell."
        warn "details: $PIPLOG"
    fi
    echo "$want" >"$STAMP"
    say "environment ready"
}

# ---------------------------------------------------------------- main
mode="app"
if [[ ${1-} == test || ${1-} == i18n || ${1-} == bench ]]; then
    mode="$1"
    shift
fi

# Serialise concurrent set-ups (two terminals, parallel CI jobs) on this script.
exec 9<"$SELF"
if command -v flock >/dev/null 2>&1; then
    flock 9
fi
ensure_system_packages
ensure_venv
exec 9<&-

export VIRTUAL_ENV="$VENV"
export PATH="$VENV/bin:$PATH"

# The gettext catalogs: .po files are committed, the .mo files are built from them here
# (and by the wheel's build hook), only where a .po is newer than its .mo.
if [[ $mode == i18n ]]; then
    exec "$VENV/bin/python" tools/i18n.py "${@:-all}"
fi
"$VENV/bin/python" tools/i18n.py compile || die "could not compile the translations (tools/i18n.py)"

if [[ $mode == app ]]; then
    exec matwork "$@"
fi
if [[ $mode == bench ]]; then
    if ! command -v termdown >/dev/null 2>&1; then
        say "installing termdown into the venv (the player bench's baseline)"
        "$VENV/bin/python" -m pip install -q termdown </dev/null >>"$PIPLOG" 2>&1 ||
            warn "could not install termdown; the player bench will say so"
    fi
    exec "$VENV/bin/python" "$ROOT/bench/all.py" "$@"
fi

# ---------------------------------------------------------------- 3. test suite
failed=()
step() {
    local name=$1
    shift
    printf '\n==> %s\n' "$name"
    if "$@"; then
        return 0
    else
        local rc=$?
        printf '==> %s FAILED (exit %d)\n' "$name" "$rc"
        failed+=("$name")
    fi
}

step "ruff check" ruff check .
step "mypy" mypy
step "import-linter" lint-imports
step "pytest" pytest "$@"

echo
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "FAILED: ${failed[*]}"
    exit 1
fi
echo "all checks passed"
