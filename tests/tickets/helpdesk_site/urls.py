"""The helpdesk at the site root: its public form is /tickets/submit/."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [path("", include("helpdesk.urls", namespace="helpdesk"))]
