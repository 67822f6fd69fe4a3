"""The customer's writes on sales: accept or decline a quotation, re-order a past order.

Each runs through `writes.run_write` (ownership, version, idempotency: see there). What the
customer did is kept for the company's staff (`portal.sale.answer`, with a menu under Sales,
and a note on the sale), and the company is told by e-mail, sent when the transaction commits.
"""
from email.message import EmailMessage

from trytond.config import config
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool, PoolMeta
from trytond.rpc import RPC
from trytond.sendmail import sendmail_transactional

from .writes import as_company, field_error, invalid, run_write, same_version

# Sale states the customer sees (the record rules of portal.xml say the same).
SEEN_STATES = ['quotation', 'confirmed', 'processing', 'done', 'cancelled']
MAX_NAME = 100
MAX_PO_REFERENCE = 100
MAX_REASON = 1000


def seen_sale_domain(parties):
    "The customer's sales: seen states with a number, and the drafts they requested themselves."
    return [
        ('party', 'in', parties),
        ['OR',
            [('state', 'in', SEEN_STATES), ('number', '!=', None)],
            [('state', '=', 'draft'), ('portal_requested', '=', True)],
            ],
        ]


def find_sale(sale_id, parties):
    "The customer's sale `sale_id` (as root: call it inside as_root), or None."
    Sale = Pool().get('sale.sale')
    if not isinstance(sale_id, int) or isinstance(sale_id, bool) or not parties:
        return None
    sales = Sale.search([('id', '=', sale_id)] + seen_sale_domain(parties), limit=1)
    return sales[0] if sales else None


def clean_text(value, limit):
    "The stripped text, '' when absent, None when it is not text or is too long."
    if value is None:
        return ''
    if not isinstance(value, str) or len(value.strip()) > limit:
        return None
    return value.strip()


def company_email(company):
    "Where the company is told: `[portal_api] notify_email`, or the company party's e-mail."
    return config.get('portal_api', 'notify_email') or company.party.email or None


def notify_company(company, subject, lines):
    "An e-mail to the company, sent when the transaction commits (never if it rolls back)."
    to = company_email(company)
    from_ = config.get('email', 'from')
    if not to or not from_:
        return
    message = EmailMessage()
    message['From'] = from_
    message['To'] = to
    message['Subject'] = subject
    message.set_content('\n'.join(lines) + '\n')
    sendmail_transactional(from_, [to], message)


def record_answer(sale, user, action, ip, **values):
    "Who answered, when and from where: a portal answer and a note on the sale, for the staff."
    pool = Pool()
    Answer = pool.get('portal.sale.answer')
    Note = pool.get('ir.note')
    answer, = Answer.create([dict(
                sale=sale.id, web_user=user.id, action=action,
                ip=ip if isinstance(ip, str) else None, **values)])
    Note.create([{'resource': str(sale), 'message': answer.describe()}])
    return answer


def quotation_expired(sale):
    """The date a quotation expired on, or None. Tryton 7.2 and later have a quotation
    validity (`quotation_expire`); on 7.0 a quotation does not expire."""
    Date = Pool().get('ir.date')
    expire = getattr(sale, 'quotation_expire', None)
    if expire and expire < Date.today():
        return expire
    return None


def answerable(sale, version):
    "Why the customer cannot answer this quotation now, or None."
    if sale is None:
        return {'status': 'not_found'}
    if not same_version(sale, version):
        return {'status': 'conflict', 'sale': sale.id, 'state': sale.state}
    if sale.state != 'quotation':
        return {'status': 'invalid_state', 'sale': sale.id, 'state': sale.state}
    return None


class Sale(metaclass=PoolMeta):
    __name__ = 'sale.sale'
    # A draft the customer asked for on the portal (a re-order): shown to the customer as
    # awaiting the company's review, while the drafts of the staff stay hidden.
    portal_requested = fields.Boolean("Requested on the Portal", readonly=True)

    @classmethod
    def default_portal_requested(cls):
        return False

    @classmethod
    def copy(cls, sales, default=None):
        default = dict(default or {})
        default.setdefault('portal_requested', False)
        return super().copy(sales, default=default)


