"""Demo content for a new installation, built from the article in ../shared/seeds (November 2009)."""
