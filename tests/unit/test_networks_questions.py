"""The PLN questions, on small networks worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.networks import (
    answer_questions,
    brokers_without_formal_role,
    build_network,
    pln_members_central,
    schools_linked_through_one_person,
)


def network(pairs: list[str], people: pd.DataFrame):
    frame = pd.DataFrame([p.split(">") for p in pairs], columns=["source", "target"])
    return build_network(frame, people)


SCHOOL = pd.DataFrame(
    {
        "id": ["Ann", "Bo", "Cy", "Di", "Ed", "Flo"],
        "school": ["North"] * 6,
        "role": ["head", "teacher", "teacher", "teacher", "teacher", "teacher"],
        "pln_member": ["no", "yes", "no", "no", "no", "yes"],
    }
)


def test_pln_member_at_the_centre_and_one_at_the_edge():
    # Bo is asked by four colleagues; Flo by nobody; Ann by two
    net = network(["Ann>Bo", "Cy>Bo", "Di>Bo", "Ed>Bo", "Bo>Ann", "Flo>Ann", "Cy>Di"], SCHOOL)
    answer = pln_members_central(net)
    details = answer.details.set_index("node")
    assert details.loc["Bo", ["sought_by", "colleagues", "rank", "school_size"]].tolist() == [
        4,
        5,
        1,
        6,
    ]
    assert bool(details.loc["Bo", "central"]) and not bool(details.loc["Flo", "central"])
    assert details.loc["Flo", "rank"] == 4  # three people are asked by at least one colleague
    assert answer.answer.startswith("1 of 2 PLN members is among the most sought-out")
    assert answer.points[1].startswith("Flo (North): 0 of 5 school colleagues come to them")
    assert "not yet at the centre" in answer.points[1]


def test_ties_from_other_schools_do_not_make_a_member_central():
    people = pd.concat(
        [
            SCHOOL,
            pd.DataFrame(
                {"id": ["X1", "X2"], "school": ["South"] * 2, "role": "teacher", "pln_member": "no"}
            ),
        ]
    )
    net = network(["X1>Flo", "X2>Flo", "Ann>Bo"], people)
    details = pln_members_central(net).details.set_index("node")
    assert details.loc["Flo", "sought_by"] == 0 and not bool(details.loc["Flo", "central"])


def test_schools_linked_only_through_one_person():
    people = pd.DataFrame(
        {"id": ["a1", "a2", "b1", "b2", "c1", "c2"], "school": ["A", "A", "B", "B", "C", "C"]}
    )
    # A-B: a1>b1, b2>a1 (both through a1); A-C: a1>c1, a2>c2 (two people each side);
    # B-C: none
    net = network(["a1>b1", "b2>a1", "a1>c1", "a2>c2", "a1>a2", "b1>b2", "c1>c2"], people)
    answer = schools_linked_through_one_person(net)
    details = answer.details.set_index(["school_a", "school_b"])
    assert details.loc[("A", "B")].tolist() == [2, 3, "a1"]
    assert details.loc[("A", "C")].tolist() == [2, 4, ""]
    assert ("B", "C") not in details.index
    assert answer.points[0] == "A and B are linked only through a1 (2 ties)."
    assert "All of B's ties with other schools go through" not in " ".join(answer.points)
    assert answer.answer.startswith("1 pair of schools is linked only through one person")
    assert "1 pair with no direct tie" in answer.answer


def test_a_school_that_hangs_on_one_member_and_a_school_with_no_links():
    people = pd.DataFrame(
        {"id": ["a1", "a2", "b1", "b2", "c1"], "school": ["A", "A", "B", "B", "C"]}
    )
    net = network(["a1>b1", "a1>b2", "b1>a1", "a2>a1"], people)
    points = schools_linked_through_one_person(net).points
    assert "All of A's ties with other schools go through a1." in points
    assert "C has no ties with other schools." in points


def test_a_single_tie_between_two_schools():
    people = pd.DataFrame({"id": ["a1", "b1"], "school": ["A", "B"]})
    answer = schools_linked_through_one_person(network(["a1>b1"], people))
    assert answer.points[0] == "A and B are linked only by a single tie (a1 and b1)."


def test_brokers_without_a_formal_role():
    people = pd.DataFrame(
        {
            "id": ["h1", "t1", "t2", "h2", "t3", "t4", "t5", "t6"],
            "school": ["A", "A", "A", "B", "B", "B", "B", "B"],
            "role": [
                "headteacher",
                "teacher",
                " Teacher ",
                "headteacher",
                "teacher",
                "",
                "SENCo",
                "teacher",
            ],
        }
    )
    # t1 bridges school A to school B; h2 sits between B colleagues
    ties = ["h1>t1", "t2>t1", "t1>t3", "t1>h2", "t3>h2", "t4>h2", "h2>t5", "t5>t6"]
    answer = brokers_without_formal_role(network(ties, people))
    details = answer.details.set_index("node")
    assert "t1" in details.index and not details.loc["t1", "formal_role"]
    assert "h2" in details.index and details.loc["h2", "formal_role"]
    assert details.loc["t1", "across_schools"] == 4  # h1>t1>t3, h1>t1>h2, t2>t1>t3, t2>t1>h2
    assert answer.points[0].startswith("t1 (A, teacher) brokers")
    informal = details.index[~details["formal_role"]].tolist()
    assert answer.answer == (
        f"Of the {len(details)} people who broker most, {len(informal)} "
        f"{'holds' if len(informal) == 1 else 'hold'} no formal role."
    )


def test_questions_say_when_the_data_cannot_answer():
    net = build_network(pd.DataFrame({"source": ["A", "B"], "target": ["B", "C"]}))
    answers = answer_questions(net)
    assert [a.answered for a in answers] == [False, False, False]
    assert "'school' and 'pln_member'" in answers[0].answer
    assert "'role'" in answers[2].answer
    assert answers[2].details["node"].tolist() == ["B"]  # the broker is still found


@pytest.mark.parametrize("share", [1 / 3, 0.5])
def test_top_share_widens_who_counts_as_central(share):
    ties = ["Ann>Bo", "Cy>Bo", "Di>Bo", "Ed>Ann", "Flo>Ann", "Ed>Cy", "Ann>Flo"]
    details = pln_members_central(network(ties, SCHOOL), top_share=share).details
    details = details.set_index("node")
    # asked by: Bo 3, Ann 2, Cy 1, Flo 1 -> ranks 1, 2, 3, 3 of six
    assert details.loc["Flo", "rank"] == 3 and bool(details.loc["Bo", "central"])
    assert bool(details.loc["Flo", "central"]) == (share == 0.5)


def test_membership_in_another_column_is_read_as_yes_or_no():
    people = SCHOOL.rename(columns={"pln_member": "in_network"})
    net = network(["Ann>Bo", "Cy>Bo", "Di>Bo", "Flo>Ann"], people)
    details = pln_members_central(net, member="in_network").details
    assert details["node"].tolist() == ["Bo", "Flo"]  # "no" is not a member
    bad = people.assign(in_network=["yes", "maybe", "no", "no", "no", "no"])
    with pytest.raises(DataError, match="yes or no"):
        pln_members_central(network(["Ann>Bo"], bad), member="in_network")
    with pytest.raises(DataError, match="top share"):
        pln_members_central(net, member="in_network", top_share=0)
