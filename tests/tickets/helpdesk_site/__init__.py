"""A minimal django-helpdesk project for the end-to-end ticket test (test_django_helpdesk.py)."""
