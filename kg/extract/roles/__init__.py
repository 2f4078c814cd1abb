"""Role facts: who holds which post in which organisation, and party membership.

Each rule finds a title phrase next to a person and hands it to `read_title`, which
splits it into status ("former"), party, post and organisation. The rule families:
- `names`: titles beside a name: pre-nominal ("Camden Council leader Georgia Gould"),
  appositions after it ("Mary Barra, the chief executive of General Motors,") and before it
  ("The Home Office's permanent secretary, Jane Doe,"), honorific posts ("Sen. Todd Young")
  and US party-state tags ("Sen. Ted Cruz (R-Texas)");
- `clauses`: copular, post-verb and appointment clauses ("X is the chief executive of Y",
  "X joined Acme as chief economist", "Acme named X chair");
- `paths`: a person and a body joined by a dependency path that only says "works there";
- `context`: posts read without their body, placed from the article ("Chairman Jo Bloggs
  said" in an article about one company), and definite posts ("the prime minister said");
- `governments`: whose government, state chamber or country a post is held in.
`titles` reads a title phrase, `store` keeps the facts (`Roles.add`, `Roles.store`) and
`words` names the word sets more than one family reads.
The organisation comes from the text where it is there, else from the lexicon of
well-known posts (Home Secretary → Home Office), else from the party named with it.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from kg.extract.entities import DocumentEntities
from kg.extract.evidence import doc_tokens
from kg.extract.lexicon import Lexicons
from kg.extract.roles.clauses import adopt_subject, appointment, clausal
from kg.extract.roles.context import (
    definite_post,
    party_description,
    place_unplaced,
    post_named_after,
)
from kg.extract.roles.names import (
    apposition_after,
    apposition_before,
    honorific_post,
    party_tag,
    post_nominal,
    prenominal,
)
from kg.extract.roles.paths import paths
from kg.extract.roles.store import Roles
from kg.facts import Evidence, RoleFact

__all__ = ["extract_roles"]


def extract_roles(doc: Doc, ents: DocumentEntities, lex: Lexicons) -> list[RoleFact]:
    """All role facts of one article; registers each post holder with `ents` for coreference."""
    roles = Roles(doc, ents, lex)
    for token in doc_tokens(doc):
        adopt_subject(roles, token)
    for tokens, cluster in roles.person_mentions():
        prenominal(roles, tokens, cluster)
        apposition_after(roles, tokens, cluster)
        apposition_before(roles, tokens, cluster)
        party_tag(roles, tokens, cluster)
        post_nominal(roles, tokens, cluster)
        honorific_post(roles, tokens, cluster)
    for token in doc_tokens(doc):
        clausal(roles, token)
        appointment(roles, token)
    paths(roles)
    place_unplaced(roles)
    for token in doc_tokens(doc):
        definite_post(roles, token)
        post_named_after(roles, token)
        party_description(roles, token)  # after this token's definite post is known
    members = _members_by_office(roles)  # may add a council post to a fact read already
    return list(roles.facts.values()) + members


def _members_by_office(roles: Roles) -> list[RoleFact]:
    """Party membership that a party office says: "Conservative group leader Jo Bloggs" is
    a member of the Conservative Party as well as its group leader."""
    parties = set(roles.lex.parties.values())
    found = []
    for fact in roles.facts.values():
        post = fact.role.lower()
        if (
            fact.organisation.name in parties
            and "member" not in post
            and not post.startswith(("former", "ex-", "ex "))
        ):
            evidence = dataclasses.replace(
                fact.evidence, rule="role.party-office", confidence=fact.evidence.confidence * 0.9
            )
            found.append(dataclasses.replace(fact, role="member", evidence=evidence))
            if post.endswith("group leader"):
                found.extend(_council_group(roles, fact, evidence))
    return found


def _council_group(roles: Roles, fact: RoleFact, evidence: Evidence) -> list[RoleFact]:
    """ "Conservative group leader Jo Bloggs" in a story about one council: the party's group
    on that council, which the post is held in too (beside any seat already read there)."""
    council = roles.ents.local_council()
    if council is None:
        return []
    # "Conservative Party" gives "Conservative group leader"; "Liberal Democrats" no adjective
    party = fact.organisation.name
    adjective = party.removesuffix(" Party") if party.endswith(" Party") else ""
    written = f"{adjective} {fact.role}" if adjective and adjective not in fact.role else fact.role
    known = roles.facts.get((fact.person.name, council.name.lower()))
    if known is not None:
        # "Cllr Jo Bloggs" read there already: one fact naming both posts
        roles.facts[(fact.person.name, council.name.lower())] = dataclasses.replace(
            known, role=f"{known.role} and {written}"
        )
        return []
    evidence = dataclasses.replace(evidence, rule="role.council-group")
    return [
        dataclasses.replace(fact, role=written, organisation=council.entity(), evidence=evidence)
    ]
