"""Tests of paying an invoice online (online_payment.py), mixed into the test case, which
activates account_payment_stripe with portal_api where the series has it (skipped where not). Stripe's API is replaced here by a
recording function (the gateway's integration tests run the real module against the
devstack's Stripe stand-in)."""
import glob
import os
import unittest
from decimal import Decimal
from types import SimpleNamespace
from unittest.mock import patch

from trytond.modules.company.tests import set_company
from trytond.pool import Pool
from .world_cache import cached_world, with_transaction


try:
    import trytond.modules.account_payment_stripe  # noqa: F401
except ImportError:
    # Tryton 7.0 here runs Debian's modules, without account_payment_stripe (optional).
    HAS_STRIPE = False
else:
    HAS_STRIPE = True

requires_stripe = unittest.skipUnless(HAS_STRIPE, "account_payment_stripe is not installed")
# The views of payment.xml (`depends="account_payment_stripe"`): without Stripe, Tryton loads
# none of them, and its view test would count their files unused.
STRIPE_VIEWS = {'payment_form.xml'}


class StripeRecorder:
    "Answers stripe.PaymentIntent.create like Stripe, once per idempotency key."

    def __init__(self):
        self.calls = []
        self.by_key = {}

    def create(self, **params):
        self.calls.append(params)
        key = params.get('idempotency_key')
        if key not in self.by_key:
            self.by_key[key] = SimpleNamespace(id='pi_test_%s' % len(self.by_key))
        return self.by_key[key]


