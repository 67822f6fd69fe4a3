"""Keeps the portal's secrets out of trytond's log.

trytond's dispatcher logs every RPC call with its arguments: at INFO once it answers, at ERROR
with the traceback when it fails, and at DEBUG its result (`trytond.protocols.dispatcher`,
`log_message` / `format_args`, the same on 7.0, 7.6 and 8.0). Through the gateway these carry
live credentials:

- every customer read has the customer's web session key (`portal_session`) or API token
  (`portal_token`) in its context;
- `portal.gateway.*` takes e-mails, passwords, session keys and reset or validation tokens as
  arguments, and returns session keys and API tokens.

Without a verbose (DEBUG) dispatcher, trytond shortens each string to 17 characters; with it,
everything is written in full; 8.0 hides context keys containing "password", "token" or
"secret", never "portal_session". The filter below is put on the dispatcher's logger once, when
the module registers: it redacts every argument (and the DEBUG result) of `portal.gateway`
calls, and the values of secret-looking keys in any mapping logged with other calls (the
context). The model and method stay, so operators still see which call failed and when.
"""
import logging
import threading
from collections.abc import Mapping

DISPATCHER_LOGGER = 'trytond.protocols.dispatcher'
# The dispatcher's format (7.0 to 8.0): model, method, arguments, user, address, path, duration.
CALL_MESSAGE = '%s.%s%s from %s@%s%s in %i ms'
RESULT_MESSAGE = 'Result: %r'
GATEWAY_MODEL = 'portal.gateway'
REDACTED = '<redacted>'
# A key holding one of these words holds a secret (portal_session, portal_token, password...).
SECRET_WORDS = ('session', 'token', 'password', 'passwd', 'secret')
_MAX_DEPTH = 8


def is_secret_key(key):
    return isinstance(key, str) and any(w in key.lower() for w in SECRET_WORDS)


def scrub(value, depth=0):
    "A copy of value with the values of secret-looking mapping keys replaced."
    if depth > _MAX_DEPTH:
        return REDACTED
    if isinstance(value, Mapping):
        return {
            k: REDACTED if is_secret_key(k) else scrub(v, depth + 1)
            for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(scrub(v, depth + 1) for v in value)
    return value


class _Redacted:
    "Stands for the arguments of a gateway call: how many there were, none of their values."
    __slots__ = ('count',)

    def __init__(self, count):
        self.count = count

    def __str__(self):
        return '(%s argument(s) %s)' % (self.count, REDACTED)


def _scrubbed_arguments(formatted):
    "trytond's format_args of the call, with its secret-looking values redacted."
    args = getattr(formatted, 'args', None)
    kwargs = getattr(formatted, 'kwargs', None)
    if args is None:
        # Not the format_args this filter knows: log nothing of the arguments rather than guess.
        return _Redacted('?')
    try:
        return type(formatted)(
            scrub(tuple(args)), scrub(dict(kwargs or {})),
            formatted.verbose, formatted.max_args, formatted.max_items)
    except Exception:
        return _Redacted(len(args))


class RedactSecrets(logging.Filter):
    "Redacts the portal's credentials from the dispatcher's records (see the module's doc)."

    def __init__(self):
        super().__init__()
        # The DEBUG result follows its call's INFO record on the same thread.
        self._local = threading.local()

    def filter(self, record):
        try:
            self._redact(record)
        except Exception:
            # Never lose a log line, nor leak one: when in doubt, keep only the message.
            record.args = ()
            record.msg = 'call logged without its arguments (%s)' % REDACTED
        return True

    def _redact(self, record):
        if record.msg == CALL_MESSAGE and isinstance(record.args, tuple) \
                and len(record.args) >= 3:
            args = list(record.args)
            gateway = args[0] == GATEWAY_MODEL
            self._local.gateway_call = gateway
            if gateway:
                count = len(getattr(args[2], 'args', ()) or ())
                count += len(getattr(args[2], 'kwargs', None) or {})
                args[2] = _Redacted(count)
            else:
                args[2] = _scrubbed_arguments(args[2])
            record.args = tuple(args)
        elif record.msg == RESULT_MESSAGE:
            if getattr(self._local, 'gateway_call', False):
                record.args = (REDACTED,)
            elif isinstance(record.args, Mapping):
                # logging keeps a lone mapping argument as the record's args itself.
                record.args = scrub(record.args)
            elif isinstance(record.args, tuple):
                record.args = tuple(scrub(a) for a in record.args)


def install(logger_name=DISPATCHER_LOGGER):
    "Put the filter on the dispatcher's logger, once per process."
    logger = logging.getLogger(logger_name)
    for existing in logger.filters:
        # By name: a second import of the module (another pool) makes another class.
        if type(existing).__name__ == RedactSecrets.__name__:
            return existing
    redactor = RedactSecrets()
    logger.addFilter(redactor)
    return redactor
