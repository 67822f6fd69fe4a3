from .test_portal_api import suite

__all__ = ['suite']
