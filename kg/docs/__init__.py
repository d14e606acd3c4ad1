"""Documentation kg generates: the ontology's page (:mod:`kg.docs.ontology`)."""
