"""End to end in a real browser: the Dagster UI as a person uses it (issue 7).

The module starts one `dagster dev` on a free loopback port, with a temporary
DAGSTER_HOME and temporary copies of sources/ and the warehouse folder, and the tests
drive it with Playwright in Debian's headless Chromium (/usr/bin/chromium;
`playwright install` is never used). The server is stopped by its process id (its
process group); on failure a screenshot and the end of the server log are kept under
the test's tmp_path (the path is printed).
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

# The timeout (pytest-timeout) is a last resort against a hang; the waits below are bounded.
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(900)]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
]
LOCATION = "bicentennial"
REPOSITORY = "__repository__"
SENSOR = "sources_sensor"
SERVER_START_TIMEOUT = 180
RUN_TIMEOUT = 480  # the click's run may queue behind the sensor's first run
SENSOR_RUN_TIMEOUT = 360
UI_TIMEOUT_MS = 60_000

NEW_STATEMENT_NAME = "900_cbp_port_seizure.txt"
NEW_STATEMENT = """\
CBP Officers Seize Methamphetamine at the Otay Mesa Port of Entry

March 14, 2024

SAN DIEGO - U.S. Customs and Border Protection officers at the Otay Mesa cargo facility
seized 1,250 pounds of methamphetamine concealed in a shipment of frozen strawberries
arriving from Mexico. The driver, a 41-year-old man, was turned over to Homeland
Security Investigations. CBP officers continue to work with their Mexican counterparts
to stop the flow of synthetic drugs across the border.
"""

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


# --- the server -------------------------------------------------------------------------

@dataclass
class DagsterServer:
    url: str
    process: subprocess.Popen
    home: Path
    sources_dir: Path
    warehouse_path: Path
    log_path: Path

    def log_tail(self, chars: int = 6000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError as exc:
            return f"(no server log: {exc})"

    def graphql(self, query: str, variables: dict | None = None, timeout: float = 30) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(f"{self.url}/graphql", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.loads(response.read())
        if payload.get("errors"):
            raise AssertionError(f"GraphQL errors: {payload['errors']}")
        return payload["data"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _processes_with_env(marker: str) -> list[int]:
    """Ids of live processes whose environment holds `marker` (our unique DAGSTER_HOME)."""
    needle = marker.encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "environ").read_bytes():
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def _stop(process: subprocess.Popen, home_marker: str, timeout: float = 30) -> None:
    """SIGTERM the server's process group, SIGKILL it after a timeout, then any straggler of ours."""
    pgid = process.pid  # started with start_new_session=True: its own process group
    started = time.monotonic()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _processes_with_env(home_marker):
        time.sleep(0.5)
    graceful = not _processes_with_env(home_marker)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)
    # Children that left the group (none expected) still carry our DAGSTER_HOME: end them by id.
    for pid in _processes_with_env(home_marker):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _processes_with_env(home_marker):
        time.sleep(0.2)
    left = _processes_with_env(home_marker)
    print(f"dagster dev (pid {pgid}) stopped in {time.monotonic() - started:.1f} s"
          + ("" if graceful else " (SIGKILL needed)"))
    assert not left, f"dagster processes of the test still running: {left}"


def _wait_until_loaded(server: DagsterServer) -> None:
    """Bounded: the webserver answers /server_info, then the code location has loaded."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    last = "no answer yet"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"dagster dev exited with {server.process.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/server_info", timeout=5) as response:
                json.loads(response.read())
            data = server.graphql("""{ workspaceOrError { __typename ... on Workspace { locationEntries {
                name loadStatus locationOrLoadError { __typename ... on PythonError { message stack } } } } } }""")
            entries = {e["name"]: e for e in data["workspaceOrError"].get("locationEntries", [])}
            entry = entries.get(LOCATION)
            if entry and entry["loadStatus"] == "LOADED":
                loaded = entry["locationOrLoadError"]
                if loaded and loaded["__typename"] == "PythonError":
                    raise AssertionError(f"code location {LOCATION!r} failed to load: {loaded['message']}\n"
                                         + "".join(loaded.get("stack") or [])[-3000:])
                return
            last = f"location entries: {sorted(entries)}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError) as exc:
            last = repr(exc)
        time.sleep(1)
    raise AssertionError(f"dagster dev did not serve {LOCATION!r} within {SERVER_START_TIMEOUT} s "
                         f"({last}):\n{server.log_tail()}")


@pytest.fixture(scope="module")
def dagster_server(tmp_path_factory: pytest.TempPathFactory):
    """One `dagster dev` for the module (a start costs ~15 s and the sensor's first run ~1 min)."""
    tmp_path = tmp_path_factory.mktemp("dagster_dev")
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(PROJECT_ROOT / "pipeline" / "instance" / "dagster.yaml", home / "dagster.yaml")
    sources_dir = tmp_path / "sources"
    shutil.copytree(PROJECT_ROOT / "sources", sources_dir)
    warehouse_path = tmp_path / "warehouse" / "bicentennial.duckdb"
    warehouse_path.parent.mkdir()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "PIPELINE_SOURCES_DIR": str(sources_dir),
        "PIPELINE_WAREHOUSE_PATH": str(warehouse_path),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "GX_ANALYTICS_ENABLED": "false",
    }
    port = _free_port()
    dagster = Path(sys.executable).with_name("dagster")
    log_path = tmp_path / "dagster_dev.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(dagster), "dev", "-w", str(PROJECT_ROOT / "workspace.yaml"), "-h", "127.0.0.1", "-p", str(port)],
            cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = DagsterServer(f"http://127.0.0.1:{port}", process, home, sources_dir, warehouse_path, log_path)
    print(f"dagster dev pid {process.pid} on {server.url}, log {log_path}")
    try:
        _wait_until_loaded(server)
        yield server
    finally:
        _stop(process, f"DAGSTER_HOME={home}\0")


