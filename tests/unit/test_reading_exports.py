"""Real exports read without silent loss: edited ids, other languages, personal data, sheets.

The files are made the way Google Forms (CSV, UTF-8), Microsoft Forms (XLSX) and a
European Excel (semicolon CSV in Windows-1252, decimal commas, a second sheet) write
them, by hand and from plnlib's own form plan. All data is synthetic.
"""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest

from plnlib.checklists.form_builders import form_plan
from plnlib.cli import main
from plnlib.io.content import load_checklist

DESIGN = load_checklist("pln-design")  # maturity4
KMB = load_checklist("knowledge-mobilisation")
AGR = load_checklist("readiness")  # agree5
ES = DESIGN.scale.labels_in("es")
PLANTED = "ana.perez@escuela.example"


def _titles(checklist, language="en"):
    return [q.title for q in form_plan(checklist, language=language) if q.kind == "choice"][1:]


def _google_rows(checklist, n=6, answer=lambda k, j: ES[str(1 + (k + j) % 4)]):
    rows = []
    for k in range(n):
        row = [f"2026/03/0{k + 1} 10:0{k}:00 a. m. GMT-3", f"persona{k}@escuela.example", "Norte"]
        row += [answer(k, j) for j in range(len(checklist.items))]
        rows.append(row)
    return rows


def _write_csv(path, header, rows, *, encoding="utf-8", sep=","):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def _score(tmp_path, capsys, *args):
    out = tmp_path / "out.csv"
    status = main(["score", *[str(a) for a in args], "-o", str(out)])
    got = capsys.readouterr()
    return status, got.out, got.err, out


def _no_personal_data(*texts):
    for text in texts:
        assert "@" not in text, text
        assert "persona0" not in text and "Ana Pérez" not in text, text


def test_a_spanish_google_forms_export_is_scored(tmp_path, capsys):
    # as Google Forms writes it for a Spanish account, from the Spanish form plnlib makes
    header = [
        "Marca temporal",
        "Dirección de correo electrónico",
        "Escuela",
        *_titles(DESIGN, "es"),
    ]
    path = tmp_path / "Respuestas.csv"
    _write_csv(path, header, _google_rows(DESIGN))
    status, out, err, result = _score(tmp_path, capsys, "pln-design", path)
    assert status == 0, err
    assert "left out personal data (never read or shown): 'Marca temporal', " in out
    assert "'Dirección de correo electrónico'" in out
    rows = list(csv.DictReader(result.open(encoding="utf-8-sig")))
    assert len(rows) == len(DESIGN.sections) and all(r["n"] == "6" for r in rows)
    _no_personal_data(out, err)


@pytest.mark.parametrize(
    "answer",
    [
        "De acuerdo",
        "de ACUERDO",
        "De  acuerdo ",
        "DE ACUERDO",
        "4 = De acuerdo",
        "Bastante de acuerdo",
    ],
)
def test_spanish_agreement_labels_are_read_whatever_the_case(answer):
    assert AGR.scale.name == "agree5"
    assert AGR.scale.parse(answer) == 4.0


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Totalmente en desacuerdo", 1.0),
        ("En desacuerdo", 2.0),
        ("Ni de acuerdo ni en desacuerdo", 3.0),
        ("Totalmente de acuerdo", 5.0),
        ("No sé", "dont_know"),
        ("no se", "dont_know"),
        ("NO APLICA", "not_applicable"),
    ],
)
def test_every_spanish_label_and_missing_code(answer, expected):
    assert AGR.scale.parse(answer) == expected


def test_edited_ids_and_a_deleted_id_are_matched(tmp_path, capsys):
    text = {i.id: i.text for i in DESIGN.items}
    first = [f"DES-0{k}" for k in range(1, 8)]  # edited by hand; the rest as plnlib made them
    header = ["Timestamp", "Email address", "School"]
    header += [
        f"[DES-1] {text['DES-01']}",
        f"[DES 02] {text['DES-02']}",
        f"DES_03 {text['DES-03']}",
    ]
    header += [f"des-04. {text['DES-04']}", f"DES05 {text['DES-05']}", f"{text['DES-06']} [DES-06]"]
    header += [text["DES-07"].upper().rstrip(".")]
    header += [f"[{i.id}] {i.text}" for i in DESIGN.items if i.id not in first]
    path = tmp_path / "edited.csv"
    rows = [
        [f"2026/03/0{k + 1} 10:00:00", f"p{k}@school.example", "North", *(["3"] * len(text))]
        for k in range(5)
    ]
    _write_csv(path, header, rows)
    status, out, err, result = _score(tmp_path, capsys, "pln-design", path)
    assert status == 0, err
    assert f"the column '{header[9]}' has no item id: read as DES-07 from its text" in out
    rows = list(csv.DictReader(result.open(encoding="utf-8-sig")))
    assert rows[0]["mean"] == "3.0" and rows[0]["n"] == "5"


