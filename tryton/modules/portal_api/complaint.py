"""The customer's complaints on an order (issue 14 part 4), with Tryton's `sale_complaint`.

A customer files a complaint on one of their orders, or on some of its lines: one complaint
whose origin is the sale, or one per line (a complaint has one origin). It is submitted
(`wait`) as the company's staff would, so it lands in their "waiting" list, and the company is
told by e-mail. The staff handle it in Tryton as usual and write the answer the customer sees
in `portal_answer`. Files are attachments of the complaint, checked here by size and by
content (the gateway checks them too, but Tryton is the last word).
"""
import hashlib
import posixpath

from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.rpc import RPC

from .compat import model_name_field
from .portal import as_root, check_gateway
from .sale import find_sale, notify_company
from .writes import as_company, field_error, invalid, run_write, same_version

# States of a sale the company accepts complaints on (sale_complaint's own origin domain).
COMPLAINT_SALE_STATES = ['confirmed', 'processing', 'done']
# What a complaint may be about on the portal: the whole order, or some of its lines.
ORIGIN_MODELS = {'sale.sale': 'order', 'sale.line': 'line'}
MAX_DESCRIPTION = 5000
MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_FILES = 5
MAX_FILE_NAME = 200
# What each allowed kind of content starts with, and the names it may have.
FILE_KINDS = {
    'pdf': ('application/pdf', ('.pdf',)),
    'png': ('image/png', ('.png',)),
    'jpeg': ('image/jpeg', ('.jpg', '.jpeg')),
    'gif': ('image/gif', ('.gif',)),
    'webp': ('image/webp', ('.webp',)),
    'text': ('text/plain', ('.txt', '.text', '.log', '.csv')),
    }
# Control characters a plain text has no business holding (tab, new lines, form feed are fine).
TEXT_CONTROLS = set(range(0, 32)) - {9, 10, 12, 13}


def sniff(data):
    """The kind of content `data` is, from its first bytes (its "magic"), or None.

    Images and PDF by their signature; plain text when it is UTF-8 without control
    characters. SVG is text that runs scripts in a browser: it is not an image here."""
    if data.startswith(b'%PDF-'):
        return 'pdf'
    if data.startswith(b'\x89PNG\r\n\x1a\n'):
        return 'png'
    if data.startswith(b'\xff\xd8\xff'):
        return 'jpeg'
    if data.startswith((b'GIF87a', b'GIF89a')):
        return 'gif'
    if data[:4] == b'RIFF' and data[8:12] == b'WEBP':
        return 'webp'
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        return None
    if any(ord(c) in TEXT_CONTROLS for c in text) or '<svg' in text[:1024].lower():
        return None
    return 'text'


def file_kind(name, data):
    "The content type of an allowed file, or the code of why it is refused."
    if not isinstance(data, (bytes, bytearray)) or not data:
        return None, 'FILE_EMPTY'
    if len(data) > MAX_FILE_SIZE:
        return None, 'FILE_TOO_LARGE'
    kind = sniff(bytes(data))
    if kind is None:
        return None, 'FILE_TYPE_NOT_ALLOWED'
    content_type, extensions = FILE_KINDS[kind]
    if not name.lower().endswith(extensions):
        # The name says one thing and the content another: a PDF named .exe, a script .png.
        return None, 'FILE_TYPE_NOT_ALLOWED'
    return content_type, None


def clean_file_name(name):
    "The file's base name without folders, or None when there is none or it is too long."
    if not isinstance(name, str):
        return None
    name = posixpath.basename(name.replace('\\', '/')).strip()
    if not name or len(name) > MAX_FILE_NAME or any(ord(c) < 32 for c in name):
        return None
    return name


