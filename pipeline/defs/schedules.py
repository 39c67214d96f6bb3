import dagster as dg

from pipeline.defs.jobs import warehouse_job

# Nightly, so code and expectation changes reach the warehouse even when no source changed.
nightly_schedule = dg.ScheduleDefinition(
    name="nightly_schedule", job=warehouse_job, cron_schedule="0 6 * * *", execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