def test_items_with_no_column_stop_the_score_naming_them(tmp_path, capsys):
    header = ["Timestamp", "School", *(f"[{i.id}] {i.text}" for i in DESIGN.items)]
    text = {i.id: i.text for i in DESIGN.items}
    header[header.index(f"[DES-03] {text['DES-03']}")] = "A question somebody rewrote completely"
    header.remove(f"[DES-10] {text['DES-10']}")  # DES-10 deleted from the form
    path = tmp_path / "lost.csv"
    rows = [["2026/03/01", "North", *(["Established"] * (len(header) - 2))] for _ in range(5)]
    _write_csv(path, header, rows)
    status, out, err, result = _score(tmp_path, capsys, "pln-design", path)
    assert status == 2 and not result.exists()
    assert "expected a column for every item of 'pln-design', found none for DES-03, DES-10 " in err
    assert (
        f"(2 of {len(DESIGN.items)} items); the columns that look like questions but match" in err
    )
    assert "'A question somebody rewrote completely'" in err and "--allow-missing-items" in err
    status, out, err, result = _score(tmp_path, capsys, "pln-design", path, "--allow-missing-items")
    assert status == 0, err
    assert "scored WITHOUT 2 items that have no column: DES-03, DES-10" in out
    assert "columns that look like questions but match no item (not scored): 'A question" in out


def test_a_report_with_items_missing_says_so_in_the_report(tmp_path, capsys):
    header = ["respondent", "school", *(f"[{i.id}] {i.text}" for i in KMB.items[1:])]
    path = tmp_path / "answers.csv"
    _write_csv(
        path, header, [[f"r{k}", "North", *(["Established"] * (len(header) - 2))] for k in range(6)]
    )
    report = tmp_path / "report.md"
    assert main(["report", KMB.id, str(path), "-o", str(report)]) == 2
    assert "found none for KMB-01 (1 of" in capsys.readouterr().err
    assert main(["report", KMB.id, str(path), "--allow-missing-items", "-o", str(report)]) == 0
    assert "scored WITHOUT 1 item that have no column: KMB-01" in capsys.readouterr().out
    assert "no column for KMB-01: scored without these items" in report.read_text(encoding="utf-8")


def _msforms(path, header, rows, sheets=()):
    book = openpyxl.Workbook()
    first = book.active
    for name, content in sheets:
        sheet = book.create_sheet(name, 0) if name != "Sheet1" else first
        for row in content:
            sheet.append(row)
    target = book["Sheet1"] if "Sheet1" in book.sheetnames else first
    target.title = "Sheet1"
    target.append(header)
    for row in rows:
        target.append(row)
    book.save(path)


def test_a_microsoft_forms_workbook_in_english_and_in_spanish(tmp_path, capsys):
    for head in (
        ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"],
        [
            "Id",
            "Hora de inicio",
            "Hora de finalización",
            "Correo electrónico",
            "Nombre",
            "Hora de la última modificación",
        ],
    ):
        header = [*head, "Role", *(f"[{i.id}] {i.text}" for i in KMB.items)]
        rows = [
            [
                k + 1,
                "3/1/26 10:00:00",
                "3/1/26 10:07:00",
                f"persona{k}@escuela.example",
                "Ana Pérez",
                None,
                "Teacher",
                *([4] * len(KMB.items)),
            ]
            for k in range(5)
        ]
        path = tmp_path / "ms.xlsx"
        _msforms(path, header, rows)
        status, out, err, result = _score(tmp_path, capsys, KMB.id, path, "--by", "Role")
        assert status == 0, err
        assert f"'{head[3]}', '{head[4]}'" in out  # named by header only
        _no_personal_data(out, err, result.read_text(encoding="utf-8-sig"))


def test_an_email_column_under_any_header_is_dropped_by_its_content(tmp_path, capsys):
    header = ["Contacto", "Escuela", *(f"[{i.id}] {i.text}" for i in DESIGN.items)]
    rows = [
        [f"persona{k}@escuela.example", "Norte", *(["2"] * len(DESIGN.items))] for k in range(5)
    ]
    rows[0][0] = ""  # a blank does not change what the column is
    path = tmp_path / "odd.csv"
    _write_csv(path, header, rows)
    status, out, err, _result = _score(tmp_path, capsys, "pln-design", path, "--by", "Contacto")
    assert status == 2
    assert "expected a group column 'Contacto', found the columns 'Escuela'" in err
    status, out, err, _result = _score(tmp_path, capsys, "pln-design", path)
    assert status == 0 and "left out personal data (never read or shown): 'Contacto'" in out


