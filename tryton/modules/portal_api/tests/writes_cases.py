"""Tests of the customer's writes (writes.py, sale.py), mixed into PortalApiTestCase, whose
world (make_world, make_documents, login, as_gateway) they build on."""
import datetime
from decimal import Decimal
from unittest.mock import patch

from trytond import backend
from trytond.model.exceptions import AccessError
from trytond.model.modelsql import SQLConstraintError
from trytond.modules.company.tests import set_company
from trytond.pool import Pool
from trytond.transaction import Transaction
from .world_cache import cached_world, with_transaction

# A session key as Tryton makes them, that no session has.
KEY = '5b7e0c1d9a3f4e26' * 4


class WriteCases:
    "The customer's writes: ownership, state, version, idempotency, e-mail."

    @cached_world
    def make_sales_world(self):
        """The world, and a product, a chart and sales of Alice and Bob with product lines:
        two quotations of Alice (A-offer, A-late), one of Bob (B-offer), and a confirmed
        order of Alice (A-order) with a product no longer sold."""
        pool = Pool()
        Sale = pool.get('sale.sale')
        Template = pool.get('product.template')
        Uom = pool.get('product.uom')
        Party = pool.get('party.party')
        Account = pool.get('account.account')
        Category = pool.get('product.category')
        world = self.make_world()
        docs = self.make_documents(world)
        company = world['company']
        unit, = Uom.search([('symbol', '=', 'u')], limit=1)
        with set_company(company):
            Party.write([company.party], {'contact_mechanisms': [('create', [
                                {'type': 'email', 'value': 'sales@company.test'}])]})
            revenue, = Account.search([
                    ('type.revenue', '=', True), ('closed', '!=', True)], limit=1)
            category, = Category.create([{
                        'name': 'Goods', 'accounting': True,
                        'account_revenue': revenue.id}])
            kept, dropped = Template.create([{
                        'name': name, 'type': 'goods', 'salable': True,
                        'account_category': category.id,
                        'default_uom': unit.id, 'sale_uom': unit.id,
                        'list_price': Decimal(price),
                        'products': [('create', [{}])],
                        } for name, price in [('Kept', '10'), ('Dropped', '5')]])
            sales = {}
            for party, ref, lines in [
                    (world['alice'], 'A-offer', [(kept, 2)]),
                    (world['alice'], 'A-late', [(kept, 1)]),
                    (world['bob'], 'B-offer', [(kept, 3)]),
                    (world['alice'], 'A-order', [(kept, 4), (dropped, 6)]),
                    ]:
                sale, = Sale.create([{
                            'party': party.id,
                            'company': company.id,
                            'currency': company.currency.id,
                            'invoice_address': party.addresses[0].id,
                            'shipment_address': party.addresses[0].id,
                            'reference': ref,
                            'lines': [('create', [{
                                            'type': 'line',
                                            'product': t.products[0].id,
                                            'unit': unit.id,
                                            'quantity': qty,
                                            'unit_price': t.list_price,
                                            } for t, qty in lines])],
                            }])
                sales[ref] = sale
            Sale.quote(list(sales.values()))
            if 'quotation_validity' in Sale._fields:
                late = sales['A-late']
                Sale.write([late], {
                        'quotation_date': late.quotation_date - datetime.timedelta(days=40),
                        'quotation_validity': datetime.timedelta(days=30),
                        })
            Sale.write([sales['A-order']], {
                    'state': 'confirmed', 'sale_date': datetime.date.today()})
            Template.write([dropped], {'salable': False})
        world['sales_by_ref'] = {r: Sale(s.id) for r, s in sales.items()}
        world['docs'] = docs
        return world

    def customer_call(self, world, method, *args, email='alice@example.com'):
        "Call a write method of the gateway with the customer's session in the context."
        Gateway = Pool().get('portal.gateway')
        key = self.login(world, email=email)['session']
        with self.as_gateway(world, portal_session=key):
            return getattr(Gateway, method)(*args)

    def version(self, sale):
        Sale = Pool().get('sale.sale')
        sale = Sale(sale.id)
        return sale.write_date or sale.create_date

    def answers(self, sale):
        Answer = Pool().get('portal.sale.answer')
        return Answer.search([('sale', '=', sale.id)])

    @with_transaction()
    def test_accept_quotation(self):
        "Accepting confirms the quotation, records who and from where, and tells the company"
        pool = Pool()
        Sale = pool.get('sale.sale')
        Note = pool.get('ir.note')
        world = self.make_sales_world()
        sale = world['sales_by_ref']['A-offer']
        values = {'name': 'Alice Martin', 'po_reference': 'PO-7', 'terms': True}
        with patch('trytond.modules.portal_api.sale.sendmail_transactional') as sendmail:
            result = self.customer_call(
                world, 'accept_quotation', sale.id, self.version(sale), 'k-1', values,
                '192.0.2.10')
        self.assertEqual(result, {'status': 'ok', 'sale': sale.id, 'replayed': False})
        self.assertIn(Sale(sale.id).state, ('confirmed', 'processing'))
        answer, = self.answers(sale)
        self.assertEqual(
            (answer.action, answer.signer_name, answer.po_reference, answer.ip,
                answer.web_user.id),
            ('accept', 'Alice Martin', 'PO-7', '192.0.2.10', world['alice_user'].id))
        note, = Note.search([('resource', '=', str(sale))])
        self.assertIn('192.0.2.10', note.message)
        (from_, to, message), _ = sendmail.call_args
        self.assertEqual(to, ['sales@company.test'])
        self.assertIn('accepted', message['Subject'])
        self.assertIn('PO-7', message.get_content())

    @with_transaction()
    def test_accept_idempotent(self):
        "The same key and input answers the first result again; another input is refused"
        world = self.make_sales_world()
        sale = world['sales_by_ref']['A-offer']
        version = self.version(sale)
        values = {'name': 'Alice', 'terms': True}
        with patch('trytond.modules.portal_api.sale.sendmail_transactional') as sendmail:
            first = self.customer_call(
                world, 'accept_quotation', sale.id, version, 'k-1', values)
            again = self.customer_call(
                world, 'accept_quotation', sale.id, version, 'k-1', values)
            other = self.customer_call(
                world, 'accept_quotation', sale.id, version, 'k-1',
                {'name': 'Someone else', 'terms': True})
        self.assertEqual(first['status'], 'ok')
        self.assertEqual(again, dict(first, replayed=True))
        self.assertEqual(other, {'status': 'idempotency_key_reused'})
        self.assertEqual(len(self.answers(sale)), 1)
        self.assertEqual(sendmail.call_count, 1)

    @with_transaction()
    def test_writes_refuse_other_customer(self):
        "Another customer's sale is not found, and nothing is written"
        pool = Pool()
        Sale = pool.get('sale.sale')
        Idempotency = pool.get('portal.idempotency')
        world = self.make_sales_world()
        bobs = world['sales_by_ref']['B-offer']
        version = self.version(bobs)
        with patch('trytond.modules.portal_api.sale.sendmail_transactional') as sendmail:
            self.assertEqual(self.customer_call(
                    world, 'accept_quotation', bobs.id, version, 'k-1',
                    {'name': 'Alice', 'terms': True}),
                {'status': 'not_found', 'replayed': False})
            self.assertEqual(self.customer_call(
                    world, 'decline_quotation', bobs.id, version, 'k-2', {}),
                {'status': 'not_found', 'replayed': False})
            self.assertEqual(self.customer_call(world, 'reorder', bobs.id, 'k-3'),
                {'status': 'not_found', 'replayed': False})
            # A draft of Alice herself is not hers to answer either: she never saw it.
            draft = world['sales'][0]
            self.assertEqual(self.customer_call(world, 'reorder', draft.id, 'k-4'),
                {'status': 'not_found', 'replayed': False})
        self.assertEqual(Sale(bobs.id).state, 'quotation')
        self.assertEqual(self.version(bobs), version)
        self.assertEqual(self.answers(bobs), [])
        self.assertEqual(Sale.search_count([('party', '=', world['alice'].id)]), 5)
        self.assertEqual(Idempotency.search([]), [])
        sendmail.assert_not_called()

    @with_transaction()
    def test_writes_need_gateway_and_customer(self):
        "Only the gateway calls the writes, and only with a customer's credential"
        Gateway = Pool().get('portal.gateway')
        world = self.make_sales_world()
        sale = world['sales_by_ref']['A-offer']
        transaction = Transaction()
        with transaction.set_user(world['other'].id), \
                transaction.set_context(_check_access=True):
            with self.assertRaises(AccessError):
                Gateway.reorder(sale.id, 'k-1')
        with self.as_gateway(world):
            self.assertEqual(Gateway.reorder(sale.id, 'k-1'), {'status': 'unauthenticated'})
        with self.as_gateway(world, portal_session=KEY):
            self.assertEqual(Gateway.reorder(sale.id, 'k-1'), {'status': 'unauthenticated'})

    @with_transaction()
    def test_accept_conflict_state_and_input(self):
        "A stale version is a conflict, a confirmed sale an invalid state, bad input field errors"
        Sale = Pool().get('sale.sale')
        world = self.make_sales_world()
        sale = world['sales_by_ref']['A-offer']
        # The write date is the transaction's time: a change made since the customer looked
        # is a version that differs from the one they send.
        stale = self.version(sale) - datetime.timedelta(seconds=1)
        values = {'name': 'Alice', 'terms': True}
        result = self.customer_call(
            world, 'accept_quotation', sale.id, stale, 'k-1', values)
        self.assertEqual(result, {
                'status': 'conflict', 'sale': sale.id, 'state': 'quotation',
                'replayed': False})
        self.assertEqual(Sale(sale.id).state, 'quotation')
        order = world['sales_by_ref']['A-order']
        result = self.customer_call(
            world, 'accept_quotation', order.id, self.version(order), 'k-2', values)
        self.assertEqual(result['status'], 'invalid_state')
        self.assertEqual(result['state'], 'confirmed')
        result = self.customer_call(
            world, 'accept_quotation', sale.id, self.version(sale), 'k-3',
            {'name': ' ', 'terms': False, 'po_reference': 'x' * 101})
        self.assertEqual(result['status'], 'invalid_input')
        self.assertEqual(
            sorted((e['field'], e['code']) for e in result['errors']),
            [('name', 'REQUIRED'), ('poReference', 'TOO_LONG'),
                ('terms', 'TERMS_NOT_ACCEPTED')])
        self.assertEqual(Sale(sale.id).state, 'quotation')
        self.assertEqual(self.answers(sale), [])

    @with_transaction()
    def test_accept_expired_quotation(self):
        "A quotation past its validity cannot be accepted (7.2 and later)"
        Sale = Pool().get('sale.sale')
        world = self.make_sales_world()
        if 'quotation_validity' not in Sale._fields:
            self.skipTest('no quotation validity before 7.2')
        late = world['sales_by_ref']['A-late']
        result = self.customer_call(
            world, 'accept_quotation', late.id, self.version(late), 'k-1',
            {'name': 'Alice', 'terms': True})
        self.assertEqual(result['status'], 'expired')
        self.assertEqual(result['expired_on'], Sale(late.id).quotation_expire.isoformat())
        self.assertEqual(Sale(late.id).state, 'quotation')

    @with_transaction()
    def test_decline_quotation(self):
        "Declining cancels the quotation and records the reason"
        Sale = Pool().get('sale.sale')
        world = self.make_sales_world()
        sale = world['sales_by_ref']['A-offer']
        with patch('trytond.modules.portal_api.sale.sendmail_transactional') as sendmail:
            result = self.customer_call(
                world, 'decline_quotation', sale.id, self.version(sale), 'k-1',
                {'reason': 'Too expensive'}, '192.0.2.10')
        self.assertEqual(result['status'], 'ok')
        self.assertEqual(Sale(sale.id).state, 'cancelled')
        answer, = self.answers(sale)
        self.assertEqual((answer.action, answer.reason), ('decline', 'Too expensive'))
        self.assertEqual(sendmail.call_count, 1)

    @with_transaction()
    def test_reorder(self):
        "A re-order is a draft the customer sees, with today's prices and what was left out"
        pool = Pool()
        Sale = pool.get('sale.sale')
        Template = pool.get('product.template')
        world = self.make_sales_world()
        order = world['sales_by_ref']['A-order']
        kept = [l.product for l in order.lines if l.product.name == 'Kept'][0]
        with set_company(world['company']):
            Template.write([kept.template], {'list_price': Decimal('11')})
        with patch('trytond.modules.portal_api.sale.sendmail_transactional'):
            result = self.customer_call(world, 'reorder', order.id, 'k-1')
            again = self.customer_call(world, 'reorder', order.id, 'k-1')
        self.assertEqual(result['status'], 'ok')
        self.assertEqual(again, dict(result, replayed=True))
        new = Sale(result['sale'])
        self.assertEqual(
            (new.state, new.portal_requested, new.party.id),
            ('draft', True, world['alice'].id))
        self.assertTrue(new.number)
        line, = new.lines
        self.assertEqual((line.product.id, line.quantity, line.unit_price),
            (kept.id, 4, Decimal('11')))
        left, = result['left_out']
        self.assertEqual((left['name'], left['quantity']), ('Dropped', 6))
        self.assertEqual(Sale.search_count([('portal_requested', '=', True)]), 1)
        # The customer sees the request through the record rules; the staff's drafts stay hidden.
        key = self.login(world)['session']
        with self.as_gateway(world, portal_session=key):
            seen = self.visible('sale.sale')
        self.assertIn(new.id, seen)
        self.assertNotIn(world['sales'][0].id, seen)

    @with_transaction()
    def test_key_stored_concurrently(self):
        """A key that a concurrent call stored after this one looked is a concurrent update
        (Tryton rolls the call back and runs it again, which replays), not a user error"""
        # Mutation tried: Idempotency.create without store_key's except makes it fail
        # (SQLConstraintError, which Tryton never retries: the gateway's double submit then
        # failed on SQLite). The unique constraint's refusal is raised by a stand-in create:
        # a real one opens a second transaction on 7.0, which the in-memory test database
        # shares with the test's own (the race itself runs in the gateway's test/writes.test.ts).
        Idempotency = Pool().get('portal.idempotency')
        world = self.make_sales_world()
        order = world['sales_by_ref']['A-order']
        refused = SQLConstraintError('An idempotency key is used once per web user.')
        with patch('trytond.modules.portal_api.sale.sendmail_transactional'), \
                patch.object(Idempotency, 'create', side_effect=refused):
            with self.assertRaises(backend.DatabaseOperationalError):
                self.customer_call(world, 'reorder', order.id, 'k-1')
