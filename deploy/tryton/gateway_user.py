# Run by portal-init through trytond-console (pool and transaction are given): creates or
# updates the gateway's technical user, in the "Portal gateway" group only, never admin, with
# every company. Idempotent: a second run changes nothing.
#
# Tryton's many2many write actions are add, remove, create, write, delete and copy (there is
# no "set"): the groups and companies the user should not have are removed, the missing ones
# added. The password is written only when it no longer matches the secret, because writing
# it closes the user's sessions (every running gateway would have to log in again).
import os

LOGIN = os.environ.get('TRYTON_GATEWAY_LOGIN', 'portal_gateway')
with open(os.environ['TRYTON_GATEWAY_PASSWORD_FILE'], encoding='utf-8') as secret:
    password = secret.read().strip()
if not password:
    raise SystemExit('gateway_user: the password file is empty')

User = pool.get('res.user')  # noqa: F821 (provided by trytond-console)
ModelData = pool.get('ir.model.data')  # noqa: F821
Company = pool.get('company.company')  # noqa: F821


def many2many(current, wanted):
    "The actions turning the ids `current` into exactly `wanted`."
    actions = []
    extra = sorted(set(current) - set(wanted))
    missing = sorted(set(wanted) - set(current))
    if extra:
        actions.append(('remove', extra))
    if missing:
        actions.append(('add', missing))
    return actions


def password_matches():
    # read() never gives password_hash: _get_login reads it from the table (active users).
    _, hash_, _ = User._get_login(LOGIN)
    if not hash_:
        return False
    # pwdlib (7.6, 8.0) and passlib (7.0) give (valid, new hash); older series a bool.
    result = User.check_password(password, hash_)
    return result[0] if isinstance(result, tuple) else bool(result)


group = ModelData.get_id('portal_api', 'group_portal_gateway')
companies = [c.id for c in Company.search([], order=[('id', 'ASC')])]
with transaction.set_context(active_test=False):  # noqa: F821
    users = User.search([('login', '=', LOGIN)])
if users:
    user, = users
    values = {}
    if user.name != 'Portal gateway':
        values['name'] = 'Portal gateway'
    if not user.active:
        values['active'] = True
    groups = many2many([g.id for g in user.groups], [group])
    if groups:
        values['groups'] = groups
    user_companies = many2many([c.id for c in user.companies], companies)
    if user_companies:
        values['companies'] = user_companies
    if companies and (not user.company or user.company.id not in companies):
        values['company'] = companies[0]
    elif not companies and user.company:
        values['company'] = None
    if not user.active or not password_matches():
        values['password'] = password
    if values:
        User.write([user], values)
    print('gateway_user: %s %s' % (
            LOGIN, 'updated: ' + ', '.join(sorted(values)) if values else 'unchanged'))
else:
    values = {
        'login': LOGIN,
        'name': 'Portal gateway',
        'password': password,
        'groups': [('add', [group])],
        }
    if companies:
        values['companies'] = [('add', companies)]
        values['company'] = companies[0]
    User.create([values])
    print('gateway_user: %s created' % LOGIN)
transaction.commit()  # noqa: F821
