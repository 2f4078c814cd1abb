"""kg/vocab.py and ontology/kg.ttl declare the same terms, and code and queries use only those."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.vocab import KGO

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
_DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def _declared(graph: Graph) -> set[str]:
    namespace = str(KGO)
    return {
        str(term)[len(namespace) :]
        for kind in _DECLARATIONS
        for term in graph.subjects(RDF.type, kind)
        if str(term).startswith(namespace)
    }


def test_vocab_module_and_ontology_declare_the_same_terms() -> None:
    assert _declared(_ontology()) == set(KGO.__annotations__)


def test_every_ontology_term_has_a_label_and_a_comment() -> None:
    graph = _ontology()
    for name in _declared(graph):
        term = URIRef(str(KGO) + name)
        assert graph.value(term, RDFS.label) is not None, name
        assert graph.value(term, RDFS.comment) is not None, name


def test_kgo_terms_used_in_code_and_queries_are_declared() -> None:
    declared = _declared(_ontology())
    sources = [
        *(ROOT / "kg").rglob("*.py"),
        *(ROOT / "ontology" / "queries").rglob("*.rq"),
        ROOT / "ontology" / "shapes.ttl",
    ]
    used = {
        term
        for path in sources
        for term in re.findall(
            r"\bKGO\.(\w+)|\bKGO\[\"(\w+)\"\]|\bkgo:(\w+)", path.read_text(encoding="utf-8")
        )
    }
    names = {name for pair in used for name in pair if name}
    assert names <= declared, names - declared


def test_readme_vocabulary_table_has_every_class_and_property() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Vocabulary") :]
    table = table[: table.index("\n### ")]
    missing = {name for name in _declared(_ontology()) if f"`kgo:{name}`" not in table}
    assert not missing


def test_a_misspelt_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = KGO.Persn
