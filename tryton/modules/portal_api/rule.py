"""Record rules scoped to the customer of the request.

The gateway passes the customer's web session key (`portal_session`) or API token
(`portal_token`) in the context of every read. `_get_context` resolves it to the customer's
parties (`portal_parties`), which the rules of the "Portal gateway" group compare with, and
`_get_cache_key` includes those parties, resolved again on every call, not the raw key: Tryton
caches rule domains for the life of the process, so a key logged out, revoked or expired after
its first use would otherwise keep the domain computed while it was valid. No key, or an
unknown or expired one, gives no parties: no customer record at all.

A member's role narrows this per model (roles.py): a model whose scope the credential lacks
(an accountant's sales, a buyer's invoices) sees no parties, so no record at all.

Tryton 7.x passes `_get_context` the rule's model name and `_get_cache_key` the names of the
models checked; a call without a model name sees no parties (closed, not open).
"""
from trytond.pool import PoolMeta
from trytond.transaction import Transaction

from .portal import context_credential, context_parties, web_user_parties
from .roles import MODEL_SCOPES


def model_parties(args):
    "The parties the rules of the model (7.x passes its name) may see."
    if not args or not isinstance(args[0], str):
        return []
    return context_parties(Transaction().context, MODEL_SCOPES.get(args[0]))


class Rule(metaclass=PoolMeta):
    __name__ = 'ir.rule'

    @classmethod
    def _get_context(cls, *args):
        context = super()._get_context(*args)
        context['portal_parties'] = model_parties(args)
        return context

    @classmethod
    def _get_cache_key(cls, *args):
        key = super()._get_cache_key(*args)
        # The rules of several models share a key: it holds the credential's scopes, not one
        # model's parties.
        user, scopes = context_credential(Transaction().context)
        parties = web_user_parties(user)
        return key + (tuple(sorted(parties)), tuple(sorted(scopes)))
