"""The report's helper process: ``python -m pipeline.core.report.helper '<json>'`` writes one part of the
document and source pages (pages.helper_main) and exits 0, or prints its traceback and exits 1."""
from __future__ import annotations

import json
import sys
import traceback

from pipeline.core.report.pages import helper_main

if __name__ == "__main__":
    try:
        helper_main(json.loads(sys.argv[1]))
    except BaseException:  # noqa: BLE001 - the parent reads it and raises
        traceback.print_exc()
        sys.exit(1)
