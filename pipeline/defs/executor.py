import dagster as dg

# One process per run rather than one per step: the steps form a chain on a two-core machine,
# and every step process would re-import Dagster, pandas, GX and the definitions and re-read its
# inputs from disk (the seeds took 50.8 s with the default multiprocess executor, see README).
defs = dg.Definitions(executor=dg.in_process_executor)
