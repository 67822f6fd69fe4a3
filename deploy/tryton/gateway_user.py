# Run by portal-init through trytond-console (pool and transaction are given): creates or
# updates the gateway's technical user, in the "Portal gateway" group only, never admin.
import os

password = open(os.environ['TRYTON_GATEWAY_PASSWORD_FILE']).read().strip()
User = pool.get('res.user')  # noqa: F821 (provided by trytond-console)
ModelData = pool.get('ir.model.data')  # noqa: F821
Company = pool.get('company.company')  # noqa: F821
group = ModelData.get_id('portal_api', 'group_portal_gateway')
companies = Company.search([])
values = {
    'name': 'Portal gateway',
    'password': password,
    'groups': [('set', [group])],
}
if companies:
    values['companies'] = [('set', [c.id for c in companies])]
    values['company'] = companies[0].id
users = User.search([('login', '=', 'portal_gateway')])
if users:
    User.write(users, values)
else:
    User.create([dict(values, login='portal_gateway')])
transaction.commit()  # noqa: F821
