"""Names shared by the monitoring modules."""

__all__ = ["MARKER", "NETWORK", "RESERVED"]


#: The label of the whole-network rows in every result table.
NETWORK = "Whole network"
#: A column that marks synthetic data (value "yes" on every row); never a group column.
MARKER = "synthetic"
RESERVED = {"respondent", "item", "value", "section", "score", "missing", MARKER}
