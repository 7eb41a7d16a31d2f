"""The pure core of matwork: routines, timelines, the player, the log. No UI imports."""

from matwork.core.errors import Problem, RoutineError
from matwork.core.model import Routine
from matwork.core.routine import compile_timeline, load_routine, parse_routine
from matwork.core.timeline import Segment, Timeline

__all__ = [
    "Problem",
    "Routine",
    "RoutineError",
    "Segment",
    "Timeline",
    "compile_timeline",
    "load_routine",
    "parse_routine",
]
