"""One exercise's progression rule as a ladder of doses: the steps up, back and aside.

A ``DoseState`` is where an exercise stands on its rule: the variation played, the
amount (reps, hold seconds, or the holds of a pyramid's first set), the sets and the
load. ``Ladder`` knows the one step up (``successor``), the one step back
(``step_back``: one set fewer, or holds 20 % shorter), the regression
(``easier``) and the deload of a state, and orders states (``rank``) so that tests
can say "never more than one step". Values in, values out.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from matwork.core.kinds import Side
from matwork.core.programme_model import Deload, Rule
from matwork.i18n import _, ngettext

STEP_BACK_SHARE = 0.8
"""A step back keeps 80 % of a hold (or of the reps when no set can go)."""


class RuleKind(enum.StrEnum):
    """What a rule progresses."""

    REPS = "reps"
    HOLD = "hold"
    PYRAMID = "pyramid"


@dataclass(frozen=True)
class DoseState:
    """Where an exercise stands on its rule."""

    variation: str
    """The catalog id played (the rule's exercise, or one of its variations)."""
    amount: float
    """Reps, hold seconds, or the holds in a pyramid's first set."""
    sets: int | None
    """Sets played; None: the routine's own sets (or a pyramid's full count)."""
    load: int = 0
    """Index into the rule's loads."""


@dataclass(frozen=True)
class Dose:
    """What one use of the exercise plays: the state made concrete."""

    variation: str
    kind: RuleKind
    reps: int | None = None
    seconds: float | None = None
    pyramid: tuple[int, ...] = ()
    """Holds per set of a pyramid, e.g. (5, 3, 1)."""
    sets: int | None = None
    """Sets per use; None keeps the routine's."""
    extra_sets: int = 0
    """Sets more on this side (``extra_sets`` of the rule)."""
    load: str | None = None

    @property
    def text(self) -> str:
        """The dose in words, e.g. "2 x 25 s" (with a multiplication sign), "10 reps, 6 kg"."""
        if self.kind is RuleKind.PYRAMID:
            text = "-".join(str(count) for count in self.pyramid) + f" × {self.seconds:g} s"
        elif self.kind is RuleKind.HOLD:
            text = f"{self.seconds:g} s"
        else:
            reps = self.reps or 0
            text = ngettext("{count} rep", "{count} reps", reps).format(count=self.reps)
        if self.sets is not None and self.kind is not RuleKind.PYRAMID:
            text = f"{self.sets + self.extra_sets} × {text}"
        elif self.extra_sets:
            more = ngettext("+{count} set", "+{count} sets", self.extra_sets)
            text += " " + more.format(count=self.extra_sets)
        if self.load:
            text += f", {self.load}"
        return text


def pyramid_sets(first: int, drop: int) -> tuple[int, ...]:
    """The holds of each set of a descending pyramid: 5 with drop 2 gives (5, 3, 1)."""
    return tuple(range(first, 0, -drop))


class Ladder:
    """One rule's doses in order, with the names to tell a change in words."""

    def __init__(
        self, key: str, rule: Rule, chain: tuple[str, ...], names: Mapping[str, str]
    ) -> None:
        self.key = key
        self.rule = rule
        self.chain = chain
        """Variations from easiest to hardest; ``key`` is among them."""
        self._names = names
        self.low: float
        self.high: float
        self.step: float
        if rule.pyramid is not None:
            self.kind = RuleKind.PYRAMID
            self.low, self.high, self.step = rule.pyramid.low, rule.pyramid.high, 1.0
        elif rule.hold is not None:
            self.kind = RuleKind.HOLD
            self.low, self.high, self.step = rule.hold.low, rule.hold.high, rule.hold.step
        elif rule.reps is not None:
            self.kind = RuleKind.REPS
            self.low, self.high = rule.reps.low, rule.reps.high
            self.step = float(rule.reps.step)
        else:
            raise ValueError(f"the rule for {key!r} has no reps, hold or pyramid")

    def name(self, exercise_id: str) -> str:
        """The display name of a variation."""
        return self._names.get(exercise_id, exercise_id)

    def initial(self) -> DoseState:
        """The first dose: the rule's exercise at the bottom of its range, all sets."""
        return DoseState(self.key, self.low, self.rule.sets, 0)

    # Sets ---------------------------------------------------------------------------

    def full_sets(self, state: DoseState) -> int | None:
        """The most sets this state can play; None when the routine decides."""
        if self.kind is RuleKind.PYRAMID:
            assert self.rule.pyramid is not None
            return len(pyramid_sets(int(state.amount), self.rule.pyramid.drop))
        return self.rule.sets

    def sets_played(self, state: DoseState) -> int | None:
        """The sets this state plays (None: the routine's own)."""
        full = self.full_sets(state)
        if full is None:
            return None
        return full if state.sets is None else min(state.sets, full)

    def _with_sets(self, state: DoseState, sets: int) -> DoseState:
        full = self.full_sets(state)
        if self.kind is RuleKind.PYRAMID and sets == full:
            return replace(state, sets=None)
        return replace(state, sets=sets)

    # Order and range ----------------------------------------------------------------

    def rank(self, state: DoseState) -> tuple[int, int, float, int]:
        """A key that orders states: variation, load, amount, sets (higher is harder)."""
        return (
            self.chain.index(state.variation),
            state.load,
            state.amount,
            self.sets_played(state) or 0,
        )

    def contains(self, state: DoseState) -> bool:
        """Whether the state lies within the rule's range."""
        played = self.sets_played(state)
        full = self.full_sets(state)
        sets_ok = played is None or (full is not None and 1 <= played <= full)
        loads = max(1, len(self.rule.loads))
        return (
            state.variation in self.chain
            and self.low <= state.amount <= self.high
            and 0 <= state.load < loads
            and sets_ok
        )

    # Steps --------------------------------------------------------------------------

    def _amount_words(self, before: float, after: float) -> str:
        if self.kind is RuleKind.PYRAMID:
            assert self.rule.pyramid is not None
            holds = "-".join(map(str, pyramid_sets(int(after), self.rule.pyramid.drop)))
            return _("one more hold a set ({holds})").format(holds=holds)
        change = after - before
        if self.kind is RuleKind.HOLD:
            return f"+{change:g} s"
        more = ngettext("+{count} rep", "+{count} reps", 1 if change == 1 else 2)
        return more.format(count=f"{change:g}")

    def successor(self, state: DoseState) -> tuple[DoseState, str] | None:
        """The next dose up and the change in words; None at the top of the rule."""
        played, full = self.sets_played(state), self.full_sets(state)
        if played is not None and full is not None and played < full:
            after = self._with_sets(state, played + 1)
            return after, _("one set back ({sets})").format(sets=self._sets_words(after))
        if state.amount < self.high:
            amount = min(self.high, state.amount + self.step)
            return replace(state, amount=amount), self._amount_words(state.amount, amount)
        index = self.chain.index(state.variation)
        if index + 1 < len(self.chain) and (
            self.rule.then == "harder" or index < self.chain.index(self.key)
        ):
            harder = self.chain[index + 1]
            after = DoseState(harder, self.low, self.rule.sets, state.load)
            return after, f"→ {self.name(harder)}"
        if self.rule.then == "load" and state.load + 1 < len(self.rule.loads):
            after = replace(state, load=state.load + 1, amount=self.low)
            return after, f"→ {self.rule.loads[state.load + 1]}"
        return None

    def _sets_words(self, state: DoseState) -> str:
        if self.kind is RuleKind.PYRAMID:
            return "-".join(map(str, self._pyramid(state)))
        played = self.sets_played(state)
        return ngettext("{count} set", "{count} sets", played or 0).format(count=played)

    def step_back(self, state: DoseState) -> tuple[DoseState, str] | None:
        """One step back (one set fewer, or holds 20 % shorter); None at the floor."""
        played = self.sets_played(state)
        if self.kind is RuleKind.HOLD and state.amount > self.low:
            amount = max(self.low, min(state.amount - 1, round(state.amount * STEP_BACK_SHARE)))
            words = _("holds 20 % shorter ({before} → {after} s)").format(
                before=f"{state.amount:g}", after=f"{amount:g}"
            )
            return replace(state, amount=amount), words
        if played is not None and played > 1:
            after = self._with_sets(state, played - 1)
            return after, _("one set fewer ({sets})").format(sets=self._sets_words(after))
        if state.amount > self.low:
            if self.kind is RuleKind.PYRAMID:
                return replace(state, amount=state.amount - 1), _("one hold fewer")
            cut = math.floor(state.amount * STEP_BACK_SHARE)
            amount = max(self.low, min(state.amount - 1, cut))
            words = _("20 % fewer reps ({before} → {after})").format(
                before=f"{state.amount:g}", after=f"{amount:g}"
            )
            return replace(state, amount=amount), words
        return None

    def easier(self, state: DoseState) -> tuple[DoseState, str] | None:
        """The regression: the easier variation at the same dose; None without one."""
        index = self.chain.index(state.variation)
        if index == 0:
            return None
        easier = self.chain[index - 1]
        return replace(state, variation=easier), f"→ {self.name(easier)}"

    def deloaded(self, state: DoseState, deload: Deload) -> DoseState:
        """The dose of a deload week: amounts scaled down, one set fewer where it can."""
        if self.kind is RuleKind.HOLD:
            amount = max(self.low, min(state.amount, round(state.amount * deload.volume)))
        else:
            amount = max(self.low, min(state.amount, math.floor(state.amount * deload.volume)))
        eased = replace(state, amount=amount)
        played = self.sets_played(eased)
        if deload.drop_set and played is not None and played > 1:
            eased = self._with_sets(eased, played - 1)
        return eased

    # Doses --------------------------------------------------------------------------

    def _pyramid(self, state: DoseState) -> tuple[int, ...]:
        assert self.rule.pyramid is not None
        holds = pyramid_sets(int(state.amount), self.rule.pyramid.drop)
        played = self.sets_played(state)
        return holds[:played] if played is not None else holds

    def dose(self, state: DoseState, side: Side | None = None) -> Dose:
        """The concrete dose of a state, with the rule's extra sets for ``side``."""
        extra = self.rule.extra_sets.get(side.value, 0) if side is not None else 0
        load = self.rule.loads[state.load] if self.rule.loads else None
        if self.kind is RuleKind.PYRAMID:
            assert self.rule.pyramid is not None
            return Dose(
                state.variation,
                self.kind,
                seconds=self.rule.pyramid.hold,
                pyramid=self._pyramid(state),
                extra_sets=extra,
                load=load,
            )
        sets = self.sets_played(state)
        if self.kind is RuleKind.HOLD:
            return Dose(
                state.variation,
                self.kind,
                seconds=state.amount,
                sets=sets,
                extra_sets=extra,
                load=load,
            )
        return Dose(
            state.variation,
            self.kind,
            reps=int(state.amount),
            sets=sets,
            extra_sets=extra,
            load=load,
        )