# --- the browser ------------------------------------------------------------------------

# Open every asset group of the global lineage graph (the UI keeps this in localStorage).
EXPAND_GROUPS = """
if (!localStorage.getItem('asset-graph-open-graph-nodes-global-__GLOBAL__')) {
  localStorage.setItem('asset-graph-open-graph-nodes-global-__GLOBAL__', JSON.stringify(
    {expanded: ['ingest', 'extract', 'reconcile', 'warehouse'].map(g => 'global@global:' + g).join(',')}));
}
"""


@pytest.fixture
def page(tmp_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1600, "height": 1200})
            context.add_init_script(EXPAND_GROUPS)
            page = context.new_page()
            page.set_default_timeout(UI_TIMEOUT_MS)
            # No handler for the "Join the Dagster community" modal: the instance turns it off
            # (nux), and open_asset_graph checks that a first visit lands on the graph itself.
            yield page
        finally:
            browser.close()


@contextlib.contextmanager
def screenshot_on_failure(page, server: DagsterServer, tmp_path: Path, name: str):
    try:
        yield
    except BaseException:
        shot = tmp_path / f"{name}-failure.png"
        try:
            page.screenshot(path=str(shot), full_page=True)
            print(f"screenshot of the failure: {shot}")
        except Exception as exc:  # the browser may be the thing that failed
            print(f"no screenshot ({exc!r})")
        print(f"end of the dagster dev log ({server.log_path}):\n{server.log_tail()}")
        raise


# --- GraphQL helpers --------------------------------------------------------------------

SENSOR_SELECTOR = {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "sensorName": SENSOR}
RUN_FIELDS = "runId status creationTime jobName tags { key value }"
DONE = {"SUCCESS", "FAILURE", "CANCELED"}


def sensor_state(server: DagsterServer) -> dict:
    data = server.graphql("""query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) {
        __typename ... on Sensor { id sensorState { status } } ... on PythonError { message } } }""",
                          {"s": SENSOR_SELECTOR})
    sensor = data["sensorOrError"]
    assert sensor["__typename"] == "Sensor", f"sensor {SENSOR}: {sensor}"
    return sensor


def stop_sensor(server: DagsterServer) -> None:
    sensor = sensor_state(server)
    if sensor["sensorState"]["status"] == "RUNNING":
        data = server.graphql("""mutation($id: String!) { stopSensor(id: $id) { __typename
            ... on StopSensorMutationResult { instigationState { status } } ... on PythonError { message } } }""",
                              {"id": sensor["id"]})
        assert data["stopSensor"]["__typename"] == "StopSensorMutationResult", data
    assert sensor_state(server)["sensorState"]["status"] == "STOPPED"


def runs(server: DagsterServer) -> list[dict]:
    data = server.graphql(f"{{ runsOrError {{ __typename ... on Runs {{ results {{ {RUN_FIELDS} }} }} }} }}")
    return data["runsOrError"]["results"]


def tags(run: dict) -> dict[str, str]:
    return {t["key"]: t["value"] for t in run["tags"]}


def run_errors(server: DagsterServer, run_id: str) -> str:
    """The error messages of a run's event log, to say why it failed."""
    data = server.graphql("""query($id: ID!) { logsForRun(runId: $id, limit: 5000) { __typename
        ... on EventConnection { events { __typename ... on MessageEvent { message level stepKey } } } } }""",
                          {"id": run_id})
    events = data["logsForRun"].get("events", [])
    lines = [f"[{e.get('stepKey') or '-'}] {e['__typename']}: {e['message']}" for e in events
             if e.get("level") in ("ERROR", "CRITICAL") or e["__typename"] in ("ExecutionStepFailureEvent",
                                                                                "RunFailureEvent")]
    return "\n".join(lines)[-6000:] or "(no error events)"


