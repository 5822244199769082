"""The JSON-RPC layer under the server: pygls's protocol, made to answer every request.

JSON-RPC 2.0 and the LSP want an answer to each request, even one that cannot be read, or
the client waits for it forever. pygls reads such messages but leaves them unanswered; here
they get the error the specification names:

- a body that is not JSON (or not UTF-8): -32700 Parse error, with id null (answered from
  `NumcheckServer.report_server_error`, pygls's hook for errors in its read loop);
- a request whose params do not fit its method (a hover without `position`, a line that is
  not a number): -32602 Invalid params, with the request's id;
- JSON that is not a request, notification or response (an array, a number, an object
  without "jsonrpc" or with another version), or a request whose id is neither a number
  nor a string: -32600 Invalid Request, with the id when it has a usable one, else null;
- a request after `shutdown`: -32600 Invalid Request, as the LSP says.

A notification is never answered (JSON-RPC forbids it): one that cannot be read is logged
and skipped. Either way the server reads on.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, Optional, Union

from cattrs import transform_error
from cattrs.errors import ClassValidationError
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCProtocol, RPCError, RPCNotification, RPCRequest, RPCResponse

log = logging.getLogger(__name__)

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
INVALID_PARAMS = -32602

MsgId = Union[int, str]
_CAMEL = re.compile(r"(?<=[a-z0-9])_([a-z])")


def usable_id(value: object) -> Optional[MsgId]:
    """A request id JSON-RPC allows (a number or a string), or None."""
    return value if isinstance(value, (int, str)) and not isinstance(value, bool) else None


def why_unreadable(exc: BaseException) -> str:
    """What is wrong with a message, in a line: the fields cattrs could not read
    ("required field missing @ $.params.position"), never the message's content."""
    cause = exc.__cause__ or exc
    if isinstance(cause, ClassValidationError):
        # cattrs names lsprotocol's attributes (text_document); the client wrote textDocument
        reasons = [_CAMEL.sub(lambda m: m.group(1).upper(), r) for r in transform_error(cause)]
        text = "; ".join(reasons[:3]) + ("; ..." if len(reasons) > 3 else "")
    else:
        text = str(cause) or type(cause).__name__
    return text[:300]


class AnsweredErrors(logging.Filter):
    """Leaves out pygls's tracebacks for the messages answered here: they are the client's
    mistake, not a fault in the server, and a line of our own says what was wrong."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "pygls.protocol.json_rpc":
            return not record.getMessage().startswith("Unable to deserialize message")
        exc = record.exc_info[1] if record.exc_info else None
        return not (record.msg == "Unable to handle message"
                    and isinstance(exc, (ValueError, RecursionError, JsonRpcException)))


def quiet_pygls_tracebacks() -> None:
    for name in ("pygls.protocol.json_rpc", "pygls.server"):  # pygls's reading and its read loop
        logger = logging.getLogger(name)
        if not any(isinstance(f, AnsweredErrors) for f in logger.filters):
            logger.addFilter(AnsweredErrors())


@dataclass(frozen=True)
class Unreadable:
    """A message with a method that pygls could not read into the method's types."""

    method: str
    id: Optional[MsgId]  # the request's id, if it has a usable one
    request: bool  # False for a notification: nothing may be sent back
    reason: str


class NumcheckProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        """pygls's reading of each JSON object (the json module's object hook); a message it
        cannot read is kept as `Unreadable` for `handle_message` to answer, not raised inside
        the JSON decoder, where its id would be lost."""
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if not isinstance(data.get("method"), str):
                raise  # a malformed response, or no method at all: answered as an invalid request
            return Unreadable(data["method"], usable_id(data.get("id")), "id" in data, why_unreadable(exc))

    def handle_message(self, message: Any) -> None:
        if isinstance(message, Unreadable):
            if not message.request:
                log.warning("skipped a %s notification that cannot be read: %s", message.method, message.reason)
                return
            log.warning("answered a %s request that cannot be read: %s", message.method, message.reason)
            if message.id is None:
                self.reply_error(None, INVALID_REQUEST, f"Invalid Request: the {message.method} request's id "
                                 "is neither a number nor a string")
            else:
                self.reply_error(message.id, INVALID_PARAMS, f"Invalid params for {message.method}: {message.reason}")
            return
        if not isinstance(message, (RPCRequest, RPCNotification, RPCResponse, RPCError)):
            self.reply_error(self._id_of(message), INVALID_REQUEST,
                             'Invalid Request: not a JSON-RPC message (an object with "jsonrpc": "2.0" and '
                             "a method, or a response)")
            return
        if message.jsonrpc != JsonRPCProtocol.VERSION:
            if isinstance(message, RPCRequest):
                self.reply_error(usable_id(message.id), INVALID_REQUEST,
                                 f"Invalid Request: jsonrpc must be {JsonRPCProtocol.VERSION!r}")
            else:
                log.warning("skipped a message for JSON-RPC %r", message.jsonrpc)
            return
        if isinstance(message, RPCRequest) and usable_id(message.id) is None:
            self.reply_error(None, INVALID_REQUEST, "Invalid Request: the id is neither a number nor a string")
            return
        if self._shutdown and isinstance(message, RPCRequest):
            self.reply_error(message.id, INVALID_REQUEST, "Invalid Request: the server is shut down")
            return
        super().handle_message(message)

    @staticmethod
    def _id_of(message: Any) -> Optional[MsgId]:
        return usable_id(message.get("id")) if isinstance(message, dict) and "method" in message else None

    def reply_error(self, msg_id: Optional[MsgId], code: int, message: str) -> None:
        """An error response; written as plain JSON, since JSON-RPC wants "id": null where the id
        is unknown and lsprotocol's converter would leave a None id out."""
        self._send_data({"jsonrpc": JsonRPCProtocol.VERSION, "id": msg_id, "error": {"code": code, "message": message}})

    def answer_unread(self, error: Exception) -> bool:
        """Answer a message pygls's read loop could not read, given the error it stopped at
        (what its error handler receives); False for any other error."""
        if isinstance(error, (ValueError, RecursionError)):  # the JSON decoder's: not JSON, not UTF-8, too deep
            log.warning("a message that is not JSON: %s", why_unreadable(error))
            self.reply_error(None, PARSE_ERROR, f"Parse error: the message is not JSON ({why_unreadable(error)})")
            return True
        if isinstance(error, JsonRpcException):  # raised by `structure_message` for a message without a method
            log.warning("a message without a method that cannot be read: %s", why_unreadable(error))
            self.reply_error(None, INVALID_REQUEST, "Invalid Request: a message without a method that cannot be read")
            return True
        return False

