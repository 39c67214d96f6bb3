import dagster as dg

# Everything materializable (the observed `sources` is read, not materialized) and every check.
warehouse_job = dg.define_asset_job(
    "warehouse_job", selection=dg.AssetSelection.all(),
    description="Read sources/, extract, reconcile, validate, publish the warehouse.",
)
