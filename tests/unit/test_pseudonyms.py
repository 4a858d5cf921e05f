"""Pseudonymous codes: stable, keyed, not alphabetical, applied to tables."""

from __future__ import annotations

import hashlib
import hmac

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnlib.errors import DataError
from plnlib.pseudonyms import (
    DEFAULT_KEY,
    apply_pseudonyms,
    normalise_name,
    pseudonym_codes,
)

STAFF = ["Amira Ashby", "Ben Hale", "Cara Orme", "Dev Vane", "Elin Ellis", "Farid Lowe"]


def test_codes_are_numbered_in_keyed_hash_order():
    codes = pseudonym_codes(STAFF)

    # recompute the documented method: sort by HMAC-SHA256(key, normalised name)
    def digest(name: str) -> str:
        return hmac.new(
            DEFAULT_KEY.encode(), normalise_name(name).encode(), hashlib.sha256
        ).hexdigest()

    expected = {name: f"P{i:03d}" for i, name in enumerate(sorted(STAFF, key=digest), start=1)}
    assert codes == expected


def test_codes_are_stable_across_order_repeats_and_spelling():
    codes = pseudonym_codes(STAFF)
    again = pseudonym_codes([*reversed(STAFF), " ben HALE ", "Ben  Hale"])
    assert all(again[name] == code for name, code in codes.items())
    assert again[" ben HALE "] == codes["Ben Hale"] == again["Ben  Hale"]


def test_codes_say_nothing_about_alphabetical_order():
    names = [f"Teacher {chr(65 + i)}{chr(65 + j)}" for i in range(5) for j in range(5)]
    codes = pseudonym_codes(names)
    in_code_order = sorted(names, key=codes.__getitem__)
    assert in_code_order != sorted(names)


def test_a_key_changes_the_codes():
    plain = pseudonym_codes(STAFF)
    keyed = pseudonym_codes(STAFF, key="only the lead knows this")
    assert keyed != plain
    assert keyed == pseudonym_codes(STAFF, key=b"only the lead knows this")


def test_hash_codes_depend_on_the_person_only():
    alone = pseudonym_codes(["Cara Orme"], method="hash")
    crowd = pseudonym_codes(STAFF, method="hash")
    assert alone["Cara Orme"] == crowd["Cara Orme"]
    assert len(set(crowd.values())) == len(STAFF)
    assert all(code.startswith("P-") and len(code) == 8 for code in crowd.values())


def test_bad_method_and_missing_names():
    with pytest.raises(DataError, match="pseudonym method"):
        pseudonym_codes(STAFF, method="initials")
    assert pseudonym_codes([None, float("nan"), "Ann"]) == {"Ann": "P001"}
    with pytest.raises(DataError, match="without one") as err:
        apply_pseudonyms(
            pd.DataFrame({"source": ["Ann", "Zed"]}), {"Ann": "P001"}, columns=["source"]
        )
    assert err.value.where == "row 3, column source"


def test_apply_pseudonyms_replaces_names_and_drops_identifying_columns():
    frame = pd.DataFrame(
        {
            "source": ["Ann", " ann"],
            "target": ["Bob", None],
            "E-mail": ["a@x", "b@x"],
            "Full name": ["Ann A", "Ann A"],
            "school": ["North", "South"],
        }
    )
    codes = pseudonym_codes(["Ann", "Bob"])
    out = apply_pseudonyms(frame, codes, columns=["source", "target"])
    assert list(out.columns) == ["source", "target", "school"]
    assert out["source"].tolist() == [codes["Ann"]] * 2
    assert out.loc[0, "target"] == codes["Bob"] and pd.isna(out.loc[1, "target"])
    kept = apply_pseudonyms(frame, codes, columns=["source"], drop_identifying=False)
    assert "E-mail" in kept.columns and kept.loc[0, "target"] == "Bob"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12).filter(lambda s: s.strip()), max_size=30))
def test_one_code_per_person_whatever_the_names(names):
    codes = pseudonym_codes(names)
    people = {normalise_name(n) for n in names}
    assert len(set(codes.values())) == len(people)
    assert {normalise_name(n): c for n, c in codes.items()} == {
        normalise_name(n): codes[n] for n in names
    }
    assert pseudonym_codes(list(reversed(names))) == codes
