"""Developer scripts; not part of the site."""