class SaleAnswer(ModelSQL, ModelView):
    "Portal Quotation Answer"
    __name__ = 'portal.sale.answer'

    sale = fields.Many2One(
        'sale.sale', "Sale", required=True, ondelete='CASCADE', readonly=True)
    web_user = fields.Many2One(
        'web.user', "Web User", ondelete='SET NULL', readonly=True)
    action = fields.Selection([
            ('accept', "Accepted"),
            ('decline', "Declined"),
            ], "Action", required=True, readonly=True)
    signer_name = fields.Char("Accepted by", readonly=True)
    po_reference = fields.Char("Purchase Order", readonly=True)
    reason = fields.Text("Reason", readonly=True)
    ip = fields.Char("IP Address", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order.insert(0, ('create_date', 'DESC'))

    def describe(self):
        "The answer in words, for the note on the sale and the e-mail."
        email = self.web_user.email if self.web_user else ''
        if self.action == 'accept':
            text = 'Quotation accepted on the portal by %s (%s)' % (self.signer_name, email)
            if self.po_reference:
                text += ', purchase order %s' % self.po_reference
        else:
            text = 'Quotation declined on the portal by %s' % email
            if self.reason:
                text += ': %s' % self.reason
        return '%s, from %s.' % (text, self.ip or 'an unknown address')


class PortalGateway(metaclass=PoolMeta):
    "The customer's writes on sales, as methods of the gateway's RPC model."
    __name__ = 'portal.gateway'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        write = RPC(readonly=False, check_access=False)
        cls.__rpc__.update({
                'accept_quotation': write,
                'decline_quotation': write,
                'reorder': write,
                })

    @classmethod
    def accept_quotation(cls, sale_id, version, key, values, ip=None):
        """Confirms a quotation: `values` = {"name", "po_reference", "terms"}.

        Tryton's `confirm`, as the company. The customer's name and the terms are required;
        a quotation past its validity is `expired`."""
        values = values if isinstance(values, dict) else {}
        name = clean_text(values.get('name'), MAX_NAME)
        po_reference = clean_text(values.get('po_reference'), MAX_PO_REFERENCE)
        errors = []
        if not name:
            errors.append(field_error(
                    'name', 'REQUIRED' if name == '' else 'TOO_LONG',
                    'Give the name of the person accepting (%s characters at most).'
                    % MAX_NAME))
        if po_reference is None:
            errors.append(field_error(
                    'poReference', 'TOO_LONG',
                    'The purchase order reference has %s characters at most.'
                    % MAX_PO_REFERENCE))
        if values.get('terms') is not True:
            errors.append(field_error(
                    'terms', 'TERMS_NOT_ACCEPTED', 'The terms must be accepted.'))
        if errors:
            return invalid(*errors)
        payload = {'sale': sale_id, 'version': version, 'name': name,
            'po_reference': po_reference}

        def act(user, parties):
            Sale = Pool().get('sale.sale')
            sale = find_sale(sale_id, parties)
            refused = answerable(sale, version)
            if refused:
                return refused
            with as_company(sale.company):
                expired = quotation_expired(sale)
                if expired:
                    return {'status': 'expired', 'sale': sale.id,
                        'expired_on': expired.isoformat()}
                # Who accepted (authors.py): the member of the credential, not the client's word.
                Sale.write([sale], {'portal_accepted_by': user.id})
                Sale.confirm([sale])
                answer = record_answer(
                    sale, user, 'accept', ip, signer_name=name,
                    po_reference=po_reference or None)
                notify_company(
                    sale.company, 'Quotation %s accepted on the portal' % sale.number,
                    [answer.describe(), '', 'Customer: %s' % sale.party.rec_name])
            return {'status': 'ok', 'sale': sale.id}
        return run_write('accept_quotation', key, payload, act)

    @classmethod
    def decline_quotation(cls, sale_id, version, key, values, ip=None):
        "Cancels a quotation: `values` = {\"reason\"} (optional)."
        values = values if isinstance(values, dict) else {}
        reason = clean_text(values.get('reason'), MAX_REASON)
        if reason is None:
            return invalid(field_error(
                    'reason', 'TOO_LONG',
                    'The reason has %s characters at most.' % MAX_REASON))
        payload = {'sale': sale_id, 'version': version, 'reason': reason}

        def act(user, parties):
            Sale = Pool().get('sale.sale')
            sale = find_sale(sale_id, parties)
            refused = answerable(sale, version)
            if refused:
                return refused
            with as_company(sale.company):
                Sale.write([sale], {'portal_declined_by': user.id})
                Sale.cancel([sale])
                answer = record_answer(sale, user, 'decline', ip, reason=reason or None)
                notify_company(
                    sale.company, 'Quotation %s declined on the portal' % sale.number,
                    [answer.describe(), '', 'Customer: %s' % sale.party.rec_name])
            return {'status': 'ok', 'sale': sale.id}
        return run_write('decline_quotation', key, payload, act)

    @classmethod
    def reorder(cls, sale_id, key):
        """A new request (a draft the customer sees as awaiting review) with the products and
        quantities of one of the customer's orders, at today's prices. Lines of products no
        longer sold (archived, or not salable) are left out and listed; `nothing_to_order`
        when none is left."""
        payload = {'sale': sale_id}

        def act(user, parties):
            sale = find_sale(sale_id, parties)
            if sale is None:
                return {'status': 'not_found'}
            with as_company(sale.company):
                return request_again(sale, user)
        return run_write('reorder', key, payload, act)


def still_sold(product):
    return bool(product and product.active and product.template.active
        and product.salable)


def request_again(sale, user):
    pool = Pool()
    Sale = pool.get('sale.sale')
    Line = pool.get('sale.line')
    Note = pool.get('ir.note')
    new = Sale(company=sale.company, party=sale.party, currency=sale.currency)
    new.on_change_party()
    new.currency = sale.currency
    if sale.warehouse:
        new.warehouse = sale.warehouse
    for address in ('invoice_address', 'shipment_address'):
        kept = getattr(sale, address)
        if kept and kept.active:
            setattr(new, address, kept)
    new.portal_requested = True
    new.portal_requested_by = user
    new.description = 'Re-order of %s' % sale.number
    lines, left_out = [], []
    for line in sale.lines:
        if line.type != 'line' or not line.quantity:
            continue
        if not still_sold(line.product):
            left_out.append({
                    'product': line.product.id if line.product else None,
                    'name': (line.product.rec_name if line.product
                        else (line.description or '')),
                    'quantity': line.quantity,
                    })
            continue
        copy = Line(sale=new, type='line', product=line.product, unit=line.unit,
            quantity=line.quantity)
        copy.on_change_product()
        copy.quantity = line.quantity
        copy.on_change_quantity()
        lines.append(copy)
    if not lines:
        return {'status': 'nothing_to_order', 'sale': sale.id, 'left_out': left_out}
    new.lines = lines
    new.save()
    Sale.set_number([new])
    Note.create([{'resource': str(new), 'message':
                'Requested on the portal by %s, as a re-order of %s.' % (
                    user.email, sale.number)}])
    notify_company(
        sale.company, 'Re-order of %s requested on the portal' % sale.number,
        ['%s asks for the products of %s again: draft %s awaits your review.' % (
                sale.party.rec_name, sale.number, new.number)])
    return {'status': 'ok', 'sale': new.id, 'source': sale.id, 'left_out': left_out}
