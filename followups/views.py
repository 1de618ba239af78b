"""Public pages of the followups app."""
