"""Who did it (issue 16): the member behind each self-service write, on the record.

The portal's writes run as root for the record's company (writes.py), so Tryton's own
`write_uid` names no member of the customer. Each write method of the gateway's RPC model sets
the member of its credential (the web user of the session or API token, never a value of the
client) on the record it wrote:

- `sale.sale`: `portal_requested_by` (a re-order), `portal_accepted_by`, `portal_declined_by`;
- `sale.complaint`: `portal_web_user` (complaint.py), who filed it;
- `party.address`, `party.contact_mechanism`: `portal_changed_by`, the last member who added,
  changed, archived or made it the default;
- `account.payment`: `portal_paid_by`, who started paying an invoice online (online_payment.py;
  registered only with account_payment_stripe, as the online payment itself);
- `web.user` (members.py): `portal_invited_by`, `portal_role_changed_by` (the last
  administrator who changed the member's role) and `portal_removed_by` (kept on the archived
  web user of a removed member).

The staff see them in Tryton (read only; the "Other Info" page of the sale and of the
payment, the complaint's and the web user's forms). A copy made in Tryton names no author.
The gateway reads each author's e-mail (the `..._email` fields, computed as root: the gateway's
user reads no web user), which members see on the record.
"""
from trytond.model import fields
from trytond.pool import Pool, PoolMeta

from .portal import as_root


def author_field(string):
    return fields.Many2One(
        'web.user', string, readonly=True, ondelete='SET NULL')


def email_field(string):
    return fields.Function(fields.Char(string), 'get_portal_author_email')


class AuthorsNotCopied:
    """A copy made in Tryton names no portal author: the fields `_portal_authors` start empty.
    One registered class of a model declares them (the last one's tuple would hide another's)."""
    __slots__ = ()
    _portal_authors = ()

    @classmethod
    def copy(cls, records, default=None):
        default = dict(default or {})
        for name in cls._portal_authors:
            default.setdefault(name, None)
        return super().copy(records, default=default)


class AuthorEmails:
    "The e-mail of each author field (`<field>_email`), read as root."
    __slots__ = ()

    @classmethod
    def get_portal_author_email(cls, records, names):
        WebUser = Pool().get('web.user')
        result = {name: {r.id: None for r in records} for name in names}
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            authors = {}
            for name in names:
                field = name[:-len('_email')]
                for record in cls.browse([r.id for r in records]):
                    author = getattr(record, field)
                    if author:
                        authors.setdefault(author.id, []).append((name, record.id))
            if authors:
                users = WebUser.search([
                        ('id', 'in', list(authors)),
                        ('active', 'in', [True, False]),
                        ])
                for user in users:
                    for name, record_id in authors[user.id]:
                        result[name][record_id] = user.email
        return result


class Sale(AuthorsNotCopied, AuthorEmails, metaclass=PoolMeta):
    __name__ = 'sale.sale'
    _portal_authors = ('portal_requested_by', 'portal_accepted_by', 'portal_declined_by')
    portal_requested_by = author_field("Requested on the Portal by")
    portal_accepted_by = author_field("Accepted on the Portal by")
    portal_declined_by = author_field("Declined on the Portal by")
    portal_requested_by_email = email_field("Requested on the Portal by (E-mail)")
    portal_accepted_by_email = email_field("Accepted on the Portal by (E-mail)")
    portal_declined_by_email = email_field("Declined on the Portal by (E-mail)")


class Complaint(AuthorEmails, metaclass=PoolMeta):
    __name__ = 'sale.complaint'
    portal_web_user_email = email_field("Filed on the Portal by (E-mail)")


class Address(AuthorsNotCopied, AuthorEmails, metaclass=PoolMeta):
    __name__ = 'party.address'
    _portal_authors = ('portal_changed_by',)
    portal_changed_by = author_field("Changed on the Portal by")
    portal_changed_by_email = email_field("Changed on the Portal by (E-mail)")


class ContactMechanism(AuthorsNotCopied, AuthorEmails, metaclass=PoolMeta):
    __name__ = 'party.contact_mechanism'
    _portal_authors = ('portal_changed_by',)
    portal_changed_by = author_field("Changed on the Portal by")
    portal_changed_by_email = email_field("Changed on the Portal by (E-mail)")


class Payment(AuthorsNotCopied, AuthorEmails, metaclass=PoolMeta):
    __name__ = 'account.payment'
    _portal_authors = ('portal_paid_by',)
    portal_paid_by = author_field("Paid on the Portal by")
    portal_paid_by_email = email_field("Paid on the Portal by (E-mail)")


def set_changed_by(model, record_id, user):
    "Names `user` as the last member who changed the address or contact `record_id`."
    if record_id:
        Model = Pool().get(model)
        Model.write([Model(record_id)], {'portal_changed_by': user.id})
