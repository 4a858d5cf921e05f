"""Monitoring a network over time: groups, waves, response rates, privacy checks. Pure.

A network asks its staff the same checklist every year. Starting from tidy answers
(``respondent, item, value`` plus group columns such as school, role,
``pln_member`` and a wave column), :func:`prepare_monitoring` checks the input and
:func:`monitor` computes everything a coordinator's report needs:

- section and item results for the whole network and for each group, in every wave,
  with ``n`` and suppression (groups below ``min_group`` hidden, plus complementary
  suppression so a hidden group cannot be worked out from the total);
- change between two waves for the network and for each group, with n on both sides;
- response rates against a roster of staff counts;
- :class:`SinglingOut` warnings where a combination of group columns leaves fewer
  than ``min_group`` people in a cell (the only deputy head in a school).

A *response* is one respondent in one wave: the same person may answer every year.
Means leave out "don't know" and "not applicable", as in :mod:`plnlib.checklists.scoring`.
"""

from plnlib.monitoring.analysis import Monitoring, monitor, strengths
from plnlib.monitoring.constants import MARKER, NETWORK
from plnlib.monitoring.groups import changes, group_results
from plnlib.monitoring.inputs import is_synthetic, prepare_monitoring
from plnlib.monitoring.rates import response_rates
from plnlib.monitoring.singling import SinglingOut, singling_out

__all__ = [
    "MARKER",
    "NETWORK",
    "Monitoring",
    "SinglingOut",
    "changes",
    "group_results",
    "is_synthetic",
    "monitor",
    "prepare_monitoring",
    "response_rates",
    "singling_out",
    "strengths",
]
