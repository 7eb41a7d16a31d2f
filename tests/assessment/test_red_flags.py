"""The red-flag check: no flag, one flag, an urgent flag; the data and its sources."""

from __future__ import annotations

import pytest

from matwork.core.red_flags import GroupId, Urgency, evaluate, load_red_flags

FLAGS = load_red_flags()
ALL_NO = {question.id: False for _, question in FLAGS.questions()}


def test_no_flag_clears_the_check_and_still_says_nothing_is_diagnosed() -> None:
    check = evaluate(ALL_NO, FLAGS)
    assert check.clear is True
    assert check.blocks_training is False
    assert check.open == []
    assert check.groups == []
    assert check.most_urgent is None
    assert check.lines == [FLAGS.clear_text, FLAGS.notice]
    assert "does not diagnose" in check.lines[-1]


def test_one_flag_blocks_training_and_says_whom_to_see() -> None:
    check = evaluate({**ALL_NO, "cancer-history": True}, FLAGS)
    assert check.clear is False
    assert check.blocks_training is True
    assert [flag.question for flag in check.open] == ["cancer-history"]
    assert check.most_urgent is not None
    assert check.most_urgent.id is GroupId.TUMOUR
    assert check.most_urgent.urgency is Urgency.SOON
    text = "\n".join(check.lines)
    assert "See your doctor in the next days" in text
    assert "Have you ever had cancer?" in text
    assert "Training stays paused" in text
    assert check.lines[-1] == FLAGS.notice


def test_an_urgent_flag_comes_first_and_says_get_care_now() -> None:
    check = evaluate({**ALL_NO, "cancer-history": True, "bladder-bowel": True}, FLAGS)
    assert [group.id for group in check.groups] == [GroupId.CAUDA_EQUINA, GroupId.TUMOUR]
    assert check.most_urgent is not None
    assert check.most_urgent.urgency is Urgency.NOW
    assert check.lines[0].startswith(check.most_urgent.name)
    assert "Get medical care now" in check.lines[0]
    assert "does not diagnose" in check.lines[-1]


def test_progressive_weakness_counts_as_urgent() -> None:
    check = evaluate({"progressive-weakness": True}, FLAGS)
    assert check.most_urgent is not None
    assert check.most_urgent.urgency is Urgency.NOW


def test_unanswered_questions_do_not_clear_the_check() -> None:
    check = evaluate({"fever": False}, FLAGS)
    assert check.clear is False
    assert check.blocks_training is False
    assert len(check.unanswered) == len(ALL_NO) - 1
    assert "not answered yet" in check.lines[0]


def test_an_unknown_question_is_an_error() -> None:
    with pytest.raises(ValueError, match="fevr"):
        evaluate({"fevr": True}, FLAGS)


def test_the_groups_cover_the_guideline_and_each_says_whom_and_how_soon() -> None:
    assert {group.id for group in FLAGS.group} == set(GroupId)
    urgency = {group.id: group.urgency for group in FLAGS.group}
    assert urgency[GroupId.CAUDA_EQUINA] is Urgency.NOW
    cauda = next(group for group in FLAGS.group if group.id is GroupId.CAUDA_EQUINA)
    assert {question.id for question in cauda.question} == {
        "saddle-numbness",
        "bladder-bowel",
        "progressive-weakness",
    }
    for group in FLAGS.group:
        assert all((group.whom, group.why, group.question)), group.id


def test_every_question_quotes_the_guideline_line_it_comes_from() -> None:
    for _, question in FLAGS.questions():
        assert question.source.startswith("NVL Kreuzschmerz, red flags"), question.id
        assert "'" in question.source, question.id
        assert question.text.endswith("?"), question.id
    assert "nvl-007" in FLAGS.guideline.register
    assert "2017" in FLAGS.guideline.edition
    assert "does not diagnose" in FLAGS.notice
