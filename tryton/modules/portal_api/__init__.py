# The portal's Tryton module: customer authentication RPC for the gateway's technical user,
# API tokens, and record rules that scope every read to the customer of the request.
from trytond.pool import Pool

from . import compat, portal, rule


def register():
    Pool.register(
        compat.ModelAccess,
        compat.RuleGroup,
        portal.ApiToken,
        portal.PortalGateway,
        rule.Rule,
        module='portal_api', type_='model')
