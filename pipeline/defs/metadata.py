"""Metadata attached to table assets: row count, column schema, a small preview."""
from __future__ import annotations

import dagster as dg
import pandas as pd

PREVIEW_ROWS = 5
PREVIEW_WIDTH = 60


def table_metadata(frame: pd.DataFrame, hidden: tuple[str, ...] = ()) -> dict:
    shown = frame.drop(columns=[c for c in hidden if c in frame.columns])
    preview = shown.head(PREVIEW_ROWS).astype(str).apply(lambda col: col.str.slice(0, PREVIEW_WIDTH))
    return {
        "dagster/row_count": dg.MetadataValue.int(len(frame)),
        "dagster/column_schema": dg.TableSchema(
            columns=[dg.TableColumn(name=str(c), type=str(t)) for c, t in frame.dtypes.items()]
        ),
        "preview": dg.MetadataValue.md(preview.to_markdown(index=False) if len(preview) else "(no rows)"),
    }
