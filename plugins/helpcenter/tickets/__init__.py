"""Prefilled support tickets in the company's own helpdesk, behind a firewall for secrets."""
