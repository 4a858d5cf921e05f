"""Response rates against a roster of staff counts, with suppression."""

from __future__ import annotations

import numpy as np
import pandas as pd

from plnlib.checklists.answers import require_column
from plnlib.checklists.responses import normalise_waves, response_info
from plnlib.checklists.results import NETWORK, group_mask, ordered_rows
from plnlib.errors import DataError
from plnlib.privacy import DEFAULT_MIN_GROUP, blank_suppressed, check_min_group

__all__ = ["response_rates"]


def _roster_columns(rosters: pd.DataFrame, where: str) -> tuple[str, str, str | None]:
    lower = {str(c).strip().casefold(): str(c) for c in rosters.columns}
    if "staff" not in lower:
        raise DataError(
            f"expected a column 'staff' (how many staff each group has), found "
            f"{', '.join(repr(str(c)) for c in rosters.columns)}",
            where=where,
            fix="Give the roster two columns: the group (for example school) and staff.",
        )
    wave = lower.get("wave")
    rest = [str(c) for c in rosters.columns if str(c) not in (lower["staff"], wave)]
    if len(rest) != 1:
        raise DataError(
            f"expected one group column besides 'staff' (and an optional 'wave'), found "
            f"{len(rest)}: {', '.join(repr(c) for c in rest) or 'none'}",
            where=where,
            fix="Keep one group column, named as in the answers (for example school).",
        )
    return rest[0], lower["staff"], wave


def response_rates(
    prepared: pd.DataFrame,
    rosters: pd.DataFrame,
    *,
    wave: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    where: str = "rosters",
    _info: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Responses against staff numbers, per group (and wave), with suppression.

    ``rosters`` has a group column named as in the answers (for example
    ``school``), a ``staff`` column and optionally a ``wave`` column (else the
    same staff numbers serve every wave). Returns one row per (wave,) group plus
    the whole network: ``responses``, ``staff``, ``rate`` and ``suppressed``
    (groups with fewer than ``min_group`` responses and their complement have
    their responses and rate empty; the staff numbers of the roster are not
    personal and stay), and a ``note`` for groups missing from the
    roster or with more responses than staff.

    Examples
    --------
    >>> from plnlib.monitoring import prepare_monitoring
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(16)], "item": "DES-01",
    ...     "value": 3, "school": ["A"] * 6 + ["B"] * 7 + ["C"] * 3})
    >>> roster = pd.DataFrame({"school": ["A", "B", "C"], "staff": ["8", "14", "4"]})
    >>> response_rates(prepare_monitoring(raw, c, by="school"), roster).drop(columns="group_by")
               group  responses  staff  rate  suppressed note
    0  Whole network         16     26  0.62       False
    1              A       <NA>      8   NaN        True
    2              B          7     14  0.50       False
    3              C       <NA>      4   NaN        True
    """
    check_min_group(min_group)
    if rosters is None or rosters.empty:
        raise DataError("expected a roster with at least one row, found none", where=where)
    group, staff_col, roster_wave = _roster_columns(rosters, where)
    require_column(prepared, group, "group (named as in the roster)", where)
    roster = rosters.reset_index(drop=True)
    staff = pd.to_numeric(roster[staff_col].astype("string").str.strip(), errors="coerce").astype(
        "float64"
    )
    bad = staff.isna() | (staff < 0) | (staff % 1 != 0)
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise DataError(
            f"expected a whole number of staff, found {roster[staff_col].iloc[pos]!r}",
            where=f"{where}, row {pos + 2}, column '{staff_col}'",
            fix="Write the number of staff in each group as a whole number, such as 24.",
        )
    table = pd.DataFrame({"group": roster[group].astype(str).str.strip(), "staff": staff})
    use_wave = wave is not None and roster_wave is not None
    if use_wave:
        table["wave"] = normalise_waves(roster[roster_wave], roster_wave, where, roster)
    keys = ["wave", "group"] if use_wave else ["group"]
    dup = table.duplicated(keys)
    if dup.any():
        pos = int(np.flatnonzero(dup.to_numpy())[0])
        raise DataError(
            f"expected each {' and wave '.join(keys[::-1])} once in the roster, found "
            f"'{table['group'].iloc[pos]}' again",
            where=f"{where}, row {pos + 2}",
            fix="Keep one row per group (and wave), or add the numbers up.",
        )
    info = response_info(prepared, wave)[0] if _info is None else _info
    info = info.assign(group=info[group].astype(str).str.strip())
    wkeys = [wave] if wave else []
    counts = info.groupby([*wkeys, "group"], sort=False).size().rename("responses").reset_index()
    if wave is not None and not use_wave:
        table = pd.DataFrame({wave: pd.unique(info[wave])}).merge(table, how="cross")
    elif use_wave:
        table = table.rename(columns={"wave": wave})
    out = table.merge(counts, on=[*wkeys, "group"], how="outer")
    out["responses"] = out["responses"].fillna(0).astype(int)
    out["note"] = np.where(out["staff"].isna(), "not in the roster", "")
    # the same mask as every other table: from the number of responses per group and wave
    base = group_mask(info, "group", wave, min_group)
    keys = pd.MultiIndex.from_frame(out[[*wkeys, "group"]]) if wkeys else pd.Index(out["group"])
    out["suppressed"] = base.reindex(keys).fillna(False).to_numpy(dtype=bool)
    # a hidden group's note says nothing about its number of responses either
    over = out["staff"].notna() & (out["responses"] > out["staff"]) & ~out["suppressed"]
    out.loc[over, "note"] = "more responses than staff: check the roster"
    out["network"] = False
    net = (
        out.assign(
            _staff=out["staff"].fillna(0), _known=out["responses"].where(out["staff"].notna(), 0)
        )
        .groupby(wkeys if wkeys else np.zeros(len(out), dtype=int), sort=False)
        .agg(
            responses=("responses", "sum"),
            staff=("_staff", "sum"),
            _known=("_known", "sum"),
            _missing=("staff", lambda s: bool(s.isna().any())),
        )
        .reset_index(drop=not wkeys)
    )
    net = net.assign(
        group=NETWORK,
        network=True,
        suppressed=net["responses"] < min_group,
        note=np.where(net["_missing"], "rate over the groups in the roster", ""),
    ).drop(columns="_missing")
    out = pd.concat([net, out.assign(_known=out["responses"])], ignore_index=True)
    out["rate"] = (out["_known"] / out["staff"].where(out["staff"] > 0)).round(2)
    out = blank_suppressed(out, counts=["responses"], measures=["rate"])
    out["staff"] = out["staff"].astype("Int64")
    out = ordered_rows(out.assign(id=""), wave, [""])
    out["group_by"] = np.where(out["network"], "", group)
    return out[[*wkeys, "group_by", "group", "responses", "staff", "rate", "suppressed", "note"]]
