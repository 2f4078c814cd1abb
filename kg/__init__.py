"""kg: a knowledge-graph builder for news (roles, quotes, funding) with RDF output."""

__version__ = "0.1.0"
