"""Google Forms grid network surveys: files written by hand the way Google Forms and Sheets write them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.io.networks import detect_format, load_network, read_ties
from plnlib.io.networks_grid import grid_questions, relation_names
from plnlib.io.tables import read_table

ADVICE = "Who do you go to for advice about teaching?"
IDEAS = "Who do you share ideas with?"
PEOPLE = ["Ana Pérez", "Ben Okafor", "Chloé Martin", "Dev Shah", "Eva Novak"]


def header(*questions: str, people=PEOPLE, lead=("Timestamp", "Email address", "Your name")):
    cols = [*lead, "Which school do you work in?"]
    cols += [f"{q} [{p}]" for q in questions for p in people]
    return ",".join(f'"{c}"' for c in cols)


def line(*cells: str) -> str:
    return ",".join(f'"{c}"' for c in cells)


#: A Google Forms CSV download: every cell quoted, timestamps with "GMT", no BOM.
GOOGLE = "\n".join(
    [
        header(ADVICE, IDEAS),
        line("2024/03/05 10:15:32 AM GMT", "ana.perez@alder.sch.uk", "Ana Pérez", "Alder Primary",
             "", "Weekly", "Monthly", "Never", "", "", "Weekly", "", "", ""),
        line("2024/03/05 11:02:10 AM GMT", "b.okafor@alder.sch.uk", "Ben Okafor", "Alder Primary",
             "Weekly", "", "Weekly", "", "Monthly", "Weekly", "", "Monthly", "", ""),
        line("2024/03/06 9:41:55 AM GMT", "chloe.m@birch.sch.uk", "chloé  martin ", "Birch Academy",
             "Monthly", "Daily", "Weekly", "", "", "", "Weekly", "", "", "Monthly"),
        line("2024/03/06 3:20:01 PM GMT", "dev.shah@birch.sch.uk", "Dev Shah", "Birch Academy",
             "", "", "Weekly", "", "Never", "", "", "Monthly", "", ""),
    ]
) + "\n"  # fmt: skip


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def ties_of(net, relation):
    edges = net.edges[net.edges["relation"] == relation]
    return {
        (s, t): w for s, t, w in zip(edges["source"], edges["target"], edges["weight"], strict=True)
    }


def test_two_grid_questions_become_two_relations_with_schools(tmp_path):
    path = write(tmp_path / "Advice survey (Responses).csv", GOOGLE)
    notes: list[str] = []
    net = load_network(path, format="roster", notes=notes)
    assert net.relations == ("advice", "ideas")
    advice = ties_of(net, "advice")
    assert (
        advice[("Ana Pérez", "Ben Okafor")] == 3.0 and advice[("Ana Pérez", "Chloé Martin")] == 2.0
    )
    assert ("Ana Pérez", "Dev Shah") not in advice  # "Never" is no tie
    assert ("Ana Pérez", "Eva Novak") not in advice  # a blank cell is no tie
    assert advice[("Chloé Martin", "Ben Okafor")] == 4.0  # respondent spelt "chloé  martin "
    assert ("Chloé Martin", "Chloé Martin") not in advice  # her answer about herself
    assert [i.kind for i in net.report.issues if i.kind == "self-tie"] == ["self-tie"]
    assert ties_of(net, "ideas")[("Chloé Martin", "Eva Novak")] == 2.0
    schools = dict(zip(net.nodes["node"], net.nodes["school"], strict=True))
    assert schools["Ana Pérez"] == "Alder Primary" and schools["Dev Shah"] == "Birch Academy"
    assert pd.isna(schools["Eva Novak"])  # in the grid but did not answer: kept, no school
    assert "email" not in {c.casefold().replace(" ", "") for c in net.nodes.columns}
    assert any("1 colleague in the grid did not answer" in n for n in notes)
    assert not any("@" in n for n in notes)
    assert detect_format(read_table(path)) == "roster-grid"
    assert len(load_network(path).edges) == len(net.edges)  # auto finds the grid too


def test_pseudonymised_network_shows_codes_for_respondents_and_alters(tmp_path):
    net = load_network(write(tmp_path / "g.csv", GOOGLE)).pseudonymise()
    assert set(net.node_ids) == {f"P00{i}" for i in range(1, 6)}
    text = net.nodes.to_csv() + net.edges.to_csv()
    assert not any(name.split()[1] in text for name in PEOPLE) and "@" not in text


def test_european_excel_resave_semicolons_bom_and_cp1252(tmp_path):
    text = GOOGLE.replace('","', '";"')
    for encoding in ("utf-8-sig", "cp1252"):
        net = load_network(write(tmp_path / f"g-{encoding}.csv", text, encoding), format="roster")
        assert ("Ana Pérez", "Ben Okafor") in ties_of(net, "advice")


def test_google_sheets_xlsx_download(tmp_path):
    frame = read_table(write(tmp_path / "g.csv", GOOGLE))
    path = tmp_path / "Advice survey (Responses).xlsx"
    frame.to_excel(path, index=False, sheet_name="Form responses 1")
    net = load_network(path, format="roster")
    assert ties_of(net, "advice") == ties_of(load_network(tmp_path / "g.csv"), "advice")


def test_one_question_in_spanish_takes_the_relation_given(tmp_path):
    q = "¿A quién acudes para pedir consejo?"
    text = "\n".join(
        [
            header(q, people=["Ana", "Ben", "Cris"], lead=("Marca temporal", "Nombre")),
            line("5/3/2024 10:15:32", "Ana", "Escuela Norte", "", "Semanalmente", "Nunca"),
            line("5/3/2024 11:00:01", "Ben", "Escuela Norte", "Todos los días", "", "Mensual"),
        ]
    )
    net = load_network(write(tmp_path / "es.csv", text), format="roster", relation="consejo")
    assert ties_of(net, "consejo") == {
        ("Ana", "Ben"): 3.0,
        ("Ben", "Ana"): 4.0,
        ("Ben", "Cris"): 2.0,
    }
    assert set(net.nodes["school"].dropna()) == {"Escuela Norte"}


def test_checkbox_grid_gives_one_relation_per_box_ticked(tmp_path):
    q = "How do you work with each colleague?"
    text = "\n".join(
        [
            header(q, people=["Ana", "Ben", "Cy"]),
            line(
                "2024/03/05 10:15:32 AM GMT", "ana@x.org", "Ana", "North", "", "Advice, Ideas", ""
            ),
            line("2024/03/05 10:20:00 AM GMT", "ben@x.org", "Ben", "North", "Ideas", "", "Advice"),
            line("2024/03/05 10:25:00 AM GMT", "cy@x.org", "Cy", "South", "", "", ""),
        ]
    )
    net = load_network(write(tmp_path / "cb.csv", text), format="roster")
    assert ties_of(net, "Advice") == {("Ana", "Ben"): 1.0, ("Ben", "Cy"): 1.0}
    assert ties_of(net, "Ideas") == {("Ana", "Ben"): 1.0, ("Ben", "Ana"): 1.0}


def test_unknown_words_are_named_once_each_with_every_row(tmp_path):
    rows = [header(ADVICE, people=["Ana", "Ben", "Cy"])]
    rows += [
        line("t", "ana@x.org", "Ana", "North", "", "Sometimes", "Weekly"),
        line("t", "ben@x.org", "Ben", "North", "Often", "", "Sometimes"),
        line("t", "cy@x.org", "Cy", "South", "Sometimes", "Monthly", ""),
    ]
    with pytest.raises(DataError) as err:
        load_network(write(tmp_path / "bad.csv", "\n".join(rows)), format="roster")
    message = str(err.value)
    assert message.count("'Sometimes'") == 1 and "'Sometimes' (rows 2, 3, 4)" in message
    assert "'Often' (row 3)" in message and "2 words" in message
    assert "--grid-cells checkbox" in message and "@" not in message


def test_no_respondent_column_or_a_wrong_one_is_refused(tmp_path):
    text = "\n".join(
        [
            '"Timestamp","Advice? [Ana]","Advice? [Ben]"',
            line("2024/03/05 10:15:32 AM GMT", "Weekly", ""),
        ]
    )
    path = write(tmp_path / "anon.csv", text)
    with pytest.raises(DataError, match="naming each respondent") as err:
        load_network(path, format="roster")
    assert "--respondent" in err.value.fix
    with pytest.raises(DataError, match="'Full name'"):
        load_network(write(tmp_path / "g.csv", GOOGLE), format="roster", respondent="Full name")


def test_respondent_by_email_never_echoes_an_address(tmp_path):
    text = "\n".join(
        [
            header(ADVICE, people=["ana@x.org", "ben@x.org"], lead=("Timestamp", "Email address")),
            line("t1", "ana@x.org", "North", "", "Weekly"),
            line("t2", "ben@x.org", "North", "Monthly", ""),
            line("t3", "ANA@x.org", "North", "", "Daily"),
        ]
    )
    with pytest.raises(DataError) as err:
        load_network(write(tmp_path / "twice.csv", text), format="roster")
    assert "answered more than once" in str(err.value) and "rows 2, 4" in str(err.value)
    assert "@" not in str(err.value)
    people = write(tmp_path / "people.csv", "id,school\nana@x.org,North\n")
    once = write(tmp_path / "once.csv", "\n".join(text.splitlines()[:3]))
    with pytest.raises(DataError) as err:
        load_network(once, people, format="roster", unknown="error")
    assert "an e-mail address" in str(err.value) and "@" not in str(err.value)


def test_school_column_given_by_name(tmp_path):
    text = GOOGLE.replace("Which school do you work in?", "Site")
    net = load_network(write(tmp_path / "g.csv", text), format="roster", school="site")
    assert set(net.nodes["school"].dropna()) == {"Alder Primary", "Birch Academy"}
    with pytest.raises(DataError, match="'Campus'"):
        read_ties(tmp_path / "g.csv", format="roster", school="Campus")


def test_question_names_and_grid_columns():
    frame = pd.DataFrame(columns=["Your name", "Advice? [Ana]", "Advice? [Ben]", "Comments [x]"])
    assert list(grid_questions(frame)) == ["Advice?"]  # one bracketed column is no grid
    assert relation_names([ADVICE, "Who gives you advice about pupils?"]) == {
        ADVICE: "Who do you go to for advice about teaching",
        "Who gives you advice about pupils?": "Who gives you advice about pupils",
    }


def test_an_unknown_word_on_many_rows_names_every_row(tmp_path):
    rows = [header(ADVICE, people=["Ana", "Ben"])]
    rows += [line("t", f"p{i}@x.org", f"Person {i}", "North", "A veces", "") for i in range(14)]
    with pytest.raises(DataError) as err:
        load_network(write(tmp_path / "many.csv", "\n".join(rows)), format="roster")
    assert "'A veces' (rows " + ", ".join(str(r) for r in range(2, 16)) + ")" in str(err.value)
