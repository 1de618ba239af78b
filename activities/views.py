"""Public pages of the activities app."""
