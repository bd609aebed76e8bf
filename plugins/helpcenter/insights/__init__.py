"""Insights: what readers do with the help center (votes, search gaps, flowchart exits, ticket deflection).

The server half: `events` (the format and its checks), `store` (SQLite), `collector` (the web app
behind `helpcenter insights serve`) and `report` (`helpcenter insights report`). The browser half:
the `helpcenter-insights` plugin (`config`, `plugin`, `checks`) and `assets/helpcenter/insights/`.
"""