FILE_MESSAGES = {
    'FILE_NAME': 'Each file needs a name of %s characters at most.' % MAX_FILE_NAME,
    'FILE_EMPTY': 'The file %(name)s is empty.',
    'FILE_TOO_LARGE': 'The file %%(name)s is larger than %s MB.' % (MAX_FILE_SIZE // 2 ** 20),
    'FILE_TYPE_NOT_ALLOWED': (
        'The file %(name)s is not a PDF, an image (PNG, JPEG, GIF, WebP) or plain text.'),
    }


def check_files(files):
    "The files as [(name, data, content type)], and the field errors of those refused."
    if files is None:
        return [], []
    if not isinstance(files, list):
        return [], [field_error('files', 'INVALID', 'The files must be a list.')]
    if len(files) > MAX_FILES:
        return [], [field_error(
                'files', 'TOO_MANY_FILES', 'Attach %s files at most.' % MAX_FILES)]
    kept, errors = [], []
    for index, file in enumerate(files):
        field = 'files.%s' % index
        file = file if isinstance(file, dict) else {}
        name = clean_file_name(file.get('name'))
        if name is None:
            errors.append(field_error(field, 'FILE_NAME', FILE_MESSAGES['FILE_NAME']))
            continue
        content_type, code = file_kind(name, file.get('data'))
        if code:
            errors.append(field_error(field, code, FILE_MESSAGES[code] % {'name': name}))
            continue
        kept.append((name, bytes(file['data']), content_type))
    return kept, errors


def check_description(description):
    if isinstance(description, str):
        description = description.strip()
    if not description or not isinstance(description, str):
        return None, field_error(
            'description', 'REQUIRED', 'Describe the problem.')
    if len(description) > MAX_DESCRIPTION:
        return None, field_error(
            'description', 'TOO_LONG',
            'The description has %s characters at most.' % MAX_DESCRIPTION)
    return description, None


def clean_ids(values):
    "Distinct ids, sorted; None when it is not a list of ids."
    if values is None:
        return []
    if not isinstance(values, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in values):
        return None
    return sorted(set(values))


def portal_types():
    "The active complaint types about a sale or a sale line, with what they are about."
    Type = Pool().get('sale.complaint.type')
    field = model_name_field()
    types = Type.search([
            ('origin.%s' % field, 'in', list(ORIGIN_MODELS)),
            ], order=[('name', 'ASC'), ('id', 'ASC')])
    return [{
            'id': t.id,
            'name': t.name,
            'target': ORIGIN_MODELS[getattr(t.origin, field)],
            } for t in types]


def find_type(type_id, target):
    "The active type `type_id` about `target` ('order' or 'line'), or None."
    if not isinstance(type_id, int) or isinstance(type_id, bool):
        return None
    for type_ in portal_types():
        if type_['id'] == type_id and type_['target'] == target:
            return type_
    return None


class Complaint(metaclass=PoolMeta):
    __name__ = 'sale.complaint'
    # What the customer reads on the portal, written by the company's staff.
    portal_answer = fields.Text("Answer to the Customer",
        help="The answer the customer sees on the portal.")
    portal_web_user = fields.Many2One(
        'web.user', "Filed on the Portal by", readonly=True, ondelete='SET NULL')

    @classmethod
    def copy(cls, complaints, default=None):
        default = dict(default or {})
        default.setdefault('portal_answer', None)
        default.setdefault('portal_web_user', None)
        return super().copy(complaints, default=default)


class PortalGateway(metaclass=PoolMeta):
    "The customer's complaints, as methods of the gateway's RPC model."
    __name__ = 'portal.gateway'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__.update({
                'complaint_types': RPC(check_access=False),
                'file_complaint': RPC(readonly=False, check_access=False),
                })

    @classmethod
    def complaint_types(cls):
        """The complaint types a customer may choose: [{"id", "name", "target"}], `target`
        being "order" (about the whole order) or "line" (about some of its lines)."""
        check_gateway()
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            return portal_types()

    @classmethod
    def file_complaint(cls, sale_id, key, values):
        """Files a complaint on one of the customer's orders: `values` = {"version" (the
        order's, as the customer was shown it), "type", "description", "lines" (ids of the
        order's lines, none for the whole order), "files" ([{"name", "data"}])}. One
        complaint per line, or one on the order; `conflict` when the order changed since."""
        # Before the files are looked at: only the gateway sends them.
        check_gateway()
        values = values if isinstance(values, dict) else {}
        description, error = check_description(values.get('description'))
        files, errors = check_files(values.get('files'))
        if error:
            errors.insert(0, error)
        line_ids = clean_ids(values.get('lines'))
        if line_ids is None:
            errors.append(field_error('lineIds', 'INVALID', 'The lines must be ids.'))
        if errors:
            return invalid(*errors)
        type_id = values.get('type')
        version = values.get('version')
        payload = {'sale': sale_id, 'version': version, 'type': type_id,
            'description': description,
            'lines': line_ids,
            'files': [[n, hashlib.sha256(d).hexdigest()] for n, d, _ in files]}

        def act(user, parties):
            sale = find_sale(sale_id, parties)
            if sale is None:
                return {'status': 'not_found'}
            # The customer complains about the order as shown: not one the staff changed since.
            if not same_version(sale, version):
                return {'status': 'conflict', 'sale': sale.id, 'state': sale.state}
            lines = order_lines(sale, line_ids)
            if lines is None:
                return {'status': 'not_found'}
            if sale.state not in COMPLAINT_SALE_STATES:
                return {'status': 'invalid_state', 'sale': sale.id, 'state': sale.state}
            type_ = find_type(type_id, 'line' if lines else 'order')
            if type_ is None:
                return invalid(field_error(
                        'typeId', 'INVALID_TYPE',
                        'Choose a type of problem about %s.' % (
                            'order lines' if lines else 'the whole order')))
            with as_company(sale.company):
                complaints = file_complaints(
                    sale, lines or [sale], type_['id'], description, user, files)
            return {'status': 'ok', 'sale': sale.id,
                'complaints': [c.id for c in complaints]}
        return run_write('file_complaint', key, payload, act)


def order_lines(sale, line_ids):
    "The product lines `line_ids` of `sale`, or None when one is not among them."
    by_id = {l.id: l for l in sale.lines if l.type == 'line'}
    if any(i not in by_id for i in line_ids):
        return None
    return [by_id[i] for i in line_ids]


def file_complaints(sale, origins, type_id, description, user, files):
    "One submitted complaint per origin, with the files attached; the company is told."
    pool = Pool()
    Complaint = pool.get('sale.complaint')
    Attachment = pool.get('ir.attachment')
    complaints = Complaint.create([{
                'customer': sale.party.id,
                'company': sale.company.id,
                'type': type_id,
                'origin': str(origin),
                'reference': sale.number,
                'description': description,
                'portal_web_user': user.id,
                } for origin in origins])
    Complaint.wait(complaints)
    if files:
        Attachment.create([{
                    'resource': str(complaint),
                    'name': name,
                    'type': 'data',
                    'data': data,
                    } for complaint in complaints for name, data, _ in files])
    numbers = ', '.join(c.number or str(c.id) for c in complaints)
    about = ('the whole order' if origins == [sale] else '\n'.join(
            '- %s' % (line.product.rec_name if line.product else line.description)
            for line in origins))
    notify_company(
        sale.company, 'Complaint on %s filed on the portal' % sale.number,
        ['%s (%s) reports a problem with %s: complaint %s.' % (
                sale.party.rec_name, user.email, sale.number, numbers),
            '', 'About: %s' % about if origins == [sale] else 'About:\n%s' % about,
            '', description,
            '', '%s file(s) attached.' % len(files)])
    return complaints
