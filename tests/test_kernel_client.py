"""QuickReadyClient: jupyter_client's start-up handshake without the 0.2 s idle drain at its end.

Fake channels stand in for the kernel, so each path of the handshake is checked without starting one;
the render tests run it against real kernels.
"""

from __future__ import annotations

import asyncio
from queue import Empty

import pytest

from evalkit.report._kernel_client import DRAIN, IOPUB_CHECK, QuickReadyClient


class _Channel:
    """Hands out scripted messages; an ``Empty`` in the script is a timeout. Records each wait."""

    def __init__(self, script: list) -> None:
        self.script = list(script)
        self.waits: list[float | None] = []

    async def get_msg(self, timeout: float | None = None) -> dict:
        self.waits.append(timeout)
        if not self.script:
            raise Empty
        item = self.script.pop(0)
        if item is Empty:
            raise Empty
        return item


def _client(shell: list, iopub: list, *, alive: bool = True) -> QuickReadyClient:
    kc = QuickReadyClient()
    kc.sent = 0

    def kernel_info() -> str:
        kc.sent += 1
        return f"req{kc.sent}"

    async def is_alive() -> bool:
        return alive

    kc.kernel_info, kc.is_alive = kernel_info, is_alive
    # the channels are properties of the real client; the fakes go on this instance's class
    fake = type("FakeChannels", (QuickReadyClient,), {"shell_channel": _Channel(shell), "iopub_channel": _Channel(iopub)})
    kc.__class__ = fake
    return kc


REPLY = {"msg_type": "kernel_info_reply", "content": {"protocol_version": "5.3"}}
WELCOME = {"msg_type": "iopub_welcome"}
STATUS = {"msg_type": "status"}


def test_ready_at_the_first_iopub_message_then_only_what_has_arrived_is_drained():
    kc = _client([REPLY], [WELCOME, STATUS, STATUS])
    asyncio.run(kc.wait_for_ready(timeout=5))
    assert kc.sent == 1
    # the IOPub check waits as jupyter_client does; the drain never waits 0.2 s for silence
    assert kc.iopub_channel.waits == [IOPUB_CHECK, DRAIN, DRAIN, DRAIN]
    assert DRAIN < IOPUB_CHECK and not kc.iopub_channel.script


def test_an_unconnected_iopub_sends_kernel_info_again():
    kc = _client([REPLY, REPLY], [Empty, WELCOME])
    asyncio.run(kc.wait_for_ready(timeout=5))
    assert kc.sent == 2


def test_a_dead_kernel_and_a_silent_one_are_the_errors_nbclient_expects():
    with pytest.raises(RuntimeError, match="died before replying"):
        asyncio.run(_client([], [], alive=False).wait_for_ready(timeout=5))
    with pytest.raises(RuntimeError, match="didn't respond in 0 seconds"):
        asyncio.run(_client([], []).wait_for_ready(timeout=0))


def test_report_kernels_use_it():
    from evalkit.report.render import _KernelRun

    run = _KernelRun(None)
    try:
        km = run.manager_class(kernel_name="python3")
        assert km.client_factory is QuickReadyClient
    finally:
        run.close()
