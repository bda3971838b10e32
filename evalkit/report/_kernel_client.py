"""A Jupyter kernel client whose start-up handshake ends when the kernel has answered.

jupyter_client's ``wait_for_ready`` (8.x) sends ``kernel_info`` until the reply comes and an IOPub
message shows the subscription is live, then drains IOPub until it has been silent for 0.2 s. The
drain is pure waiting: 0.2 s of every report, about 40 % of a short report's time in a worker
(measured: ``wait_for_ready`` 0.32-0.40 s, of which 0.20 s was the final IOPub timeout).

The drain protects clients that read IOPub without checking whose message it is. nbclient (which
papermill runs) is not one: it handles only messages whose parent is the cell's execute request, so
the kernel_info requests' late status messages cannot be mistaken for a cell's output. This client
therefore keeps the same handshake and drains only what has already arrived.
"""

from __future__ import annotations

import time
from queue import Empty
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient

__all__ = ["QuickReadyClient"]

#: How long the IOPub check waits for the first message after a kernel_info reply (as jupyter_client).
IOPUB_CHECK = 0.2
#: How long the final drain waits for each further message: only what is already on its way.
DRAIN = 0.01


class QuickReadyClient(AsyncKernelClient):  # type: ignore[misc]
    """:class:`~jupyter_client.asynchronous.AsyncKernelClient` with a drain that does not wait 0.2 s."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """Return once the kernel answered ``kernel_info`` and IOPub is connected.

        Raises
        ------
        RuntimeError
            The kernel died first, or did not answer within ``timeout`` seconds (the same errors
            as jupyter_client's, which nbclient turns into a failed kernel start).
        """
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                pass
            else:
                if msg["msg_type"] == "kernel_info_reply":
                    try:  # any IOPub message (ipykernel 7 sends iopub_welcome) proves the subscription
                        await self.iopub_channel.get_msg(timeout=IOPUB_CHECK)
                    except Empty:
                        pass
                    else:
                        self._adapt_protocol(msg)
                        break
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")
        while True:
            try:
                await self.iopub_channel.get_msg(timeout=DRAIN)
            except Empty:
                return

    def _adapt_protocol(self, msg: dict[str, Any]) -> None:
        handle = getattr(self, "_handle_kernel_info_reply", None)  # jupyter_client's own, where it has one
        if handle is not None:
            handle(msg)
