"""Item 1 of issue 18: idle single-user servers are culled by jupyterhub-idle-culler, run from the deploy config.

A real JupyterHub (tests/hubtest.py) with the kit's own culler service and a short timeout: a server nobody
uses is stopped by the culler, and the user can start it again with their journal intact.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import sqlalchemy as sa

from intervisie_kit.hub.hubconfig import CULLER_SERVICE

from .hubtest import hub_database, running_hub, wait_until

IDA = "ida"
CULL_TIMEOUT = 6  # seconds without activity; the deploy default is 3600
CULL_EVERY = 2


def test_an_idle_server_is_culled_and_starts_again(tmp_path: Path) -> None:
    env = {"INTERVISIE_KIT_CULL_TIMEOUT": str(CULL_TIMEOUT), "INTERVISIE_KIT_CULL_EVERY": str(CULL_EVERY)}
    with (
        hub_database() as db_url,
        running_hub(tmp_path / "hub", {IDA: f"pw-{uuid.uuid4().hex}"}, db_url=db_url, env=env) as hub,
    ):
        hub.create_users(IDA)
        hub.start_server(IDA)
        hub.wait_ready(IDA)
        assert hub.user_processes(IDA), "ida's server runs"
        # Nobody opens a page: after the timeout the culler stops the server.
        wait_until(lambda: "" not in hub.user(IDA).get("servers", {}), 90, "the culler to stop ida's idle server", 0.5)
        wait_until(lambda: not hub.user_processes(IDA), 30, "ida's server processes to end", 0.25)
        assert f"Culling server {IDA}" in hub.log(), hub.log()[-3000:]
        assert CULLER_SERVICE in hub.log()
        # Culled is not erased: the same user starts again (a new database password, the same journal row).
        hub.start_server(IDA)
        hub.wait_ready(IDA)
        hub.stop_server(IDA)
        engine = sa.create_engine(db_url)
        try:
            with engine.connect() as conn:
                rows = conn.execute(sa.text("SELECT count(*) FROM trainees WHERE hub_user = :u"), {"u": IDA}).scalar()
        finally:
            engine.dispose()
        assert rows == 1
    assert hub.forced == [], f"processes outlived the hub's shutdown: {hub.forced}"
