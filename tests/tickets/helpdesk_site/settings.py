"""Django settings of the test helpdesk: SQLite at $HELPCENTER_HELPDESK_DB, no mail, no network, no teams."""

from __future__ import annotations

import os

SECRET_KEY = "test-only-not-a-secret"  # noqa: S105 - a throwaway helpdesk on 127.0.0.1 for one test
DEBUG = True  # runserver then serves django-helpdesk's own static files (its pages load no CDN)
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "tests.tickets.helpdesk_site.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["HELPCENTER_HELPDESK_DB"]}}
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.messages",
    "django.contrib.sessions",
    "django.contrib.sites",
    "django.contrib.staticfiles",
    "rest_framework",
    "helpdesk",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.contrib.auth.context_processors.auth",
        "django.template.context_processors.request",
        "django.template.context_processors.static",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
STATIC_URL = "/static/"
SITE_ID = 1
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the new-ticket mails stay in memory
LOGIN_URL = "/login/"

# django-helpdesk: public submission on, teams off (no pinax), no attachments. The knowledge base stays on:
# with HELPDESK_KB_ENABLED = False, 2.6.1's urls.py fails (NameError: name 'kb' is not defined).
HELPDESK_TEAMS_MODE_ENABLED = False
HELPDESK_ENABLE_ATTACHMENTS = False
HELPDESK_SUBMIT_A_TICKET_PUBLIC = True
HELPDESK_USE_CDN = False
