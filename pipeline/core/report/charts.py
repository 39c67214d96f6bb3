"""The front page's charts: plotly figures as HTML fragments that use a local plotly.min.js."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

PLOTLY_JS = "plotly.min.js"
TOP_SUBSTANCES = 8
_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["sendDataToCloud"]}
_LAYOUT = dict(template="plotly_white", height=340, margin=dict(l=60, r=20, t=40, b=60),
               font=dict(family="system-ui, sans-serif", size=12))


def write_plotly_js(out_dir: Path) -> Path:
    """The JavaScript shipped inside the plotly package, written once beside the pages."""
    path = out_dir / PLOTLY_JS
    path.write_text(get_plotlyjs(), encoding="utf-8")
    return path


def _html(fig: go.Figure, div_id: str) -> str:
    return fig.to_html(full_html=False, include_plotlyjs=False, include_mathjax=False,
                       config=_CONFIG, div_id=div_id)


def mass_chart(df: pd.DataFrame, source: str) -> str:
    """Stacked bars: kilograms per year, one colour per substance (the largest few, then 'other')."""
    fig = go.Figure()
    if len(df):
        top = df.groupby("substance")["kg"].sum().nlargest(TOP_SUBSTANCES).index
        df = df.assign(substance=df["substance"].where(df["substance"].isin(top), "other"))
        df = df.groupby(["year", "substance"], as_index=False)["kg"].sum()
        for substance in list(top) + (["other"] if "other" in set(df["substance"]) else []):
            part = df[df["substance"] == substance]
            fig.add_bar(x=part["year"], y=part["kg"], name=substance)
    years = sorted({*df["year"]} - {"undated"}) + (["undated"] if "undated" in set(df["year"]) else [])
    fig.update_layout(barmode="stack", title=f"Mass by substance per year (kg, from {source}; each seizure once)",
                      xaxis=dict(type="category", title="year published", categoryorder="array",
                                 categoryarray=years), yaxis_title="kilograms",
                      showlegend=True, legend=dict(title="substance"), **_LAYOUT)
    return _html(fig, "chart-mass")


def kinds_chart(counts: pd.DataFrame) -> str:
    fig = go.Figure(go.Bar(x=counts["kind"], y=counts["n"], marker_color="#3b6ea5"))
    fig.update_layout(title="Figures per kind (facts)", xaxis_title="kind", yaxis_title="facts", **_LAYOUT)
    return _html(fig, "chart-kinds")


def months_chart(counts: pd.DataFrame) -> str:
    undated = int(counts.loc[counts["month"] == "undated", "n"].sum())
    counts = counts[counts["month"] != "undated"]
    fig = go.Figure(go.Bar(x=counts["month"], y=counts["n"], marker_color="#5a8f3c"))
    fig.update_layout(title="Documents per month published",
                      xaxis=dict(type="category", title="month" + (f" ({undated} undated, not shown)" if undated else "")),
                      yaxis_title="documents", **_LAYOUT)
    return _html(fig, "chart-months")
