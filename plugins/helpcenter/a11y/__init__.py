"""Accessibility checks that need no browser: the contrast of the colours a site configures."""
