"""An unexpected error in a page action: a message on the page, the traceback in the server log, nothing
of it over the websocket (a real IPython kernel, its messages read as the browser would get them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

CODE = r"""
import logging
import ipywidgets as w
from intervisie_kit.ui import shell
page = shell.PageState.create(load_content=False, lang="en")
header = shell.header(page)
failure = next(c for c in header.children if "ik-page-error" in c._dom_classes)
button = w.Button()
button.on_click(lambda _: open("/nonexistent/SECRET-PATH/x"))
button.click()
print("after click:", "That did not work" in failure.value)
try:
    {}["missing"]
except KeyError:
    logging.getLogger("Comm").error("Exception in comm_msg for %s", "abc", exc_info=True)
print("done")
"""


@pytest.fixture
def kernel(tmp_path: Path):  # type: ignore[no-untyped-def]
    with (tmp_path / "kernel-stderr.txt").open("w") as log:
        km, kc = start_new_kernel(kernel_name="python3", stderr=log)
        try:
            yield kc, tmp_path / "kernel-stderr.txt"
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def test_a_failing_callback_speaks_on_the_page_and_keeps_its_traceback_in_the_server_log(kernel) -> None:  # type: ignore[no-untyped-def]
    kc, stderr_file = kernel
    messages: list[dict] = []
    reply = kc.execute_interactive(CODE, output_hook=messages.append, timeout=120)
    assert reply["content"]["status"] == "ok", reply["content"]
    # execute_input only echoes this test's own code; everything else is what a page's browser would get.
    sent = [(m["msg_type"], str(m["content"])) for m in messages if m["msg_type"] != "execute_input"]
    assert not any(kind == "error" for kind, _ in sent), sent
    everything = " ".join(text for _, text in sent)
    assert "Traceback" not in everything and "SECRET-PATH" not in everything, sent
    assert "after click: True" in everything
    assert "done" in everything
    log = stderr_file.read_text()
    assert "SECRET-PATH" in log and "KeyError" in log  # for the trainer, in the server's window


def test_a_failing_cell_still_fails_for_nbval(kernel) -> None:  # type: ignore[no-untyped-def]
    kc, _ = kernel
    messages: list[dict] = []
    reply = kc.execute_interactive(
        "from intervisie_kit.ui import shell\nshell.header(shell.PageState.create(load_content=False))\n1/0",
        output_hook=messages.append,
        timeout=120,
    )
    assert reply["content"]["status"] == "error"
    assert any(m["msg_type"] == "error" for m in messages)
