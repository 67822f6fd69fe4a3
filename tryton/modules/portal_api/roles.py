"""The roles of a customer's members and what each may do (issue 16), in one place.

A member is a web user whose party is the customer's. Its role (`web.user.portal_role`) gives
a set of scopes; an API token carries its creator's scopes, or fewer chosen at its creation,
and never more than its creator has now: the token's scopes are intersected with the
creator's current role on every call, so a demoted or removed creator takes its tokens along.

The scopes are enforced in Tryton twice:
- reads: the record rules of a model see the customer's parties only when the credential has
  the scope of that model (`MODEL_SCOPES`, rule.py); without it, no record at all;
- writes: `writes.run_write` refuses an operation whose scope the credential lacks
  (`OPERATION_SCOPES`) with `forbidden`, before anything is read or written. An operation not
  listed here is for administrators only, so a new write is closed until it is declared.

The gateway declares the same scopes on its fields and mutations (`@Authorized`).
"""

ADMINISTRATOR = 'administrator'
BUYER = 'buyer'
ACCOUNTANT = 'accountant'
VIEWER = 'viewer'
ROLES = [
    (ADMINISTRATOR, "Administrator"),
    (BUYER, "Buyer"),
    (ACCOUNTANT, "Accountant"),
    (VIEWER, "Viewer"),
    ]

ORDERS_READ = 'orders:read'
ORDERS_WRITE = 'orders:write'
INVOICES_READ = 'invoices:read'
INVOICES_PAY = 'invoices:pay'
DOCUMENTS_READ = 'documents:read'
ACCOUNT_WRITE = 'account:write'
MEMBERS_MANAGE = 'members:manage'
SCOPES = [
    ORDERS_READ, ORDERS_WRITE, INVOICES_READ, INVOICES_PAY, DOCUMENTS_READ,
    ACCOUNT_WRITE, MEMBERS_MANAGE]

ROLE_SCOPES = {
    ADMINISTRATOR: frozenset(SCOPES),
    # Orders, quotations, re-orders (and complaints).
    BUYER: frozenset([ORDERS_READ, ORDERS_WRITE]),
    # Invoices, payments, documents.
    ACCOUNTANT: frozenset([INVOICES_READ, INVOICES_PAY, DOCUMENTS_READ]),
    # Reads orders, invoices and documents; writes nothing.
    VIEWER: frozenset([ORDERS_READ, INVOICES_READ, DOCUMENTS_READ]),
    }

# The scope a model's record rule needs; the customer's own party, addresses and contacts
# are read by every member.
MODEL_SCOPES = {
    'sale.sale': ORDERS_READ,
    'sale.line': ORDERS_READ,
    'stock.shipment.out': ORDERS_READ,
    'sale.complaint': ORDERS_READ,
    'account.invoice': INVOICES_READ,
    'account.invoice.line': INVOICES_READ,
    'account.invoice.tax': INVOICES_READ,
    'account.move': INVOICES_READ,
    'account.move.line': INVOICES_READ,
    'ir.attachment': DOCUMENTS_READ,
    }

# The scope of each write run by writes.run_write; absent: administrators only.
OPERATION_SCOPES = {
    'accept_quotation': ORDERS_WRITE,
    'decline_quotation': ORDERS_WRITE,
    'reorder': ORDERS_WRITE,
    'file_complaint': ORDERS_WRITE,
    'pay_invoice': INVOICES_PAY,
    'create_address': ACCOUNT_WRITE,
    'update_address': ACCOUNT_WRITE,
    'archive_address': ACCOUNT_WRITE,
    'set_default_address': ACCOUNT_WRITE,
    'create_contact': ACCOUNT_WRITE,
    'update_contact': ACCOUNT_WRITE,
    'remove_contact': ACCOUNT_WRITE,
    'invite_member': MEMBERS_MANAGE,
    'change_member_role': MEMBERS_MANAGE,
    'remove_member': MEMBERS_MANAGE,
    }


def role_of(user):
    "The web user's role; a web user from before the roles (no value) is an administrator."
    return getattr(user, 'portal_role', None) or ADMINISTRATOR


def role_scopes(user):
    return ROLE_SCOPES.get(role_of(user), frozenset())


def parse_scopes(value):
    "Stored scopes (space separated) as a set; None: the creator's role."
    if not value:
        return None
    return frozenset(value.split())


def effective_scopes(user, token_scopes=None):
    "What a credential may do now: the role's scopes, narrowed by the token's when it has some."
    scopes = role_scopes(user)
    if token_scopes is not None:
        scopes = scopes & token_scopes
    return scopes


def operation_allowed(operation, scopes):
    needed = OPERATION_SCOPES.get(operation)
    if needed is None:
        return set(SCOPES) <= set(scopes)
    return needed in scopes


def sorted_scopes(scopes):
    return [s for s in SCOPES if s in scopes]
