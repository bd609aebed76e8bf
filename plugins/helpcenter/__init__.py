"""Helpcenter: a self-service help center for crypto wallets, built on MkDocs."""