def wait_for_run(server: DagsterServer, predicate, timeout: float, what: str) -> dict:
    """The first run matching `predicate` that finished; fails fast if it did not succeed."""
    deadline = time.monotonic() + timeout
    seen: list[dict] = []
    while time.monotonic() < deadline:
        seen = [r for r in runs(server) if predicate(r)]
        for run in seen:
            if run["status"] in DONE:
                assert run["status"] == "SUCCESS", (
                    f"{what}: run {run['runId']} ended {run['status']}:\n{run_errors(server, run['runId'])}")
                return run
        time.sleep(2)
    raise AssertionError(f"{what}: no run finished within {timeout:.0f} s; runs: "
                         f"{[(r['runId'][:8], r['status']) for r in seen]}")


def launched_by_automation(run: dict) -> bool:
    t = tags(run)
    return "dagster/sensor_name" in t or "dagster/schedule_name" in t


# --- the warehouse ----------------------------------------------------------------------

def query(path: Path, sql: str) -> list[tuple]:
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


ASSETS_SHOWN = ["sources", "source_texts", "measurements", "documents", "facts", "warehouse/sources",
                "warehouse/measurements", "warehouse/bicentennial_duckdb"]


def check_catalog(page, server: DagsterServer, shot: Path) -> None:
    """The asset catalog lists the pipeline's assets by name."""
    page.goto(f"{server.url}/assets", wait_until="domcontentloaded")
    for name in ASSETS_SHOWN:
        page.locator(f'a[href="/assets/{name}"]').first.wait_for(state="visible")
    page.screenshot(path=str(shot))


def open_asset_graph(page, server: DagsterServer, shot: Path):
    """The global asset lineage, every group expanded; returns its "Materialize all (N)" button."""
    page.goto(f"{server.url}/asset-groups", wait_until="domcontentloaded")
    # Its accessible name starts with the icon's label ("materialization"); match the visible text.
    button = page.get_by_role("button").filter(has_text=re.compile(r"^\s*Materialize all\b"))
    button.wait_for(state="visible")
    page.get_by_text("measurements", exact=True).first.wait_for(state="attached")
    page.wait_for_timeout(1500)  # the first-visit dialog, when on, opens after the page has drawn
    assert page.get_by_text("Join the Dagster community").count() == 0, "the nux dialog covers the graph"
    # The page opens zoomed in on the middle of the graph and renders only the nodes in view;
    # zoom out step by step until the nodes from the observed `sources` on are all shown (too
    # far out, the UI drops the labels).
    names = ("sources", "source_texts", "measurements", "documents")
    zoom_out = page.locator('button:has([aria-label="zoom_out"])')

    width, height = page.viewport_size["width"], page.viewport_size["height"]

    def in_view(label) -> bool:
        box = label.bounding_box()
        return bool(box) and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width \
            and box["y"] + box["height"] <= height

    def missing() -> list[str]:
        return [name for name in names
                if not any(in_view(label) for label in page.get_by_text(name, exact=True).all())]

    for _ in range(8):
        if not missing():
            break
        zoom_out.click()
        page.wait_for_timeout(400)
    not_shown = missing()
    page.screenshot(path=str(shot))
    assert not not_shown, f"the asset graph does not show {not_shown} (see {shot})"
    print(f"asset graph: {shot}")
    return button


def turn_sensor_on_in_the_ui(page, server: DagsterServer) -> None:
    """Flip the sensor page's "Running" switch if it is off, then check the instance agrees."""
    page.goto(f"{server.url}/locations/{LOCATION}/sensors/{SENSOR}", wait_until="domcontentloaded")
    row = page.locator("tr", has_text="Running")
    switch = row.get_by_role("checkbox")  # a styled, visually hidden checkbox inside a label
    switch.wait_for(state="attached")
    if not switch.is_checked():
        row.locator("label").first.click()
    deadline = time.monotonic() + 30
    while sensor_state(server)["sensorState"]["status"] != "RUNNING":
        assert time.monotonic() < deadline, f"the Running switch did not start {SENSOR}"
        time.sleep(0.5)


# --- the tests --------------------------------------------------------------------------

