"""Actor portrayal: roles (protagonist, antagonist, victim, neutral) and sentiment."""

from parallax.portrayal.roles import ROLES, portray

__all__ = ["ROLES", "portray"]
