"""What a real SMTP server received, for tests that follow the links in the mails."""

import email
import email.policy
import re
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager

from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://\S+/mitmachen/\S+/")


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.port = 0
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [message for recipients, message in self.messages if address in recipients]

    def wait_for(self, address: str, count: int = 1, seconds: float = 30) -> list[email.message.EmailMessage]:
        """The messages to `address` once there are `count` of them (the server works in its own thread)."""
        deadline = time.monotonic() + seconds
        while len(self.to(address)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{count} E-Mail(s) an {address} nicht angekommen: {len(self.to(address))}")
            time.sleep(0.05)
        return self.to(address)

    def link(self, address: str, count: int = 1) -> str:
        """The first link to the participation pages in the `count`-th mail to `address`."""
        message = self.wait_for(address, count)[count - 1]
        return LINK.findall(message.get_content())[0]


@contextmanager
def smtp_server() -> Iterator[Inbox]:
    """A real SMTP server on a free port of 127.0.0.1 (no TLS), for as long as the block runs."""
    inbox = Inbox()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        inbox.port = sock.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