def test_materialize_all_from_the_asset_graph(dagster_server: DagsterServer, page, tmp_path: Path):
    server = dagster_server
    # The sensor is on by default and launches a run on its first tick (usually before this
    # line); switch it off so it launches no more, and follow only the run the click launched
    # (queued behind the sensor's, as the instance runs one at a time).
    stop_sensor(server)
    with screenshot_on_failure(page, server, tmp_path, "materialize_all"):
        check_catalog(page, server, tmp_path / "catalog.png")
        button = open_asset_graph(page, server, tmp_path / "asset_graph.png")
        print(f"button: {button.inner_text()!r}")
        before = {r["runId"] for r in runs(server)}
        assert button.is_enabled(), "the Materialize all button is disabled"
        button.click()

        def launched_by_click(run: dict) -> bool:
            return run["runId"] not in before and not launched_by_automation(run)

        # One click launches the run: no config dialog, no confirmation.
        deadline = time.monotonic() + 30
        while not [r for r in runs(server) if launched_by_click(r)]:
            if time.monotonic() > deadline:
                raise AssertionError("clicking Materialize all launched no run (a dialog asking for config?)")
            time.sleep(1)
        page.screenshot(path=str(tmp_path / "after_click.png"), full_page=True)
        run = wait_for_run(server, launched_by_click, RUN_TIMEOUT, "Materialize all")
        print(f"run {run['runId']} succeeded")

        # The UI shows it too.
        page.goto(f"{server.url}/runs/{run['runId']}", wait_until="domcontentloaded")
        page.get_by_text("Success", exact=True).first.wait_for(state="visible")
        page.screenshot(path=str(tmp_path / "run.png"), full_page=True)

    wh = server.warehouse_path
    assert wh.exists(), f"no warehouse published at {wh}"
    n_files = len(list(server.sources_dir.glob("*.txt")))  # the 5 seeds, unless the sensor test ran first
    assert query(wh, "SELECT count(*) FROM sources WHERE status = 'ok'") == [(n_files,)]
    assert query(wh, "SELECT count(*) FROM measurements")[0][0] > 0
    assert query(wh, "SELECT count(*) FROM documents")[0][0] >= 1


def test_sensor_republishes_when_a_statement_is_added(dagster_server: DagsterServer, page, tmp_path: Path):
    server = dagster_server
    with screenshot_on_failure(page, server, tmp_path, "sensor"):
        turn_sensor_on_in_the_ui(page, server)
        page.screenshot(path=str(tmp_path / "sensor.png"), full_page=True)

        added_at = time.time()
        (server.sources_dir / NEW_STATEMENT_NAME).write_text(NEW_STATEMENT, encoding="utf-8")

        def published_with_new_file() -> bool:
            if not server.warehouse_path.exists():
                return False
            try:
                return bool(query(server.warehouse_path,
                                  f"SELECT 1 FROM sources WHERE source_file = '{NEW_STATEMENT_NAME}'"))
            except Exception:  # being replaced right now
                return False

        # The sensor notices the file on a tick after it was written, so the run it launches is
        # created afterwards (and reads the folder when it executes). Wait for such a run to
        # succeed and for the warehouse to hold the file; fail fast if a sensor run fails.
        def sensor_run_after_copy(run: dict) -> bool:
            return tags(run).get("dagster/sensor_name") == SENSOR and run["creationTime"] >= added_at

        deadline = time.monotonic() + SENSOR_RUN_TIMEOUT
        while True:
            after = [r for r in runs(server) if sensor_run_after_copy(r)]
            for run in after:
                assert run["status"] not in ("FAILURE", "CANCELED"), (
                    f"sensor run {run['runId']} ended {run['status']}:\n{run_errors(server, run['runId'])}")
            if any(r["status"] == "SUCCESS" for r in after) and published_with_new_file():
                break
            assert time.monotonic() < deadline, (
                f"no sensor run published {NEW_STATEMENT_NAME} within {SENSOR_RUN_TIMEOUT} s; sensor runs after "
                f"the copy: {[(r['runId'][:8], r['status']) for r in after]}; all runs: "
                f"{[(r['runId'][:8], r['status'], tags(r).get('dagster/sensor_name')) for r in runs(server)]}")
            time.sleep(2)

        page.goto(f"{server.url}/runs", wait_until="domcontentloaded")
        page.get_by_text("Success").first.wait_for(state="visible")
        page.screenshot(path=str(tmp_path / "runs.png"), full_page=True)

    wh = server.warehouse_path
    assert query(wh, f"SELECT status, reject_reason FROM sources WHERE source_file = '{NEW_STATEMENT_NAME}'") \
        == [("ok", None)]
    rows = query(wh, f"""SELECT value, unit, value_kg, subject FROM measurements
                         WHERE source_file = '{NEW_STATEMENT_NAME}' AND kind = 'mass'""")
    assert any(value == 1250 and unit == "lb" for value, unit, _, _ in rows), rows
    kg = next(v_kg for value, unit, v_kg, _ in rows if value == 1250 and unit == "lb")
    assert kg == pytest.approx(1250 * 0.45359237, rel=1e-6)
    n_seeds = len(list((PROJECT_ROOT / "sources").glob("*.txt")))
    assert query(wh, "SELECT count(*) FROM sources WHERE status = 'ok'") == [(n_seeds + 1,)]
