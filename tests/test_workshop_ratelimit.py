"""The join limiter and the workshop's access rule, as pure functions (no server, no sleeping)."""

from __future__ import annotations

import pytest

from intervisie_kit.workshop import JOIN_ATTEMPTS, JOIN_GLOBAL, JOIN_WINDOW
from intervisie_kit.workshop.network import is_loopback, join_url, lan_addresses, qr_svg
from intervisie_kit.workshop.ratelimit import JoinLimiter
from intervisie_kit.workshop.web import PARTICIPANT_PAGES, Access, decide


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def limiter(clock: Clock, **kw: int) -> JoinLimiter:
    args = {"attempts": JOIN_ATTEMPTS, "window": JOIN_WINDOW, "global_limit": JOIN_GLOBAL, **kw}
    return JoinLimiter(args["attempts"], args["window"], args["global_limit"], clock=clock)


def test_five_wrong_codes_block_the_address_until_the_window_passes() -> None:
    clock = Clock()
    lim = limiter(clock)
    for _ in range(JOIN_ATTEMPTS):
        assert lim.check("10.0.0.5", "123456").allowed
        lim.failure("10.0.0.5", "123456")
        clock.now += 1
    verdict = lim.check("10.0.0.5", "123456")
    assert not verdict.allowed and not verdict.paused
    assert JOIN_WINDOW - JOIN_ATTEMPTS <= verdict.retry_after <= JOIN_WINDOW
    assert lim.check("10.0.0.6", "123456").allowed  # another phone is not affected
    clock.now += verdict.retry_after
    assert lim.check("10.0.0.5", "123456").allowed  # the oldest failure left the window


def test_the_room_limit_pauses_joining_until_a_new_code() -> None:
    clock = Clock()
    lim = limiter(clock, attempts=1000, global_limit=10)
    for i in range(10):
        lim.failure(f"10.0.1.{i}", "111111")
    assert lim.paused
    verdict = lim.check("10.0.2.1", "111111")
    assert not verdict.allowed and verdict.paused  # a fresh address too: the code itself is burnt
    assert lim.paused_for("111111")  # what the wall shows the trainer
    assert not lim.paused_for("222222")  # the trainer made a new code
    assert lim.check("10.0.2.1", "222222").allowed
    assert not lim.paused


def test_memory_is_bounded() -> None:
    clock = Clock()
    lim = JoinLimiter(5, 600, 10**9, clock=clock, max_clients=100)
    for i in range(5000):
        lim.failure(f"10.{i // 65536}.{i // 256 % 256}.{i % 256}", "1")
    assert lim.remembered() == 100


@pytest.mark.parametrize(
    ("path", "who", "access"),
    [
        ("/join", "nobody", Access.PASS),
        ("/workshop/api/join", "nobody", Access.PASS),
        ("/", "nobody", Access.LOGIN),
        ("/", "participant", Access.PHONE),
        ("/", "trainer", Access.PASS),
        ("/voila/render/04_vragen_oefenen.ipynb", "nobody", Access.LOGIN),
        ("/voila/render/04_vragen_oefenen.ipynb", "participant", Access.PASS),
        ("/voila/render/05_sessie_begeleiden.ipynb", "participant", Access.PAGE_FORBIDDEN),
        ("/voila/render/11_startdag.ipynb", "participant", Access.PAGE_FORBIDDEN),
        ("/voila/render/11_startdag.ipynb", "trainer", Access.PASS),
        ("/voila/render/04_x.ipynb/../11_startdag.ipynb", "participant", Access.FORBIDDEN),
        ("/voila/render/%2E%2E/11_startdag.ipynb", "participant", Access.FORBIDDEN),
        ("/voila/render/sub/04_x.ipynb", "participant", Access.PAGE_FORBIDDEN),
        ("/workshop/static/..%2F..%2Fserver.py", "participant", Access.FORBIDDEN),
        ("/voila/tree", "participant", Access.FORBIDDEN),
        ("/voila/api/contents", "participant", Access.FORBIDDEN),
        ("/api/kernels", "participant", Access.FORBIDDEN),
        ("/api/sessions", "participant", Access.FORBIDDEN),
        ("/api/kernelspecs", "nobody", Access.FORBIDDEN),
        ("/api/kernels", "trainer", Access.PASS),
        ("/voila/static/voila.js", "nobody", Access.PASS),
        ("/voila/files/x.png", "nobody", Access.FORBIDDEN),
        ("/voila/files/x.png", "participant", Access.PASS),
        ("/api/kernels/4f1c2a3b-0000-1111-2222-333344445555/channels", "participant", Access.OWNER),
        ("/api/kernels/4f1c2a3b-0000-1111-2222-333344445555", "trainer", Access.OWNER),
        ("/voila/api/shutdown/4f1c2a3b-0000-1111-2222-333344445555", "nobody", Access.OWNER),
    ],
)
def test_access_rule(path: str, who: str, access: Access) -> None:
    decision = decide(path, loopback=False, trainer=who == "trainer", participant=who == "participant")
    assert decision.access is access


def test_request_info_only_from_loopback() -> None:
    kernel = "/voila/query/4f1c2a3b-0000-1111-2222-333344445555"
    assert decide(kernel, loopback=True, trainer=True, participant=False).access is Access.PASS
    # a trainer's second device is not the server's own kernel
    assert decide(kernel, loopback=False, trainer=True, participant=False).access is Access.LOOPBACK_ONLY


def test_participant_pages_are_the_contracts() -> None:
    assert PARTICIPANT_PAGES == ("00", "01", "03", "04", "06", "07", "10")


@pytest.mark.parametrize(
    ("address", "loopback"),
    [("127.0.0.1", True), ("127.5.0.1", True), ("::1", True), ("::ffff:127.0.0.1", True),
     ("192.168.1.20", False), ("10.0.0.1", False), ("fe80::1%eth0", False), ("", False), ("nonsense", False)],
)  # fmt: skip
def test_loopback_decides_the_trainer(address: str, loopback: bool) -> None:
    assert is_loopback(address) is loopback


def test_network_helpers() -> None:
    assert all(not a.startswith("127.") for a in lan_addresses())
    assert lan_addresses(["10.9.8.7"])[-1] == "10.9.8.7"
    assert join_url("10.0.0.2", 8866) == "http://10.0.0.2:8866/join"
    assert join_url("laptop.local", 443, https=True) == "https://laptop.local/join"
    svg = qr_svg("http://10.0.0.2:8866/join")
    assert svg.startswith("<svg") and "<?xml" not in svg and "<title>" in svg
    assert qr_svg("http://10.0.0.2:8866/join") is svg  # built once per address
