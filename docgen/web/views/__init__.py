"""The pages of the web application, one module per part: documents (form, preview,
download), lint, batch, draft, and the error pages."""
