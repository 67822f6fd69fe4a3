"""Record rules scoped to the customer of the request.

The gateway passes the customer's web session key (`portal_session`) or API token
(`portal_token`) in the context of every read. `_get_context` resolves it to the customer's
parties (`portal_parties`), which the rules of the "Portal gateway" group compare with, and
`_get_cache_key` includes those parties, resolved again on every call, not the raw key: Tryton
caches rule domains for the life of the process, so a key logged out, revoked or expired after
its first use would otherwise keep the domain computed while it was valid. No key, or an
unknown or expired one, gives no parties: no customer record at all.

Tryton 6.0 declares both as static methods without arguments; 7.x passes the model name.
`*args` keeps one implementation for both.
"""
from trytond.pool import PoolMeta
from trytond.transaction import Transaction

from .portal import context_parties


class Rule(metaclass=PoolMeta):
    __name__ = 'ir.rule'

    @classmethod
    def _get_context(cls, *args):
        context = super()._get_context(*args)
        context['portal_parties'] = context_parties(Transaction().context)
        return context

    @classmethod
    def _get_cache_key(cls, *args):
        key = super()._get_cache_key(*args)
        parties = context_parties(Transaction().context)
        return key + (tuple(sorted(parties)),)