class OnlinePaymentCases:
    "pay_invoice: ownership, state, amount, idempotency, the payment Tryton gets."

    def test_view(self):
        "Test validity of all views of the module (of account.payment with Stripe only)"
        if HAS_STRIPE:
            return super().test_view()
        real_glob = glob.glob

        def without_stripe_views(pattern, *args, **kwargs):
            return [f for f in real_glob(pattern, *args, **kwargs)
                if os.path.basename(f) not in STRIPE_VIEWS]
        with patch('glob.glob', without_stripe_views):
            return super().test_view()

    @cached_world
    def make_stripe(self, world):
        "A Stripe account and payment journal for the company."
        pool = Pool()
        Account = pool.get('account.payment.stripe.account')
        Journal = pool.get('account.payment.journal')
        company = world['company']
        with set_company(company):
            account, = Account.create([{
                        'name': 'Stripe', 'secret_key': 'sk_test_portal',
                        'publishable_key': 'pk_test_portal'}])
            journal, = Journal.create([{
                        'name': 'Stripe', 'process_method': 'stripe',
                        'stripe_account': account.id,
                        'currency': company.currency.id, 'company': company.id}])
        return journal

    def pay(self, world, stripe, *args, email='alice@example.com'):
        with patch('stripe.PaymentIntent.create', side_effect=stripe.create):
            return self.customer_call(world, 'pay_invoice', *args, email=email)

    def payments(self):
        return Pool().get('account.payment').search([])

    def read_call(self, world, method, *args, email='alice@example.com'):
        Gateway = Pool().get('portal.gateway')
        key = self.login(world, email=email)['session']
        with self.as_gateway(world, portal_session=key, company=world['company'].id):
            return getattr(Gateway, method)(*args)

    @requires_stripe
    @with_transaction()
    def test_pay_invoice(self):
        "A Stripe payment of the invoice's line, submitted, checked out and processing"
        world = self.make_world()
        docs = self.make_documents(world)
        journal = self.make_stripe(world)
        invoice = docs['A-posted']
        stripe = StripeRecorder()
        result = self.pay(world, stripe, invoice.id, Decimal('5.00'), 'k-1')
        self.assertEqual(result['status'], 'ok')
        payment, = self.payments()
        self.assertEqual(result['payment'], payment.id)
        self.assertEqual(
            (payment.journal, payment.kind, payment.party, payment.amount, payment.line,
                payment.state, payment.stripe_payment_intent_id),
            (journal, 'receivable', world['alice'], Decimal('5.00'),
                self.party_line(invoice), 'processing', 'pi_test_0'))
        self.assertTrue(result['checkout_url'].endswith(
                '/account_payment_stripe/checkout/account.payment/%s'
                % payment.stripe_checkout_id))
        call, = stripe.calls
        self.assertEqual(
            (call['amount'], call['currency'], call['api_key'], call['description']),
            (500, world['company'].currency.code, 'sk_test_portal', invoice.number))
        # Tryton counts the payment under way: what is left to pay drops at once.
        Invoice = Pool().get('account.invoice')
        self.assertEqual(Invoice(invoice.id).amount_to_pay, Decimal('7.00'))
        # Who paid (authors.py): the web user of the paying member's session.
        self.assertEqual(payment.portal_paid_by, world['alice_user'])
        self.assertEqual(
            [(p['amount'], p['state'], p['paid_by']) for p in self.read_call(
                    world, 'invoice_online_payments', invoice.id)],
            [(Decimal('5.00'), 'processing', 'alice@example.com')])
        # A copy by the staff names nobody.
        copy, = Pool().get('account.payment').copy([payment])
        self.assertIsNone(copy.portal_paid_by)

    @requires_stripe
    @with_transaction()
    def test_pay_invoice_idempotent(self):
        "The same key answers the same payment and checkout; another input is refused"
        world = self.make_world()
        docs = self.make_documents(world)
        self.make_stripe(world)
        invoice = docs['A-posted']
        stripe = StripeRecorder()
        first = self.pay(world, stripe, invoice.id, Decimal('12'), 'k-1')
        again = self.pay(world, stripe, invoice.id, Decimal('12.00'), 'k-1')
        other = self.pay(world, stripe, invoice.id, Decimal('3'), 'k-1')
        self.assertEqual(first['status'], 'ok')
        self.assertEqual(again, dict(first, replayed=True))
        self.assertEqual(other, {'status': 'idempotency_key_reused'})
        self.assertEqual(len(self.payments()), 1)
        self.assertEqual(len(stripe.calls), 1)

    @requires_stripe
    @with_transaction()
    def test_pay_invoice_refuses_other_customer(self):
        "Another customer's invoice is not found, and no payment or key is created"
        pool = Pool()
        Idempotency = pool.get('portal.idempotency')
        world = self.make_world()
        docs = self.make_documents(world)
        self.make_stripe(world)
        stripe = StripeRecorder()
        for ref in ['B-posted', 'A-supplier', 'A-draft']:
            self.assertEqual(
                self.pay(world, stripe, docs[ref].id, Decimal('1'), 'k-' + ref),
                {'status': 'not_found', 'replayed': False})
        self.assertEqual(
            self.pay(world, stripe, 999999, Decimal('1'), 'k-none'),
            {'status': 'not_found', 'replayed': False})
        self.assertEqual(self.payments(), [])
        self.assertEqual(stripe.calls, [])
        self.assertEqual(Idempotency.search([]), [])
        self.assertEqual(
            self.read_call(world, 'invoice_online_payments', docs['B-posted'].id), [])

    @requires_stripe
    @with_transaction()
    def test_pay_invoice_refuses_state_and_amount(self):
        "A paid invoice is invalid_state; the amount is checked field by field"
        world = self.make_world()
        docs = self.make_documents(world)
        self.make_stripe(world)
        stripe = StripeRecorder()
        posted = docs['A-posted'].id
        self.assertEqual(
            self.pay(world, stripe, docs['A-paid'].id, Decimal('1'), 'k-paid'),
            {'status': 'invalid_state', 'invoice': docs['A-paid'].id, 'state': 'paid',
                'replayed': False})
        for amount, code in [
                (Decimal('0'), 'AMOUNT_NOT_POSITIVE'),
                (Decimal('-1'), 'AMOUNT_NOT_POSITIVE'),
                ('NaN', 'AMOUNT_NOT_POSITIVE'),
                ('douze', 'AMOUNT_NOT_POSITIVE'),
                (True, 'AMOUNT_NOT_POSITIVE'),
                (Decimal('12.01'), 'AMOUNT_TOO_HIGH'),
                (Decimal('1.001'), 'AMOUNT_PRECISION'),
                ]:
            result = self.pay(world, stripe, posted, amount, 'k-%s' % amount)
            self.assertEqual(result['status'], 'invalid_input', amount)
            self.assertEqual(
                [(e['field'], e['code']) for e in result['errors']], [('amount', code)])
        # What is left counts the payments under way: 12 in two parts, then nothing.
        self.assertEqual(self.pay(world, stripe, posted, Decimal('7'), 'a')['status'], 'ok')
        self.assertEqual(self.pay(world, stripe, posted, Decimal('5'), 'b')['status'], 'ok')
        self.assertEqual(
            self.pay(world, stripe, posted, Decimal('0.01'), 'c')['errors'][0]['code'],
            'AMOUNT_TOO_HIGH')
        self.assertEqual(len(self.payments()), 2)

    @requires_stripe
    @with_transaction()
    def test_pay_invoice_unavailable_without_journal(self):
        "Without a Stripe journal the company takes no online payment, and nothing is made"
        world = self.make_world()
        docs = self.make_documents(world)
        stripe = StripeRecorder()
        self.assertEqual(self.read_call(world, 'online_payment_currencies'), [])
        self.assertEqual(
            self.pay(world, stripe, docs['A-posted'].id, Decimal('1'), 'k-1'),
            {'status': 'unavailable', 'invoice': docs['A-posted'].id, 'replayed': False})
        self.assertEqual(self.payments(), [])
        self.make_stripe(world)
        self.assertEqual(
            self.read_call(world, 'online_payment_currencies'),
            [world['company'].currency.code])
        # Not signed in: no currency either.
        Gateway = Pool().get('portal.gateway')
        with self.as_gateway(world, company=world['company'].id):
            self.assertEqual(Gateway.online_payment_currencies(), [])

    @requires_stripe
    @with_transaction()
    def test_checkout_url_public_origin(self):
        "[portal_api] checkout_base_url replaces the origin Tryton took from the request"
        from ..online_payment import public_checkout_url
        url = 'http://tryton:8000/db/account_payment_stripe/checkout/account.payment/ab12'
        with patch('trytond.modules.portal_api.online_payment.config') as config:
            config.get.return_value = ''
            self.assertEqual(public_checkout_url(url), url)
            config.get.return_value = 'https://pay.example.fr'
            self.assertEqual(
                public_checkout_url(url),
                'https://pay.example.fr/db/account_payment_stripe/checkout/'
                'account.payment/ab12')
            config.get.assert_called_with(
                'portal_api', 'checkout_base_url', default='')
