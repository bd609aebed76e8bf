"""Service notices: scheduled, localised, scoped messages at the top of pages, and notices.json for the app."""
