"""The company's bank account, for customers who pay by transfer.

The gateway's group reads no `bank.account` and no `bank.account.number` at all (rules in
bank.xml): Tryton lets every user read every bank account, customers' included, and a
group's access record can only widen that. What the portal shows is the one account customers
pay into, through `portal.gateway.company_bank_account`.
"""
from trytond.pool import Pool, PoolMeta
from trytond.rpc import RPC
from trytond.transaction import Transaction

from .portal import as_root, check_gateway, context_parties


def iban_of(account):
    "The first active IBAN of a bank account, compact (no spaces), or None."
    for number in account.numbers:
        if number.type == 'iban' and number.active and number.number:
            return (number.number_compact or number.number).replace(' ', '')
    return None


class PortalGateway(metaclass=PoolMeta):
    __name__ = 'portal.gateway'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__['company_bank_account'] = RPC(readonly=True, check_access=False)

    @classmethod
    def company_bank_account(cls):
        """Where the customer of the context (`portal_session` or `portal_token`, as for the
        record rules) pays the company of the context by transfer: `{"holder", "iban", "bic",
        "currency"}` of the first active account of the company's party (in Tryton's order of
        its owners) that has an IBAN and is in the company's currency or in none; None without
        a valid customer key, a company or such an account."""
        check_gateway()
        context = Transaction().context
        company_id = context.get('company')
        if not context_parties(context) or not isinstance(company_id, int):
            return None
        Company = Pool().get('company.company')
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            company = Company(company_id)
            party = company.party
            for account in party.bank_accounts:
                if not account.active:
                    continue
                if account.currency and account.currency != company.currency:
                    continue
                iban = iban_of(account)
                if not iban:
                    continue
                currency = account.currency or company.currency
                return {
                    'holder': party.name,
                    'iban': iban,
                    'bic': (account.bank.bic or None) if account.bank else None,
                    'currency': currency.code,
                    }
        return None
