# The portal's Tryton module: customer authentication RPC for the gateway's technical user,
# API tokens, and record rules that scope every read to the customer of the request.
from trytond.pool import Pool

from . import (
    bank, compat, email_change, links, logfilter, party, portal, rule, sale, writes)


def register():
    # Before any call is dispatched: trytond logs every call's arguments (logfilter.py).
    logfilter.install()
    Pool.register(
        compat.ModelAccess,
        compat.RuleGroup,
        links.WebUser,
        portal.ApiToken,
        portal.PortalGateway,
        bank.PortalGateway,
        rule.Rule,
        writes.Idempotency,
        sale.Sale,
        sale.SaleAnswer,
        sale.PortalGateway,
        party.PortalGateway,
        email_change.EmailChange,
        email_change.PortalGateway,
        module='portal_api', type_='model')