def test_a_planted_email_and_bad_labels_are_reported_once_each_never_shown(tmp_path, capsys):
    header = ["Timestamp", "School", *(f"[{i.id}] {i.text}" for i in DESIGN.items)]
    rows = [["2026/03/01", "North", *(["Embedded"] * len(DESIGN.items))] for _ in range(6)]
    rows[1][2] = f"write to me: {PLANTED}"
    rows[4][3] = PLANTED
    rows[2][2] = rows[3][5] = rows[5][2] = "Sometimes"
    path = tmp_path / "bad.csv"
    _write_csv(path, header, rows)
    status, out, err, _result = _score(tmp_path, capsys, "pln-design", path)
    assert status == 2
    assert (
        "found 2 other answers: an e-mail address (not shown) (DES-01: row 3; DES-02: row 6), "
        "'Sometimes' (DES-01: rows 4, 7; DES-04: row 5). "
    ) in err
    _no_personal_data(out, err)


def test_a_duplicate_respondent_is_named_by_rows_not_by_label(tmp_path, capsys):
    path = tmp_path / "tidy.csv"
    path.write_text(f"respondent,item,value\n{PLANTED},DES-01,3\n{PLANTED},DES-01,2\n")
    status, out, err, _ = _score(tmp_path, capsys, "pln-design", path)
    assert status == 2 and "answering DES-01 twice (row 2 and row 3)" in err
    _no_personal_data(out, err)


def test_a_european_excel_csv_with_decimal_commas(tmp_path, capsys):
    header = [
        "Horodateur",
        "Adresse e-mail",
        "École",
        *(f"[{i.id}] {i.text}" for i in DESIGN.items),
    ]
    rows = [
        ["01/03/2026 10:00", f"p{k}@ecole.example", "Saint-Étienne", *(["3,0"] * len(DESIGN.items))]
        for k in range(5)
    ]
    path = tmp_path / "reponses.csv"
    _write_csv(path, header, rows, encoding="cp1252", sep=";")
    status, out, err, result = _score(tmp_path, capsys, "pln-design", path, "--by", "École")
    assert status == 0, err
    assert "'Horodateur', 'Adresse e-mail'" in out
    assert "Saint-Étienne" in result.read_text(encoding="utf-8-sig")


def test_the_sheet_with_the_answers_is_found_and_named(tmp_path, capsys):
    header = [
        "Zeitstempel",
        "E-Mail-Adresse",
        "Schule",
        *(f"[{i.id}] {i.text}" for i in DESIGN.items),
    ]
    rows = [
        ["01.03.2026", f"p{k}@schule.example", "Nord", *(["3,0"] * len(DESIGN.items))]
        for k in range(5)
    ]
    path = tmp_path / "antworten.xlsx"
    _msforms(path, header, rows, sheets=[("Notizen", [["Hinweis"], ["Testlauf"]]), ("Leer", [])])
    status, out, err, _result = _score(tmp_path, capsys, "pln-design", path)
    assert status == 0, err
    assert (
        "note: read the sheet 'Sheet1' of antworten.xlsx; looked at 'Leer' (empty), 'Notizen' "
        "(no answer columns: 'Hinweis'), 'Sheet1' (" + str(len(DESIGN.items)) + " answer columns)"
    ) in out
    status, out, err, _ = _score(tmp_path, capsys, "pln-design", path, "--sheet", "Sheet 1")
    assert status == 2
    assert "expected a sheet named 'Sheet 1', found the sheets 'Leer', 'Notizen', 'Sheet1'" in err
    status, out, err, _ = _score(tmp_path, capsys, "pln-design", path, "--sheet", "Notizen")
    assert status == 2 and "antworten.xlsx, sheet 'Notizen': expected columns" in err


def test_no_sheet_or_two_sheets_with_answers_are_refused_naming_every_sheet(tmp_path, capsys):
    header = ["School", *(f"[{i.id}] {i.text}" for i in DESIGN.items)]
    rows = [["North", *(["2"] * len(DESIGN.items))] for _ in range(5)]
    path = tmp_path / "two.xlsx"
    _msforms(path, header, rows, sheets=[("Wave 1", [header, *rows])])
    status, out, err, _ = _score(tmp_path, capsys, "pln-design", path)
    assert status == 2
    assert (
        "expected the answers on one sheet, found answers on 2 sheets: 'Wave 1' ("
        + str(len(DESIGN.items))
        + " answer "
        in err
    )
    assert "--sheet 'Wave 1'" in err
    status, out, err, _ = _score(tmp_path, capsys, "pln-design", path, "--sheet", "Wave 1")
    assert status == 0 and "read the sheet 'Wave 1' (chosen with --sheet)" in out
    none = tmp_path / "none.xlsx"
    _msforms(none, ["Notes"], [["x"]], sheets=[("Pivot", [["Total"], [3]])])
    status, out, err, _ = _score(tmp_path, capsys, "pln-design", none)
    assert status == 2
    assert "found none in the 2 sheets: 'Pivot' (no answer columns: 'Total'), 'Sheet1'" in err
    csv_path = tmp_path / "a.csv"
    csv_path.write_text("respondent,item,value\na,DES-01,3\n")
    status, out, err, _ = _score(tmp_path, capsys, "pln-design", csv_path, "--sheet", "x")
    assert status == 2 and "--sheet: expected a workbook (.xlsx) with --sheet" in err


