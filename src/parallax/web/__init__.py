"""The REST API and the web UI: a thin layer over the library.

``create_app(settings)`` builds the application; ``parallax serve`` runs it with uvicorn.
"""

from parallax.web.app import create_app
from parallax.web.settings import ServerSettings, is_loopback

__all__ = ["ServerSettings", "create_app", "is_loopback"]
