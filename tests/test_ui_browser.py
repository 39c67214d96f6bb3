"""End to end in a real browser: the Dagster UI as a person uses it (issue 7).

Each test starts its own `dagster dev` on a free loopback port, with a temporary
DAGSTER_HOME and temporary copies of sources/ and the warehouse folder, and drives it
with Playwright in Debian's headless Chromium (/usr/bin/chromium; `playwright install`
is never used). Servers are stopped by their process ids (their process group); on
failure a screenshot and the end of the server log are kept under the test's tmp_path.
"""
from __future__ import annotations

import contextlib
import json
import os
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

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
LOCATION = "bicentennial"
REPOSITORY = "__repository__"
SENSOR = "sources_sensor"
SERVER_START_TIMEOUT = 180
RUN_TIMEOUT = 300
SENSOR_RUN_TIMEOUT = 300
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
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _processes_with_env(home_marker):
        time.sleep(0.5)
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


@pytest.fixture
def dagster_server(tmp_path: Path):
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

@pytest.fixture
def page(tmp_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            page = context.new_page()
            page.set_default_timeout(UI_TIMEOUT_MS)
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


def set_sensor(server: DagsterServer, running: bool) -> None:
    sensor = sensor_state(server)
    if (sensor["sensorState"]["status"] == "RUNNING") == running:
        return
    if running:
        data = server.graphql("""mutation($s: SensorSelector!) { startSensor(sensorSelector: $s) {
            __typename ... on Sensor { sensorState { status } } ... on PythonError { message } } }""",
                              {"s": SENSOR_SELECTOR})
        assert data["startSensor"]["__typename"] == "Sensor", data
    else:
        data = server.graphql("""mutation($id: String!) { stopSensor(id: $id) { __typename
            ... on StopSensorMutationResult { instigationState { status } } ... on PythonError { message } } }""",
                              {"id": sensor["id"]})
        assert data["stopSensor"]["__typename"] == "StopSensorMutationResult", data
    assert (sensor_state(server)["sensorState"]["status"] == "RUNNING") == running


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


def open_asset_graph(page, server: DagsterServer):
    """The global asset lineage, with every asset of the location."""
    page.goto(f"{server.url}/asset-groups", wait_until="domcontentloaded")
    button = page.get_by_role("button", name="Materialize all", exact=True)
    button.wait_for(state="visible")
    for asset in ("source_texts", "measurements"):
        page.get_by_text(asset, exact=True).first.wait_for(state="visible")
    return button


# --- the tests --------------------------------------------------------------------------

def test_materialize_all_from_the_asset_graph(dagster_server: DagsterServer, page, tmp_path: Path):
    server = dagster_server
    # The sensor is on by default and may launch a run on its first tick; switch it off so the
    # run checked here is the one the click launched (a sensor run already launched is ignored).
    set_sensor(server, running=False)
    with screenshot_on_failure(page, server, tmp_path, "materialize_all"):
        button = open_asset_graph(page, server)
        page.screenshot(path=str(tmp_path / "asset_graph.png"), full_page=True)
        print(f"asset graph: {tmp_path / 'asset_graph.png'}")
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
    assert query(wh, "SELECT count(*) FROM sources WHERE status = 'ok'") == [(5,)]
    assert query(wh, "SELECT count(*) FROM measurements")[0][0] > 0
    assert query(wh, "SELECT count(*) FROM documents")[0][0] >= 1


def test_sensor_republishes_when_a_statement_is_added(dagster_server: DagsterServer, page, tmp_path: Path):
    server = dagster_server
    with screenshot_on_failure(page, server, tmp_path, "sensor"):
        set_sensor(server, running=True)
        page.goto(f"{server.url}/locations/{LOCATION}/sensors/{SENSOR}", wait_until="domcontentloaded")
        page.get_by_text(SENSOR).first.wait_for(state="visible")
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
    assert query(wh, "SELECT count(*) FROM sources WHERE status = 'ok'") == [(6,)]
