"""Paying an invoice online, through Tryton's own Stripe module (account_payment_stripe).

The portal creates what the company's staff would: an `account.payment` of the invoice's
line to pay, in the company's Stripe payment journal, then Tryton's Stripe checkout of it
(a PaymentIntent and Tryton's checkout page). Stripe tells Tryton the outcome through the
account's webhook (`/<db>/account_payment_stripe/webhook/<identifier>`), and Tryton moves the
payment to succeeded or failed: the portal only reads it.

account_payment_stripe is optional (`extras_depend`): without it, or without a Stripe
journal for the company and currency, every invoice answers that online payment is
unavailable and `pay_invoice` refuses with `unavailable`.
"""
import urllib.parse
from decimal import Decimal, InvalidOperation

from trytond.config import config
from trytond.pool import Pool, PoolMeta
from trytond.rpc import RPC
from trytond.transaction import Transaction

from .portal import as_root, check_gateway, context_parties
from .roles import INVOICES_READ
from .writes import as_company, field_error, invalid, run_write

# What the customer sees of an invoice (the record rule of account.invoice says the same).
PAYABLE_STATE = 'posted'
# Payments the portal shows on an invoice, newest last.
MAX_PAYMENTS = 50


def use_stripe_api_base():
    """Points the stripe library at `[portal_api] stripe_api_base` when it is set: a local
    stand-in of Stripe's API for development and tests (packages/devstack). The library reads
    `stripe.api_base` at each request, so setting it once when the module loads is enough;
    production leaves the option unset and talks to Stripe."""
    api_base = config.get('portal_api', 'stripe_api_base', default='')
    if not api_base:
        return
    try:
        import stripe
    except ImportError:
        return
    stripe.api_base = api_base


def public_checkout_url(url):
    """Tryton's checkout URL as the customer's browser reaches it. Tryton builds it from the
    host of the request, the gateway's own address of Tryton (`http://tryton:8000` in
    production); `[portal_api] checkout_base_url` (the public origin of traefik's route to
    Tryton's Stripe pages) replaces that origin."""
    base = config.get('portal_api', 'checkout_base_url', default='')
    if not base:
        return url
    public = urllib.parse.urlsplit(base)
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(
        (public.scheme, public.netloc, parts.path, parts.query, parts.fragment))


def customer_invoice(invoice_id, parties):
    "The customer's invoice `invoice_id` as the record rule shows it (call as root), or None."
    Invoice = Pool().get('account.invoice')
    if (not isinstance(invoice_id, int) or isinstance(invoice_id, bool)
            or not parties):
        return None
    invoices = Invoice.search([
            ('id', '=', invoice_id),
            ('type', '=', 'out'),
            ('party', 'in', parties),
            ('state', 'in', ['posted', 'paid', 'cancelled']),
            ], limit=1)
    return invoices[0] if invoices else None


def parse_amount(value):
    "A positive Decimal from the gateway's Decimal or text, or None."
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, str, Decimal)):
        try:
            amount = Decimal(value)
        except (InvalidOperation, ValueError):
            return None
        if amount.is_finite():
            return amount
    return None