def test_a_label_map_reads_another_language(tmp_path, capsys):
    labels = ["Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens"]
    mapping = tmp_path / "nl.csv"
    mapping.write_text(
        "label,value\n"
        + "".join(f"{w},{k + 1}\n" for k, w in enumerate(labels))
        + "Weet ik niet,dont_know\n",
        encoding="utf-8",
    )
    header = ["Tijdstempel", "E-mailadres", "School", *(f"[{i.id}] {i.text}" for i in AGR.items)]
    rows = [
        ["2026-03-01", f"p{k}@school.example", "Noord", *([labels[k % 5]] * len(AGR.items))]
        for k in range(5)
    ]
    rows[0][3] = "weet ik NIET"
    path = tmp_path / "nl-answers.csv"
    _write_csv(path, header, rows)
    status, out, err, _ = _score(tmp_path, capsys, AGR.id, path)
    assert status == 2 and "'Helemaal oneens' (RDY-02: row 2" in err
    assert "--labels map.csv" in err
    status, out, err, _result = _score(tmp_path, capsys, AGR.id, path, "--labels", mapping)
    assert status == 0, err
    assert "'Tijdstempel', 'E-mailadres'" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "word,number\nEens,4\n",
            "expected two columns, 'label' and 'value' (or 'label' and "
            "'code'), found 'word', 'number'",
        ),
        (
            "label,value\nEens,9\n",
            "nl.csv, row 2: expected a value of the scale 'agree5' "
            "(1, 2, 3, 4, 5, dont_know, not_applicable) for the label 'Eens', found '9'",
        ),
        ("label,value\n,4\n", "nl.csv, row 2: expected a label, found an empty cell"),
        ("label,code\nEens,\n", "for the label 'Eens', found an empty cell"),
        (
            "label,value\nEens,4\nEENS,2\n",
            "expected each label once, found 'EENS' as 4 in row 2 and as 2 in row 3",
        ),
        ("label,value\nDe acuerdo,2\n", "found 'De acuerdo' given as 2, but it already means 4"),
        ("", "empty file"),
    ],
)
def test_bad_label_maps_get_plain_messages(tmp_path, capsys, content, message):
    mapping = tmp_path / "nl.csv"
    mapping.write_text(content, encoding="utf-8")
    answers = tmp_path / "a.csv"
    answers.write_text("respondent,item,value\na,RDY-01,Eens\n")
    status, _out, err, result = _score(tmp_path, capsys, AGR.id, answers, "--labels", mapping)
    assert status == 2 and message in err, err
    assert "Traceback" not in err and not result.exists()


def test_spanish_forms_in_every_format(tmp_path, capsys):
    gs, docx, table = tmp_path / "f.gs", tmp_path / "f.docx", tmp_path / "f.csv"
    for out in (gs, docx, table):
        assert main(["form", AGR.id, "--language", "es", "-o", str(out)]) == 0
    script = gs.read_text(encoding="utf-8")
    assert '"Totalmente en desacuerdo"' in script and '"No sé"' in script
    assert '"title": "Escuela"' in script and '"Rol"' in script and "Strongly" not in script
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "A. Totalmente en desacuerdo" in xml and "Escuela" in xml and "No aplica" in xml
    rows = list(csv.DictReader(table.open(encoding="utf-8-sig")))
    assert rows[0]["options"].startswith("Totalmente en desacuerdo | En desacuerdo | ")
    assert main(["form", AGR.id, "--language", "xx", "-o", str(gs)]) == 2
    assert (
        "expected a language of the scale 'agree5' (en, es), found 'xx'" in capsys.readouterr().err
    )


def test_the_spanish_form_reads_back(tmp_path, capsys):
    """The questions plnlib writes for a Spanish form, answered and exported, score."""
    header = ["Marca temporal", "Escuela", *_titles(AGR, "es")]
    labels = list(AGR.scale.labels_in("es").values())
    rows = [["2026/03/01", "Norte", *([labels[k % 7]] * len(AGR.items))] for k in range(7)]
    path = tmp_path / "es.csv"
    _write_csv(path, header, rows)
    status, _out, err, result = _score(tmp_path, capsys, AGR.id, path, "--min-group", "3")
    assert status == 0, err
    first = next(csv.DictReader(result.open(encoding="utf-8-sig")))
    assert first["n"] == "5"  # "No sé" and "No aplica" are counted but not scored
