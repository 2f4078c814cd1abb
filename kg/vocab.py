"""The RDF terms kg writes, as Python objects: a typo in a term is an AttributeError, not a new IRI.

`KGO` mirrors `ontology/kg.ttl` term for term (a test keeps the two in step). The other
vocabularies come from rdflib (ORG, SDO, PROV, ...), except the Web Annotation terms, below.
`ID` is the namespace of the resources kg names (people, facts, evidence ...).
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology"
ID = Namespace("https://w3id.org/kg-news/id/")


class KGO(DefinedNamespace):
    """The kg-news ontology (`ontology/kg.ttl`)."""

    _NS = Namespace("https://w3id.org/kg-news/ontology#")
    _fail = True

    # Things the news is about
    Person: URIRef
    Organisation: URIRef
    UnnamedSource: URIRef
    Programme: URIRef
    Article: URIRef
    documentId: URIRef

    # Facts
    RoleFact: URIRef
    roleTitle: URIRef
    Claim: URIRef
    speaker: URIRef
    direct: URIRef
    content: URIRef
    Funding: URIRef
    programme: URIRef

    # Evidence and provenance
    evidence: URIRef
    Evidence: URIRef
    sentence: URIRef
    rule: URIRef
    confidence: URIRef
    roleMention: URIRef
    speakerMention: URIRef
    cue: URIRef
    amountMention: URIRef
    TextSpan: URIRef
    ExtractionRun: URIRef
    pipeline: URIRef


class OA(DefinedNamespace):
    """The part of the W3C Web Annotation vocabulary kg uses to point into article text."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
