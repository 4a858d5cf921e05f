"""Column rules and scale wordings: ids, item texts, personal data in six languages."""

from __future__ import annotations

import pytest

from plnlib.checklists.columns import (
    identifying_kind,
    looks_like_email,
    match_text,
    normalise_item_id,
    plan_columns,
    shown_value,
)
from plnlib.checklists.scales import parse_scales
from plnlib.errors import ContentError, DataError
from plnlib.io.content import load_checklist, load_scales
from plnlib.web.tools import reading_data, tool_data

DESIGN = load_checklist("pln-design")
TEXTS = {i.id: i.text for i in DESIGN.items}


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Timestamp", "time"),
        ("Marca temporal", "time"),
        ("Horodateur", "time"),
        ("Zeitstempel", "time"),
        ("Tijdstempel", "time"),
        ("Carimbo de data/hora", "time"),
        ("Hora de finalización", "time"),
        ("Completion time", "time"),
        ("Email address", "e-mail"),
        ("Dirección de correo electrónico", "e-mail"),
        ("Adresse e-mail", "e-mail"),
        ("E-Mail-Adresse", "e-mail"),
        ("E-mailadres", "e-mail"),
        ("Endereço de e-mail", "e-mail"),
        ("Your e-mail (optional)", "e-mail"),
        ("Your name", "name"),
        ("Nombre", "name"),
        ("Prénom", "name"),
        ("Nachname", "name"),
        ("Voornaam", "name"),
        ("Nome completo", "name"),
        ("Student number", "identifier"),
        ("Matrícula", "identifier"),
        ("RUT", "identifier"),
        ("School", None),
        ("Nombre del centro", None),
        ("Role", None),
        ("How often do you e-mail colleagues in other schools about your lessons?", None),
    ],
)
def test_personal_data_headers_in_six_languages(header, kind):
    assert identifying_kind(header) == kind


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("[DES-01] Text", "DES-01"),
        ("[DES-1] Text", "DES-01"),
        ("[DES 03]", "DES-03"),
        ("DES_03 Text", "DES-03"),
        ("des-04. Text", "DES-04"),
        ("DES05 Text", "DES-05"),
        ("Text [DES-06]", "DES-06"),
        ("[ des-007 ]", "DES-07"),
        ("[RDY-01] another checklist", "RDY-01"),
        ("RDY-01 without brackets, another checklist", None),
        ("Age 12", None),
        ("Designer 2", None),
        ("Timestamp", None),
    ],
)
def test_item_ids_tolerate_the_usual_edits(header, expected):
    assert normalise_item_id(header, ["DES"]) == expected


def test_an_item_text_matches_exactly_or_clearly_never_between_two():
    first = DESIGN.items[0]
    assert match_text(first.text.upper().replace(" ", "  "), TEXTS) == (first.id, [])
    assert match_text(first.text.replace("network", "netwórk"), TEXTS)[0] == first.id
    words = first.text.split()
    edited = " ".join(words[:-1])  # the last word dropped: still clearly this item
    assert match_text(edited, TEXTS)[0] == first.id
    twins = {
        "A-01": "Members share one goal for pupils.",
        "A-02": "Members share one goal for staff.",
    }
    assert match_text("Members share one goal for", twins) == (None, ["A-01", "A-02"])
    assert match_text("School", TEXTS) == (None, [])


def test_a_column_plan_drops_personal_data_and_reports_what_matches_nothing():
    headers = ["Horodateur", "Contact", "ID", "Site", "[DES-99] New question", "Anything else?"]
    asked = list(TEXTS)[:-1]  # every item but the last has a column
    headers += [f"[{i}] x" for i in asked]
    values = [
        ["t"],
        ["a@b.example"],
        ["1"],
        ["North"],
        ["2"],
        ["Emerging"],
        *([["3"]] * len(asked)),
    ]
    plan = plan_columns(headers, values, TEXTS, lambda v: v == "Emerging")
    assert plan.dropped == [(0, "time"), (1, "e-mail")]
    assert plan.respondent == 2 and plan.groups == [3]
    assert plan.unmatched == [4, 5]
    assert plan.missing == [list(TEXTS)[-1]]


def test_emails_are_never_shown():
    assert looks_like_email("x.y+z@school.example.org")
    assert not looks_like_email("write to x@y.example")  # a whole cell only
    assert shown_value("write to x@y.example") == "an e-mail address (not shown)"
    assert shown_value("Sometimes") == "'Sometimes'"


def test_every_scale_has_spanish_for_every_answer():
    for scale in load_scales().values():
        labels = scale.labels_in("es")
        assert set(labels) == {str(p.value) for p in scale.points} | {c for c, _ in scale.missing}
        for key, label in labels.items():
            parsed = scale.parse(label)
            assert parsed == (key if key in ("dont_know", "not_applicable") else float(key))


def _spec(**extra):
    point = {"value": 1, "label": "No", "labels": {"es": "No"}}
    other = {"value": 2, "label": "Yes", "labels": {"es": "Sí"}}
    return {"yn": {"title": "Yes?", "points": [point | extra, other]}}


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (_spec(also=["Yes"]), "expected each wording to mean one answer, found 'Yes' for 1"),
        (_spec(labels={"fr": "Non"}), "expected every answer to have labels in the same languages"),
        (
            _spec(labels={"es": " "}),
            "expected a label in 'es' for the answer 1, found an empty one",
        ),
        (_spec(also="Nope"), "expected 'labels' as {language: label} and 'also' as a list"),
        (_spec(also=["SÍ"]), "found 'SÍ' for 1 and 'Sí' for 2"),
    ],
)
def test_bad_scale_wordings_are_refused(spec, message):
    with pytest.raises(ContentError, match=message.replace("{", r"\{").replace("}", r"\}")):
        parse_scales(spec)


def test_a_user_label_cannot_change_what_a_wording_means():
    scale = load_scales()["agree5"]
    dutch = scale.with_labels([("Helemaal eens", "5"), ("eens", "4")])
    assert dutch.parse("HELEMAAL EENS") == 5.0 and scale.accepted.get("helemaal eens") is None
    with pytest.raises(DataError, match="already means 4"):
        scale.with_labels([("De acuerdo", "1")])


def test_the_page_gets_the_same_rules_from_one_place():
    data = tool_data()
    assert data["format"]["id_patterns"] == reading_data()["id_patterns"]
    assert (
        "direccion de correo electronico"
        in data["format"]["identifying_headers"]["e-mail"]["exact"]
    )
    accept = data["scales"]["agree5"]["accept"]
    assert accept["totalmente de acuerdo"] == "5" and accept["no se"] == "dont_know"