class PortalGateway(metaclass=PoolMeta):
    __name__ = 'portal.gateway'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__.update({
                'online_payment_currencies': RPC(readonly=True, check_access=False),
                'pay_invoice': RPC(readonly=False, check_access=False),
                'invoice_online_payments': RPC(readonly=True, check_access=False),
                })

    @classmethod
    def _stripe_journal(cls, company, currency):
        """The company's Stripe payment journal in `currency` (call as root), or None. None
        without account_payment_stripe; its extension below finds it."""
        return None

    @classmethod
    def _online_payments(cls, invoice):
        "The portal's view of the invoice's payments (call as root); none without Stripe."
        return []

    @classmethod
    def _checkout(cls, invoice, line, journal, amount, user):
        """Creates the payment and its checkout, naming `user` (the web user of the
        credential) who paid: `{payment, checkout_url}`."""
        raise NotImplementedError

    @classmethod
    def online_payment_currencies(cls):
        """The currencies (ISO codes) the company of the context takes online payments in,
        for the customer of the context: empty without a valid customer key, a company or a
        Stripe journal."""
        check_gateway()
        context = Transaction().context
        company_id = context.get('company')
        if (not context_parties(context, INVOICES_READ)
                or not isinstance(company_id, int)):
            return []
        pool = Pool()
        Company = pool.get('company.company')
        Currency = pool.get('currency.currency')
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            company = Company(company_id)
            return sorted(c.code for c in Currency.search([])
                if cls._stripe_journal(company, c))

    @classmethod
    def invoice_online_payments(cls, invoice_id):
        """The online payments of one of the customer's invoices, oldest first:
        `[{"id", "amount", "currency", "state", "date", "paid_by"}]` where state is Tryton's
        (submitted, approved, processing, succeeded, failed) and paid_by the e-mail of the
        member who paid (None when the staff made it); [] when it is not theirs."""
        check_gateway()
        parties = context_parties(Transaction().context, INVOICES_READ)
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            invoice = customer_invoice(invoice_id, parties)
            if invoice is None:
                return []
            return cls._online_payments(invoice)

    @classmethod
    def pay_invoice(cls, invoice_id, amount, key):
        """Starts paying `amount` (a Decimal, at most what is left) of one of the customer's
        posted invoices online: a Stripe payment of the invoice's line to pay and Tryton's
        checkout of it. Answers `{"status": "ok", "payment", "checkout_url"}`; the same key
        gives the same payment and checkout again."""
        value = parse_amount(amount)
        if value is None or value <= 0:
            return invalid(field_error(
                    'amount', 'AMOUNT_NOT_POSITIVE',
                    'The amount must be a number greater than zero.'))
        # One text per amount: 12, 12.0 and 12.00 are the same input for the key.
        payload = {'invoice': invoice_id, 'amount': '{:f}'.format(value.normalize())}

        def act(user, parties):
            invoice = customer_invoice(invoice_id, parties)
            if invoice is None:
                return {'status': 'not_found'}
            if invoice.state != PAYABLE_STATE:
                return {'status': 'invalid_state', 'invoice': invoice.id,
                    'state': invoice.state}
            with as_company(invoice.company):
                journal = cls._stripe_journal(invoice.company, invoice.currency)
                if journal is None:
                    return {'status': 'unavailable', 'invoice': invoice.id}
                # Two customers of one party (secondary parties) paying at once: one after
                # the other, so both cannot pay what is left.
                Pool().get('account.invoice').lock([invoice])
                if value != invoice.currency.round(value):
                    return invalid(field_error(
                            'amount', 'AMOUNT_PRECISION',
                            'The amount has at most %s decimals.'
                            % invoice.currency.digits))
                line = line_to_pay(invoice)
                left = min(invoice.amount_to_pay, line.payment_amount) if line else 0
                if value > left:
                    return invalid(field_error(
                            'amount', 'AMOUNT_TOO_HIGH',
                            'The amount is more than what is left to pay (%s).' % left))
                done = cls._checkout(invoice, line, journal, value, user)
            return dict(done, status='ok', invoice=invoice.id)
        return run_write('pay_invoice', key, payload, act)


def line_to_pay(invoice):
    """The line a payment of the invoice goes on, as Tryton's "Pay" of the lines would
    choose: the first by maturity of the invoice's lines to pay that still has an amount to
    pay (not reconciled, not fully covered by other payments)."""
    lines = [l for l in invoice.lines_to_pay
        if not l.reconciliation and (l.payment_amount or 0) > 0]
    lines.sort(key=lambda l: (l.maturity_date or l.date, l.id))
    return lines[0] if lines else None


class StripePortalGateway(metaclass=PoolMeta):
    "The online payment of invoices, when account_payment_stripe is activated."
    __name__ = 'portal.gateway'

    @classmethod
    def _stripe_journal(cls, company, currency):
        Journal = Pool().get('account.payment.journal')
        journals = Journal.search([
                ('company', '=', company.id),
                ('currency', '=', currency.id),
                ('process_method', '=', 'stripe'),
                ('stripe_account', '!=', None),
                ], order=[('id', 'ASC')], limit=1)
        return journals[0] if journals else None

    @classmethod
    def _online_payments(cls, invoice):
        Payment = Pool().get('account.payment')
        payments = Payment.search([
                ('line', 'in', [l.id for l in invoice.lines_to_pay]),
                ('journal.process_method', '=', 'stripe'),
                ('kind', '=', 'receivable'),
                ], order=[('create_date', 'ASC'), ('id', 'ASC')], limit=MAX_PAYMENTS)
        return [{
                'id': p.id,
                'amount': p.amount,
                'currency': p.currency.code,
                'state': p.state,
                'date': p.date,
                'paid_by': p.portal_paid_by_email,
                } for p in payments]

    @classmethod
    def _checkout(cls, invoice, line, journal, amount, user):
        """Tryton's own steps, as the staff would click them: a receivable payment of the
        line in the Stripe journal, submitted; its Stripe checkout (a PaymentIntent of the
        amount, with the payment's own idempotency key); then processing, so that Stripe's
        webhook can mark it succeeded or failed even if the customer never comes back from
        the checkout page. The payment names the member who paid (`portal_paid_by`,
        authors.py)."""
        pool = Pool()
        Payment = pool.get('account.payment')
        Date = pool.get('ir.date')
        payment = Payment(
            company=invoice.company,
            journal=journal,
            party=invoice.party,
            kind='receivable',
            amount=amount,
            line=line,
            currency=journal.currency,
            date=Date.today(),
            reference=invoice.number,
            portal_paid_by=user,
            )
        payment.save()
        Payment.submit([payment])
        Payment.stripe_checkout([payment])
        Payment.process([payment])
        payment = Payment(payment.id)
        return {'payment': payment.id,
            'checkout_url': public_checkout_url(payment.stripe_checkout_url)}
