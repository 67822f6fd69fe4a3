# The portal's Tryton module: customer authentication RPC for the gateway's technical user,
# API tokens, and record rules that scope every read to the customer of the request.
from trytond.pool import Pool

from . import (
    authors, bank, compat, complaint, email_change, links, logfilter, members, online_payment,
    party, portal, rule, sale, writes)


def register():
    # Before any call is dispatched: trytond logs every call's arguments (logfilter.py).
    logfilter.install()
    online_payment.use_stripe_api_base()
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
        online_payment.PortalGateway,
        party.PortalGateway,
        email_change.EmailChange,
        email_change.PortalGateway,
        complaint.Complaint,
        complaint.PortalGateway,
        members.WebUser,
        members.PortalGateway,
        authors.Sale,
        authors.Complaint,
        authors.Address,
        authors.ContactMechanism,
        module='portal_api', type_='model')
    # Online payment of invoices, when Tryton's Stripe module is activated too.
    Pool.register(
        online_payment.StripePortalGateway,
        authors.Payment,
        module='portal_api', type_='model', depends=['account_payment_stripe'])
