"""E-mailed links that keep their secrets out of access logs.

Tryton appends the reset and validation tokens (and the e-mail) to the configured URL as a
query string. Every proxy and web server on the way (traefik, the web app's server) writes the
query string into its access log, so anyone reading those logs could reset a customer's
password in the next hour. A URL fragment (`#token=…&email=…`) never leaves the browser: the
portal's web app reads it there. Tryton's own parsers of these links read both forms.
"""
import urllib.parse

from trytond.pool import PoolMeta


def to_fragment(url):
    "The URL with its query string moved into its fragment."
    parts = urllib.parse.urlsplit(url)
    if not parts.query:
        return url
    fragment = '&'.join(filter(None, [parts.fragment, parts.query]))
    return urllib.parse.urlunsplit(parts._replace(query='', fragment=fragment))


def to_query(url):
    "The inverse, for Tryton's helpers that read the parameters from the query string."
    parts = urllib.parse.urlsplit(url)
    if not parts.fragment or '=' not in parts.fragment:
        return url
    query = '&'.join(filter(None, [parts.query, parts.fragment]))
    return urllib.parse.urlunsplit(parts._replace(query=query, fragment=''))


class WebUser(metaclass=PoolMeta):
    __name__ = 'web.user'

    def get_email_validation_url(self, url=None):
        return to_fragment(super().get_email_validation_url(url))

    def get_email_reset_password_url(self, url=None):
        return to_fragment(super().get_email_reset_password_url(url))

    @classmethod
    def validate_email_url(cls, url):
        return super().validate_email_url(to_query(url))

    @classmethod
    def set_password_url(cls, url, password):
        return super().set_password_url(to_query(url), password)
