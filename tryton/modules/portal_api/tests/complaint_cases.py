"""Tests of the customer's complaints (complaint.py), mixed into PortalApiTestCase with
WriteCases, whose sales world (make_sales_world, customer_call) they build on."""
import datetime
from unittest.mock import patch

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import set_company
from trytond.pool import Pool
from trytond.transaction import Transaction

from ..compat import model_name_field
from .world_cache import cached_world, with_transaction

SENDMAIL = 'trytond.modules.portal_api.sale.sendmail_transactional'
PNG = b'\x89PNG\r\n\x1a\n' + b'\x00' * 32
PDF = b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'


class ComplaintCases:
    "Complaints on an order or its lines: ownership, state, type, input, files, idempotency."

    @cached_world
    def make_complaint_world(self):
        """The sales world, with complaint types: 'Late' about an order, 'Damaged' about
        lines, 'Wrong invoice' about an invoice (not the portal's) and an archived one;
        Bob's offer is confirmed (B-offer is then an order of Bob)."""
        pool = Pool()
        Type = pool.get('sale.complaint.type')
        IrModel = pool.get('ir.model')
        Sale = pool.get('sale.sale')
        Date = pool.get('ir.date')
        world = self.make_sales_world()
        field = model_name_field()

        def model(name):
            found, = IrModel.search([(field, '=', name)])
            return found.id
        with set_company(world['company']):
            late, damaged, invoice, old = Type.create([
                    {'name': 'Late', 'origin': model('sale.sale')},
                    {'name': 'Damaged', 'origin': model('sale.line')},
                    {'name': 'Wrong invoice', 'origin': model('account.invoice')},
                    {'name': 'Old', 'origin': model('sale.sale'), 'active': False},
                    ])
            Sale.write([world['sales_by_ref']['B-offer']], {
                    'state': 'confirmed', 'sale_date': Date.today()})
        world['types'] = {
            'late': late, 'damaged': damaged, 'invoice': invoice, 'old': old}
        return world

    def complaints(self, **domain):
        "The complaints filed on the portal (the world has some the staff entered)."
        Complaint = Pool().get('sale.complaint')
        return Complaint.search([('portal_web_user', '!=', None)]
            + [(k, '=', v) for k, v in domain.items()])

    def file(self, world, sale, key, values, email='alice@example.com'):
        "File as the customer shown `sale` now (its version), unless `values` says otherwise."
        if 'version' not in values:
            values = dict(values, version=self.version(sale))
        return self.customer_call(
            world, 'file_complaint', sale.id, key, values, email=email)

    @with_transaction()
    def test_complaint_stale_version(self):
        "An order changed since the customer saw it is a conflict, and nothing is filed"
        world = self.make_complaint_world()
        order = world['sales_by_ref']['A-order']
        shown = self.version(order)
        result = self.file(world, order, 'k-stale', {
                'version': shown - datetime.timedelta(seconds=1),
                'type': world['types']['late'].id,
                'description': 'Late.',
                })
        self.assertEqual(result['status'], 'conflict')
        result = self.file(world, order, 'k-none', {
                'version': None,
                'type': world['types']['late'].id,
                'description': 'Late.',
                })
        self.assertEqual(result['status'], 'conflict')
        self.assertEqual(self.complaints(customer=world['alice'].id), [])

    @with_transaction()
    def test_complaint_on_order(self):
        "A complaint on the whole order is submitted as the staff would, and the company told"
        pool = Pool()
        Attachment = pool.get('ir.attachment')
        world = self.make_complaint_world()
        order = world['sales_by_ref']['A-order']
        with patch(SENDMAIL) as sendmail:
            result = self.file(world, order, 'k-1', {
                    'type': world['types']['late'].id,
                    'description': '  The pallet came a week late.  ',
                    'files': [{'name': 'note.txt', 'data': b'Arrived on the 12th.\n'}],
                    })
        complaint, = self.complaints(customer=world['alice'].id)
        self.assertEqual(result, {
                'status': 'ok', 'sale': order.id, 'complaints': [complaint.id],
                'replayed': False})
        self.assertEqual(
            (complaint.state, str(complaint.origin), complaint.type.id,
                complaint.description, complaint.portal_web_user.id,
                complaint.company.id, complaint.reference),
            ('waiting', str(order), world['types']['late'].id,
                'The pallet came a week late.', world['alice_user'].id,
                world['company'].id, order.number))
        self.assertTrue(complaint.number)
        attachment, = Attachment.search([('resource', '=', str(complaint))])
        self.assertEqual((attachment.name, attachment.data),
            ('note.txt', b'Arrived on the 12th.\n'))
        (from_, to, message), _ = sendmail.call_args
        self.assertEqual(to, ['sales@company.test'])
        self.assertIn(order.number, message['Subject'])
        self.assertIn('The pallet came a week late.', message.get_content())
        self.assertIn('alice@example.com', message.get_content())

    @with_transaction()
    def test_complaint_on_lines(self):
        "A complaint on lines is one complaint per line, each with the files"
        pool = Pool()
        Attachment = pool.get('ir.attachment')
        world = self.make_complaint_world()
        order = world['sales_by_ref']['A-order']
        lines = sorted(l.id for l in order.lines)
        with patch(SENDMAIL) as sendmail:
            result = self.file(world, order, 'k-1', {
                    'type': world['types']['damaged'].id,
                    'description': 'Broken boxes',
                    'lines': list(reversed(lines)) + [lines[0]],
                    'files': [
                        {'name': 'box.png', 'data': PNG},
                        {'name': 'C:\\photos\\report.pdf', 'data': PDF}],
                    })
        self.assertEqual(result['status'], 'ok')
        complaints = self.complaints(customer=world['alice'].id)
        self.assertEqual(sorted(c.id for c in complaints), sorted(result['complaints']))
        self.assertEqual(
            sorted(c.origin.id for c in complaints), lines)
        self.assertTrue(all(c.state == 'waiting' for c in complaints))
        for complaint in complaints:
            self.assertEqual(
                sorted(a.name for a in Attachment.search(
                        [('resource', '=', str(complaint))])),
                ['box.png', 'report.pdf'])
        self.assertEqual(sendmail.call_count, 1)
        self.assertIn('Dropped', sendmail.call_args[0][2].get_content())

    @with_transaction()
    def test_complaint_refuses_other_customer(self):
        "Another customer's order or lines, or lines of another order, are not found"
        pool = Pool()
        Idempotency = pool.get('portal.idempotency')
        Attachment = pool.get('ir.attachment')
        world = self.make_complaint_world()
        mine = world['sales_by_ref']['A-order']
        bobs = world['sales_by_ref']['B-offer']
        other_of_mine = world['sales_by_ref']['A-offer']
        damaged = world['types']['damaged'].id
        late = world['types']['late'].id
        files = [{'name': 'a.txt', 'data': b'a'}]
        not_found = {'status': 'not_found', 'replayed': False}
        with patch(SENDMAIL) as sendmail:
            self.assertEqual(self.file(world, bobs, 'k-1', {
                        'type': late, 'description': 'x', 'files': files}), not_found)
            self.assertEqual(self.file(world, bobs, 'k-2', {
                        'type': damaged, 'description': 'x',
                        'lines': [bobs.lines[0].id]}), not_found)
            self.assertEqual(self.file(world, mine, 'k-3', {
                        'type': damaged, 'description': 'x',
                        'lines': [mine.lines[0].id, bobs.lines[0].id]}), not_found)
            self.assertEqual(self.file(world, mine, 'k-4', {
                        'type': damaged, 'description': 'x',
                        'lines': [other_of_mine.lines[0].id]}), not_found)
            self.assertEqual(self.file(world, world['sales'][0], 'k-5', {
                        'type': late, 'description': 'x'}), not_found)
            self.assertEqual(self.file(world, mine, 'k-6', {
                        'type': late, 'description': 'x'}, email='bob@example.com'),
                not_found)
        self.assertEqual(self.complaints(), [])
        self.assertEqual(Attachment.search([('resource', 'like', 'sale.complaint,%')]), [])
        self.assertEqual(Idempotency.search([]), [])
        sendmail.assert_not_called()

    @with_transaction()
    def test_complaint_state_and_type(self):
        """A quotation takes no complaint; the type must be about what is complained of,
        active, and about a sale"""
        world = self.make_complaint_world()
        order = world['sales_by_ref']['A-order']
        offer = world['sales_by_ref']['A-offer']
        types = world['types']
        with patch(SENDMAIL) as sendmail:
            result = self.file(world, offer, 'k-1', {
                    'type': types['late'].id, 'description': 'x'})
            self.assertEqual(result, {'status': 'invalid_state', 'sale': offer.id,
                    'state': 'quotation', 'replayed': False})
            for key, type_id, lines in [
                    ('k-2', types['damaged'].id, []),
                    ('k-3', types['late'].id, [order.lines[0].id]),
                    ('k-4', types['invoice'].id, []),
                    ('k-5', types['old'].id, []),
                    ('k-6', 999999, []),
                    ('k-7', None, []),
                    ]:
                result = self.file(world, order, key, {
                        'type': type_id, 'description': 'x', 'lines': lines})
                self.assertEqual(result['status'], 'invalid_input', key)
                self.assertEqual(
                    [(e['field'], e['code']) for e in result['errors']],
                    [('typeId', 'INVALID_TYPE')], key)
        self.assertEqual(self.complaints(), [])
        sendmail.assert_not_called()

    @with_transaction()
    def test_complaint_input_errors(self):
        "Description and files are checked, by size and content, and nothing is written"
        Idempotency = Pool().get('portal.idempotency')
        world = self.make_complaint_world()
        order = world['sales_by_ref']['A-order']
        late = world['types']['late'].id
        big = b'a' * (10 * 1024 * 1024 + 1)

        def codes(values):
            result = self.file(world, order, 'k-1', dict({'type': late}, **values))
            self.assertEqual(result['status'], 'invalid_input')
            return [(e['field'], e['code']) for e in result['errors']]
        with patch(SENDMAIL) as sendmail:
            self.assertEqual(codes({'description': '   '}), [('description', 'REQUIRED')])
            self.assertEqual(codes({}), [('description', 'REQUIRED')])
            self.assertEqual(
                codes({'description': 'x' * 5001}), [('description', 'TOO_LONG')])
            self.assertEqual(codes({'description': 'x', 'files': [
                            {'name': 'big.txt', 'data': big},
                            {'name': 'run.pdf', 'data': b'MZ\x90\x00\x03'},
                            {'name': 'photo.exe', 'data': PNG},
                            {'name': 'icon.txt', 'data': b'<svg onload="x()"></svg>'},
                            {'name': 'ok.txt', 'data': b'fine'},
                            ]}), [
                    ('files.0', 'FILE_TOO_LARGE'),
                    ('files.1', 'FILE_TYPE_NOT_ALLOWED'),
                    ('files.2', 'FILE_TYPE_NOT_ALLOWED'),
                    ('files.3', 'FILE_TYPE_NOT_ALLOWED'),
                    ])
            self.assertEqual(codes({'description': 'x', 'files': [
                            {'name': 'empty.txt', 'data': b''},
                            {'name': '', 'data': b'a'},
                            {'name': 'bin.txt', 'data': b'ab\x00cd'},
                            {'name': 'latin1.txt', 'data': 'café'.encode('latin-1')},
                            ]}), [
                    ('files.0', 'FILE_EMPTY'),
                    ('files.1', 'FILE_NAME'),
                    ('files.2', 'FILE_TYPE_NOT_ALLOWED'),
                    ('files.3', 'FILE_TYPE_NOT_ALLOWED'),
                    ])
            self.assertEqual(codes({'description': 'x', 'files': [
                            {'name': '%s.txt' % i, 'data': b'a'} for i in range(6)]}),
                [('files', 'TOO_MANY_FILES')])
            self.assertEqual(codes({'description': 'x', 'lines': ['1']}),
                [('lineIds', 'INVALID')])
        # Exactly 10 MB is allowed.
        with patch(SENDMAIL):
            result = self.file(world, order, 'k-2', {
                    'type': late, 'description': 'x',
                    'files': [{'name': 'max.txt', 'data': big[:-1]}]})
        self.assertEqual(result['status'], 'ok')
        self.assertEqual(len(self.complaints()), 1)
        self.assertEqual(len(Idempotency.search([])), 1)
        sendmail.assert_not_called()

    @with_transaction()
    def test_complaint_idempotent(self):
        "The same key and input answers the first result; other input with it is refused"
        world = self.make_complaint_world()
        order = world['sales_by_ref']['A-order']
        values = {'type': world['types']['late'].id, 'description': 'Late',
            'files': [{'name': 'a.png', 'data': PNG}]}
        with patch(SENDMAIL) as sendmail:
            first = self.file(world, order, 'k-1', values)
            again = self.file(world, order, 'k-1', values)
            other_file = self.file(world, order, 'k-1', dict(
                    values, files=[{'name': 'a.png', 'data': PNG + b'\x01'}]))
        self.assertEqual(first['status'], 'ok')
        self.assertEqual(again, dict(first, replayed=True))
        self.assertEqual(other_file, {'status': 'idempotency_key_reused'})
        self.assertEqual(len(self.complaints()), 1)
        self.assertEqual(sendmail.call_count, 1)

    @with_transaction()
    def test_complaint_types(self):
        """The portal's types: active ones about an order or its lines, with their target;
        only the gateway lists them or files a complaint"""
        Gateway = Pool().get('portal.gateway')
        world = self.make_complaint_world()
        with self.as_gateway(world):
            types = Gateway.complaint_types()
        self.assertEqual(types, [
                {'id': world['types']['damaged'].id, 'name': 'Damaged', 'target': 'line'},
                {'id': world['types']['late'].id, 'name': 'Late', 'target': 'order'},
                ])
        with self.as_gateway(world, portal_session='f' * 64):
            self.assertEqual(len(Gateway.complaint_types()), 2)
        transaction = Transaction()
        with transaction.set_user(world['other'].id), \
                transaction.set_context(_check_access=True):
            with self.assertRaises(AccessError):
                Gateway.complaint_types()
            with self.assertRaises(AccessError):
                Gateway.file_complaint(1, 'k-1', {'description': '', 'files': 'x'})

    @with_transaction()
    def test_complaint_read_scoped(self):
        """The gateway reads a customer's complaints, their answer and files, and none of
        another customer's, even by id"""
        pool = Pool()
        Complaint = pool.get('sale.complaint')
        Attachment = pool.get('ir.attachment')
        world = self.make_complaint_world()
        order = world['sales_by_ref']['A-order']
        with patch(SENDMAIL):
            result = self.file(world, order, 'k-1', {
                    'type': world['types']['late'].id, 'description': 'Late',
                    'files': [{'name': 'a.txt', 'data': b'a'}]})
        complaint_id, = result['complaints']
        Complaint.write([Complaint(complaint_id)], {'portal_answer': 'A new one is on its way.'})
        alice_key = self.login(world)['session']
        bob_key = self.login(world, email='bob@example.com')['session']
        with self.as_gateway(world, portal_session=alice_key):
            self.assertEqual(self.visible('sale.complaint'),
                {complaint_id, world['docs']['A-complaint'].id})
            row, = Complaint.read([complaint_id], ['portal_answer', 'state'])
            self.assertEqual(row['portal_answer'], 'A new one is on its way.')
            self.assertEqual(len(Attachment.search(
                        [('resource', '=', 'sale.complaint,%s' % complaint_id)])), 1)
        with self.as_gateway(world, portal_session=bob_key):
            self.assertEqual(
                self.visible('sale.complaint'), {world['docs']['B-complaint'].id})
            self.assertEqual(Attachment.search(
                    [('resource', '=', 'sale.complaint,%s' % complaint_id)]), [])
            with self.assertRaises(AccessError):
                Complaint.read([complaint_id], ['portal_answer'])
