"""Funding facts: who pays how much, for which programme.

Money is found by a regular expression over the raw text (spaCy's MONEY spans drop "£"
and "m" in "£1.4m"), normalised to a number and an ISO 4217 code. It is funding only with
positive evidence: it sizes a funding noun ("a £3 million Clean Air Fund",
"£250,000 funding") or is what a funding verb gives ("pledged $2m", "increase funding to
£1.4m"). Money that sizes a profit, price or shortfall, or that is bought, earned or cut,
is not funding. The funder is the possessor of the fund, the subject (or "by" agent) of
the funding verb, or the "by" phrase of the clause's subject ("measures by the mayor
include a £45m fund"), resolved through coreference.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import (
    NATIONAL_WORDS,
    ORG_LABELS,
    Cluster,
    DocumentEntities,
    Resolved,
    noun_phrase,
    prep_objects,
)
from kg.extract.evidence import doc_text, doc_tokens, headline, sentence_evidence, text_span
from kg.extract.lexicon import Lexicons
from kg.facts import Entity, EntityKind, Fact, FundingFact, RoleFact

SCALES = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "m": 10**6, "mn": 10**6, "mln": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12,
    # South Asian English: "Rs 20 lakh", "₹500 crore".
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7, "cr": 10**7,
}  # fmt: skip
# Capitalised words that name a time, not a programme ("funding for March").
CALENDAR_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "spring", "summer", "autumn", "winter",
}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"trillion|billion|million|thousand|crores?|lakhs?|trn|tn|bn|mn|mln|cr|m|k|b"
_NAME_WORD = re.compile(r"[\w.]+")
_LINK_WORDS = {"of", "the", "for", "and", "&"}
# What a later sentence calls money already given: "The money will go to the Homes Fund".
_MONEY_ANAPHORS = {"money", "funding", "cash", "investment", "grant", "funds"}
# Entity labels NER gives the name of a fund or a body ("the Homes Fund" may be a WORK_OF_ART).
_NAME_LABELS = {"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
# Verbs of running a fund: "the X Fund, which is run by the Ministry", "administered by".
_RUNNING_VERBS = {"run", "administer", "manage", "operate", "oversee"}
# Nouns of a pot of money that pays out: money "from" one comes from its owner.
# Members of a council, who act for it as a body: "councillors approved £3m".
_COUNCIL_MEMBERS = {"councillor", "councilor", "councilmember", "alderman"}
_FUND_WORDS = {"fund", "programme", "program", "scheme", "initiative", "package"}
_FUND_OR_PROJECT = _FUND_WORDS | {"project"}
# Verbs that send such money somewhere: "go to", "flow through", "be paid into", "put into",
# or say where it comes from: "comes from the Rural Fund".
_DESTINATION_VERBS = {"go", "flow", "pass", "channel", "pay", "route", "funnel", "come", "put"}
# Heads through which money reaches the noun or verb that says what it is for.
_UP_DEPS = {
    "nummod",
    "compound",
    "amod",
    "nmod",
    "quantmod",
    "npadvmod",
    "appos",
    "dobj",
    "pobj",
    "prep",
    "agent",  # "would be matched by €150m from the Exchequer"
    "conj",
    "attr",
    "nsubjpass",
    "nsubj",
    "oprd",
}


@dataclass(frozen=True)
class Money:
    """An amount of money written in the text."""

    start: int
    end: int
    amount: Decimal | None
    currency: str | None


def _money_pattern(lex: Lexicons) -> re.Pattern[str]:
    symbols = sorted(
        (s for s in lex.currencies if not s.isalpha() or s.isupper() or s in {"Rs", "Rs."}),
        key=len,
        reverse=True,
    )
    words = sorted(
        (s for s in lex.currencies if s.isalpha() and s.islower()), key=len, reverse=True
    )
    symbol = "|".join(re.escape(s) for s in symbols)
    word = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"(?<![\w$])(?P<sym>{symbol})\s?(?P<num>{_NUMBER})(?:[\s-]?(?P<scale>{_SCALE})\b)?"
        rf"|(?<![\w.])(?P<num2>{_NUMBER})(?:\s?(?P<scale2>{_SCALE}))?\s(?:of\s)?(?P<word>{word})\b"
        # "half a million pounds", "a quarter of a billion dollars"
        rf"|\b(?P<part>half\s+a|a\s+quarter\s+of\s+a)\s+(?P<scale3>million|billion)\s+(?P<word3>{word})\b"
        rf"|\b(?P<vague>(?:tens|hundreds|millions|billions)\s+of\s+(?:millions\s+of\s+|billions\s+of\s+|thousands\s+of\s+)?)(?P<word2>{word})\b",
        re.IGNORECASE,
    )


def _plain(amount: Decimal) -> Decimal:
    """1.4 × 10⁶ as 1400000, not 1400000.0 or 1.4E+6."""
    integral = amount.to_integral_value()
    return integral if amount == integral else amount.normalize()


def find_money(text: str, lex: Lexicons) -> list[Money]:
    """Every amount of money in `text`, with its value (None when vague) and currency code."""
    found = []
    for match in _money_pattern(lex).finditer(text):
        symbol = (
            match.group("sym")
            or match.group("word")
            or match.group("word2")
            or match.group("word3")
            or ""
        )
        code = (
            lex.currencies.get(symbol)
            or lex.currencies.get(symbol.lower())
            or lex.currencies.get(symbol.upper())
        )
        if symbol in {"R", "Rs", "Rs."} and not match.group("scale"):
            continue  # "R" alone is too often a letter; South African copy writes "R2bn".
        number = match.group("num") or match.group("num2")
        amount = None
        if number:
            scale = (match.group("scale") or match.group("scale2") or "").lower()
            amount = _plain(Decimal(number.replace(",", "")) * SCALES.get(scale, 1))
        elif part := match.group("part"):
            fraction = Decimal("0.5") if part.lower().startswith("half") else Decimal("0.25")
            amount = _plain(fraction * SCALES[match.group("scale3").lower()])
        found.append(Money(match.start(), match.end(), amount, code))
    return found


class FundingExtractor:
    """Reads every amount of money in one article and keeps those that are funding."""

    def __init__(self, doc: Doc, ents: DocumentEntities, lex: Lexicons) -> None:
        self.doc = doc
        self.ents = ents
        self.lex = lex
        self.verbs = lex.funding.get("verb", frozenset())
        self.receive = lex.funding.get("receive", frozenset())
        self.nouns = lex.funding.get("noun", frozenset())
        self.not_nouns = lex.funding.get("not-noun", frozenset())
        self.not_verbs = lex.funding.get("not-verb", frozenset())
        self._money: list[Money] = []

    def run(self) -> list[FundingFact]:
        facts = []
        self._unpaid: list[tuple[Span, Money, str | None, Token | None, Token | None]] = []
        self._mentions: list[tuple[int, str, str]] | None = None
        self._last_payer: Resolved | None = None
        self._first_payer: Resolved | None = None
        self._raiser: Entity | None = None
        self._described_purposes: dict[int, Entity] = {}
        self._wholes_again: list[Money] = []
        text = doc_text(self.doc)
        previous: Money | None = None
        self._money = find_money(text, self.lex)
        title = headline(text)
        self._body_start = title[1] if title is not None else 0
        summary = _summary_block(text)
        for money in self._money:
            if title is not None and money.start < title[1] and self._restated(money, title[1]):
                continue  # "Ministers pledge £450m for buses": the body says it again
            in_summary = summary is not None and summary[0] <= money.start < summary[1]
            if in_summary and self._restated(money, summary[1]):
                continue  # "Key points: The government will spend $9.8bn ...": likewise
            converted = previous is not None and text[previous.end : money.start].strip() == "("
            previous = money
            if converted:
                continue  # "$40m (£31m)": the same money in another currency
            if _per_item(text, money):
                continue  # "grants of up to $5m each", "between $250,000 and $5m": a size
            if self._referred_back(text, money):
                # "Of the £1.2m, £750,000 comes from ...": the sum told before, whose parts
                # the sentence's other sums are
                self._wholes_again.append(money)
                continue
            span = self.doc.char_span(money.start, money.end, alignment_mode="expand")
            if span is None or len(span) == 0 or span.start in self.ents.quoted:
                continue
            if self._sizes_other(text, money):
                continue  # "a £250m share buyback", "its $480m sale": money that is no funding
            currency = money.currency
            if currency == "?$":
                currency = self.lex.dollar
            fact = self._funding(span, money, currency)
            if fact is not None:
                for each in self._each_government(fact):
                    facts = _merged(facts, each)
        facts = self._paid_by_the_storys_fund(facts)
        facts = self._programmes_introduced_after(self._programmes_named_after(facts))
        facts = self._awards_told_after(facts)
        facts = self._further_sums(self._story_programme(self._governments_funds(facts)))
        facts = self._parts_of_totals(facts)
        facts = self._rounds_raised(self._programmes_referred_back(self._owned_funds(facts)))
        # what a sum's own words describe, and then more of it ("a further £300,000")
        facts = self._parts_of_wholes_again(facts)
        return self._further_sums(self._purposes_described(self._nearest_programmes(facts)))

    def _parts_of_wholes_again(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "... announced a £1.2m programme. Of the £1.2m, £450,000 comes from its own
        budget": a sum in the sentence that takes up an earlier sum is part of what that one
        paid for."""
        for whole in self._wholes_again:
            sentence = self.doc[self._token_at(whole.start)].sent
            earlier = next(
                (
                    f
                    for f in facts
                    if f.amount == whole.amount
                    and f.amount_mention is not None
                    and f.amount_mention.start < sentence.start_char
                ),
                None,
            )
            if earlier is None or earlier.programme is None:
                continue
            facts = [
                dataclasses.replace(f, programme=earlier.programme)
                if f.programme is None
                and f.amount_mention is not None
                and sentence.start_char <= f.amount_mention.start < sentence.end_char
                else f
                for f in facts
            ]
        return facts

    def _purposes_described(self, facts: list[FundingFact]) -> list[FundingFact]:
        """A sum still paying for nothing named pays for what its own sentence describes
        ("£12m to build a community diagnostic centre"): a named programme, in its sentence or
        near it, says better what it is part of."""
        return [
            dataclasses.replace(fact, programme=described)
            if fact.programme is None
            and fact.amount_mention is not None
            and (described := self._described_purposes.get(fact.amount_mention.start))
            else fact
            for fact in facts
        ]

    def _nearest_programmes(self, facts: list[FundingFact]) -> list[FundingFact]:
        """A sum whose own words name nothing it pays for pays, most likely, for the named
        fund or programme the article gave last before it (in its sentence or the three
        before), or for the one such programme the article names; kept at a lower
        confidence."""
        funders = {f.funder.name.lower() for f in facts}
        named = [
            (start, name)
            for start, name, lemma in self._fund_mentions()
            if lemma in _FUND_OR_PROJECT - {"package"} and name.lower() not in funders
        ]
        named += [
            (f.amount_mention.start, f.programme.name)
            for f in facts
            if f.programme is not None
            and f.amount_mention is not None
            and f.programme.name.split()[-1].lower() in _FUND_OR_PROJECT
        ]
        if not named:
            return facts
        only = {name for _, name in named}
        starts = self.ents.sentence_starts
        for k, fact in enumerate(facts):
            if fact.programme is not None or fact.amount_mention is None:
                continue
            sentence = bisect.bisect_right(starts, self._token_at(fact.amount_mention.start)) - 1
            lo = self.doc[starts[max(0, sentence - 3)]].idx
            before = [(s, n) for s, n in named if lo <= s < fact.amount_mention.start]
            name = max(before)[1] if before else (next(iter(only)) if len(only) == 1 else None)
            if name is not None:
                evidence = dataclasses.replace(
                    fact.evidence, confidence=min(fact.evidence.confidence, 0.5)
                )
                facts[k] = dataclasses.replace(
                    fact, programme=Entity(name, EntityKind.PROGRAMME), evidence=evidence
                )
        return facts

    def _rounds_raised(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "Grassline has raised €38m in a round ... The round was led by Northlight, which
        put in €20m": each investor's sum in a sentence about the round pays for the company
        that raised it."""
        raiser = self._raiser
        if raiser is None:
            return facts
        for k, fact in enumerate(facts):
            if fact.programme is not None or fact.amount_mention is None:
                continue
            if _same_body(fact.funder.name, raiser.name):
                continue
            sentence = self.doc[self._token_at(fact.amount_mention.start)].sent
            if any(t.lemma_.lower() == "round" for t in sentence):
                facts[k] = dataclasses.replace(fact, programme=raiser)
        return facts

    def _owned_funds(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "a $2m grant from the Justice Department's X Initiative", "the department's X
        Program committed $95m": a named fund that pays, given with its owner, is the
        owner's money, and the fund is what it pays through."""
        for k, fact in enumerate(facts):
            words = fact.funder.name.split()
            if len(words) < 2 or words[-1].lower() not in _FUND_WORDS - {"package"}:
                continue
            owner = next(
                (
                    payer
                    for token in self.doc
                    if token.lemma_.lower() in _FUND_WORDS
                    and token.i + 1 >= len(words)
                    and self.doc[token.i + 1 - len(words) : token.i + 1].text == fact.funder.name
                    for possessor in self._possessors(token)
                    for payer in [self._payer(possessor)]
                    if payer is not None and payer.entity.kind is EntityKind.ORGANISATION
                ),
                None,
            )
            if owner is not None:
                facts[k] = dataclasses.replace(
                    fact,
                    funder=owner.entity,
                    programme=fact.programme or Entity(fact.funder.name, EntityKind.PROGRAMME),
                )
        return facts

    def _possessors(self, fund: Token) -> list[Token]:
        """Who a named fund belongs to by a possessive: its "poss" child, or the head of the
        body named right before it with "'s", however the parser hung the two names."""
        found = [c for c in fund.children if c.dep_ == "poss"]
        entity = self.ents.entity_at(fund.i)
        start = entity.start if entity is not None else fund.left_edge.i
        if start >= 2 and self.doc[start - 1].tag_ == "POS":
            before = self.ents.entity_at(start - 2)
            if before is not None and before.label_ in ORG_LABELS:
                found.append(before.root)
        return found

    def _programmes_referred_back(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "... from the City Region Transport Settlement. The department has awarded the
        region £1.1bn through the settlement": money paid through, under or from "the X",
        a common noun that ends a name given earlier, pays for the named thing; a named
        fund its sentence pays through or under, wherever the parser hangs it, likewise."""
        text = doc_text(self.doc)
        for k, fact in enumerate(facts):
            if fact.programme is not None or fact.amount_mention is None:
                continue
            token = self.doc[self._token_at(fact.amount_mention.start)]
            for noun in token.sent:
                if noun.dep_ != "pobj" or noun.head.lower_ not in {
                    "through", "under", "from", "via",
                }:  # fmt: skip
                    continue
                if (
                    noun.head.lower_ != "from"
                    and (name := self._paid_through(noun))
                    and name != fact.funder.name
                ):
                    # "awarded $1.9bn in grants ..., the largest round under its X Program"
                    facts[k] = dataclasses.replace(
                        fact, programme=Entity(name, EntityKind.PROGRAMME)
                    )
                    break
                if not (
                    noun.text.islower()
                    and noun.pos_ == "NOUN"
                    and any(c.lower_ in {"the", "this"} for c in noun.children)
                ):
                    continue
                earlier = re.findall(
                    rf"\b((?:[A-Z][\w'-]*\s+){{1,6}}{noun.text.capitalize()})\b",
                    text[: token.sent.start_char],
                )
                names = {re.sub(r"^(?:The|A|An)\s+", "", name) for name in earlier}
                names = {name for name in names if " " in name}
                if len(names) == 1 and (name := names.pop()) != fact.funder.name:
                    facts[k] = dataclasses.replace(
                        fact, programme=Entity(name, EntityKind.PROGRAMME)
                    )
                    break
        return facts

    def _paid_by_the_storys_fund(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "Twenty towns are to share £48m ... The money comes from the Coastal Fund, which
        is run by the Department for Culture": money received with no payer of its own is
        paid by the owner of the one fund with a known owner the article names; "X has
        allocated €31m under the Y Fund ... Offaly will receive €6.2m": or by the payer of
        the named fund a sum before it went through, the nearest before it."""
        if not self._unpaid:
            return facts
        owned = {
            (fund.name, owner.entity.name): (fund, owner)
            for prep in self.doc
            if prep.dep_ == "prep" and prep.lower_ in {"from", "under", "through"}
            for found in [self._source_fund(prep)]
            if found is not None and found[1] is not None
            for fund, owner in [found]
        }
        owners = {owner.entity.name for _, owner in owned.values()}
        # one fund: what the money pays through; several of one owner's: the owner pays
        story = next(iter(owned.values())) if len(owners) == 1 else None
        only = story[0] if story is not None and len(owned) == 1 else None
        paid_through = [
            f
            for f in facts
            if f.programme is not None
            and f.amount_mention is not None
            and f.programme.name.split()[-1].lower() in _FUND_WORDS | {"grants"}
        ]
        for span, money, currency, noun, verb in self._unpaid:
            before = [f for f in paid_through if f.amount_mention.start < money.start]
            # "The federal government will spend $2.6bn on bridges ... Ohio receives the
            # biggest single award, $412m": a share of a larger sum paid out before it
            larger = [
                f
                for f in facts
                if f.amount_mention is not None
                and f.amount_mention.start < money.start
                and f.currency == currency
                and f.amount is not None
                and f.amount > money.amount
            ]
            if before:
                funder, fund = before[-1].funder, before[-1].programme
            elif story is not None:
                funder, fund = story[1].entity, only
            elif larger and verb is not None and verb.lemma_.lower() in self.receive:
                funder, fund = larger[0].funder, None
            else:
                continue
            fact = FundingFact(
                funder=funder,
                amount=money.amount,
                currency=currency,
                evidence=sentence_evidence(span, "funding.story", 0.6),
                programme=self._programme(noun, verb) or self._receiver(verb) or fund,
                amount_mention=text_span(self.doc, money.start, money.end),
            )
            facts = _merged(facts, fact)
        facts.sort(key=lambda f: f.amount_mention.start if f.amount_mention else 0)
        return facts

    def _parts_of_totals(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "... will jointly fund a A$480m upgrade of the highway. The Commonwealth will
        provide A$384m and the Queensland Government A$96m": sums of one sentence that add up
        to a total just before pay for what the total does."""
        sentence_of = {
            k: self.doc[self._token_at(f.amount_mention.start)].sent.start
            for k, f in enumerate(facts)
            if f.amount_mention is not None
        }
        for k, total in enumerate(facts):
            if total.programme is None or total.amount is None or k not in sentence_of:
                continue
            later = sorted({sentence_of[j] for j in sentence_of if j > k} - {sentence_of[k]})
            for start in later[:2]:
                parts = [
                    j
                    for j in sentence_of
                    if j > k and sentence_of[j] == start and facts[j].amount is not None
                ]
                if len(parts) > 1 and sum(facts[j].amount for j in parts) == total.amount:
                    for j in parts:
                        if facts[j].programme is None:
                            facts[j] = dataclasses.replace(facts[j], programme=total.programme)
                    break
        return facts

    def _further_sums(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "A further $7m will come from the growers": more money for what the sum in the
        sentence before paid for."""
        text = doc_text(self.doc)
        for k in range(1, len(facts)):
            fact, last = facts[k], facts[k - 1]
            if fact.programme is not None or fact.amount_mention is None:
                continue
            if last.amount_mention is None or last.programme is None:
                continue
            before = text[max(0, fact.amount_mention.start - 25) : fact.amount_mention.start]
            between = text[last.amount_mention.end : fact.amount_mention.start]
            if _MORE_OF.search(before) and between.count(". ") <= 1:
                facts[k] = dataclasses.replace(fact, programme=last.programme)
        return facts

    def _story_programme(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "... voted to contribute $18.5m, repaid from the scheme's water charges": a sum in a
        sentence that points back to "the scheme" (or project, programme, fund, "the money")
        pays for the one programme the article names, when it names one only."""
        if all(f.programme is not None or f.amount_mention is None for f in facts):
            return facts
        funders = {f.funder.name.lower() for f in facts}
        names = {name for _, name, _ in self._fund_mentions() if name.lower() not in funders}
        names |= {f.programme.name for f in facts if f.programme is not None}
        if len(names) != 1:
            return facts
        programme = Entity(names.pop(), EntityKind.PROGRAMME)
        for k, fact in enumerate(facts):
            if fact.programme is not None or fact.amount_mention is None:
                continue
            token = self.doc[self._token_at(fact.amount_mention.start)]
            if any(
                t.lemma_.lower() in _FUND_WORDS | {"project", "plan", "money"}
                and t.text.islower()
                and any(c.lower_ in {"the", "this"} for c in t.children)
                for t in token.sent
            ):
                facts[k] = dataclasses.replace(fact, programme=programme)
        return facts

    def _governments_funds(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "The government will put $30m into the scheme. The money comes from the Regional
        Infrastructure Fund, a $1.2bn pot ...": in an article where a government pays, a
        named public fund that pays is that government's, and the fund is the programme."""
        governments = [f.funder for f in facts if f.funder.name.split()[-1:] == ["Government"]]
        if len({g.name for g in governments}) != 1:
            return facts
        government = governments[0]
        for k, fact in enumerate(facts):
            words = fact.funder.name.split()
            if len(words) > 1 and words[-1].lower() in _FUND_WORDS - {"package"}:
                facts[k] = dataclasses.replace(
                    fact,
                    funder=government,
                    programme=fact.programme or Entity(fact.funder.name, EntityKind.PROGRAMME),
                )
        return facts

    def _awards_told_after(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "... securing £6.8m from the research council. The council's award will fund
        five years of work at the Centre for Low-Carbon Materials": the named body or thing
        the next sentence says the award (grant, money) pays for."""
        starts = self.ents.sentence_starts
        for k, fact in enumerate(facts):
            if fact.programme is not None or fact.amount_mention is None:
                continue
            sentence = bisect.bisect_right(starts, self._token_at(fact.amount_mention.start)) - 1
            if sentence + 1 >= len(starts):
                continue
            following = self.doc[starts[sentence + 1]].sent
            if any(self._is_money(t) for t in following):
                continue
            for verb in following:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if (
                    verb.lemma_.lower() not in {"fund", "pay", "support", "finance"}
                    or subject is None
                    or subject.lemma_.lower() not in _AWARD_NOUNS | {"money", "funding"}
                    or not any(c.dep_ in {"det", "poss"} for c in subject.children)
                ):
                    continue
                named = next(
                    (
                        e
                        for e in self.ents.entities
                        if e.start > verb.i
                        and e.end <= following.end
                        and e.label_ in {"ORG", "FAC", "WORK_OF_ART", "PRODUCT"}
                        and self.ents.org_name(e) != fact.funder.name
                    ),
                    None,
                )
                if named is not None:
                    name = self.ents.org_name(named)
                    facts[k] = dataclasses.replace(
                        fact, programme=Entity(name, EntityKind.PROGRAMME)
                    )
                break
        return facts

    def _programmes_introduced_after(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "NSW will spend $35m on mental health teams. Premier Jo Bloggs announced the
        Rural Crisis Teams program in Dubbo": a programme the article names for the first time
        in the two sentences after a sum that names none is what the sum pays for."""
        taken = {f.programme.name for f in facts if f.programme} | {f.funder.name for f in facts}
        named: list[tuple[int, str]] = []  # (start character, name) of each first mention
        seen: set[str] = set()
        for start, name, lemma in self._fund_mentions():
            if lemma in _FUND_WORDS and name.lower() not in seen:
                seen.add(name.lower())
                named.append((start, name))
        starts = self.ents.sentence_starts
        for k, fact in enumerate(facts):
            if fact.programme is not None or fact.amount_mention is None:
                continue
            sentence = bisect.bisect_right(starts, self._token_at(fact.amount_mention.start)) - 1
            lo = self.doc[starts[sentence + 1]].idx if sentence + 1 < len(starts) else None
            hi = (
                self.doc[starts[sentence + 3]].idx
                if sentence + 3 < len(starts)
                else len(doc_text(self.doc))
            )
            if lo is None:
                continue
            found = next(
                (name for start, name in named if lo <= start < hi and name not in taken), None
            )
            if found is not None:
                facts[k] = dataclasses.replace(fact, programme=Entity(found, EntityKind.PROGRAMME))
                taken.add(found)
        return facts

    def _fund_mentions(self) -> list[tuple[int, str, str]]:
        """Every named fund, programme or project the article mentions outside quotations, in
        order: (start character, name, the fund word's lemma). Read once per article."""
        if self._mentions is None:
            self._mentions = [
                (self.doc[token.left_edge.i].idx, name, lemma)
                for token in self.doc
                if (lemma := token.lemma_.lower()) in _FUND_OR_PROJECT
                and token.i not in self.ents.quoted
                and (name := self._proper_name(token))
            ]
        return self._mentions

    def _token_at(self, offset: int) -> int:
        """The index of the token at a character offset of the text."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def _sizes_other(self, text: str, money: Money) -> bool:
        """Whether the words right after an amount name money that is not funding, however
        the parser hangs them ("a £250m share buyback")."""
        words = _WORDS_AFTER.match(text, money.end)
        if words is None:
            return False
        for word in words.group(1).split():
            if word.lower() in _PAST_THE_NAME:
                return False  # "£1.1bn through the settlement": the settlement is no size
            if word.lower() in self.not_nouns:
                return True
        return False

    def _programmes_named_after(self, facts: list[FundingFact]) -> list[FundingFact]:
        """ "The government will spend $2bn ... The money will flow through a new Homes Fund":
        the fund a later sentence sends "the money" to is the programme of the funding before
        it that names none."""
        text = doc_text(self.doc)
        for token in doc_tokens(self.doc):
            # "Under the scheme, known as X, ...": the scheme is no subject, but named all
            # the same
            under = token.dep_ == "pobj" and token.head.lower_ == "under"
            if (token.dep_ not in {"nsubj", "nsubjpass"} and not under) or (
                token.i in self.ents.quoted
            ):
                continue
            # "The Homes for Australia Fund will ...": the parser may head the name on its
            # first word; the fund word is the name's last
            entity = self.ents.entity_at(token.i)
            noun = token
            if entity is not None and entity.label_ in _NAME_LABELS and entity[-1].i != token.i:
                noun = entity[-1]
            if noun.lemma_.lower() not in _MONEY_ANAPHORS | _FUND_WORDS or not any(
                c.lower_ in {"the", "this", "that"} for c in token.children
            ):
                continue
            programme = self._named_beside(token)
            if (
                programme is None
                and token.dep_ == "nsubj"
                and token.lemma_.lower() in _MONEY_ANAPHORS
                and token.head.lemma_.lower() in _DESTINATION_VERBS
            ):
                programme = self._destination(token.head)
            # "a £1.2bn fund to ... The Coastal Towns Fund will run for five years": the fund
            # an earlier sum sized, now named
            named_fund = programme is None and noun.pos_ == "PROPN" and noun.text[:1].isupper()
            if named_fund and (name := self._proper_name(noun)):
                programme = Entity(name, EntityKind.PROGRAMME)
            sentence = token.sent
            lo = self.doc[self._sentence_back(sentence.start, 3)].idx
            # "will give £5m to the Larder Network. The money will go into a new Food Bank
            # Fund": the fund the money goes into says what it pays for better than whom
            into_fund = (
                programme is not None
                and token.lemma_.lower() in _MONEY_ANAPHORS
                and programme.name.split()[-1].lower() in _FUND_WORDS
            )
            earlier = [
                k
                for k, f in enumerate(facts)
                if (
                    f.programme is None
                    or (into_fund and f.programme.name.split()[-1].lower() not in _FUND_WORDS)
                )
                and f.amount_mention is not None
                and lo <= f.amount_mention.start < sentence.start_char
                and (not named_fund or _sizes(text, f.amount_mention.end, noun.lemma_.lower()))
            ]
            if programme is not None and earlier:
                k = earlier[-1]
                payer = self._payer_named(programme, token)
                if payer is not None:
                    # "A further £2m ... The money comes from the Department for Transport":
                    # a body, not a fund, is where the money comes from: it pays
                    facts[k] = dataclasses.replace(facts[k], funder=payer.entity())
                else:
                    facts[k] = dataclasses.replace(facts[k], programme=programme)
        return facts

    def _payer_named(self, programme: Entity, subject: Token) -> Cluster | None:
        """The body "the money comes from", when what it names is a body and no fund."""
        if subject.head.lemma_.lower() != "come" or subject.lemma_.lower() not in _MONEY_ANAPHORS:
            return None
        if programme.name.split()[-1].lower() in _FUND_WORDS | {"project", "plan"}:
            return None
        return self.ents.organisation(programme.name)

    def _named_beside(self, noun: Token) -> Entity | None:
        """The name a later "the money" or "the scheme" is given beside it: "The money, from
        a new Rural Bus Fund, ...", "The scheme, called Open Doors, ..."."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in _FUND_WORDS:
                    name = self._proper_name(pobj)
                    return Entity(name, EntityKind.PROGRAMME) if name else None
            if child.dep_ == "acl" and child.lemma_.lower() in {
                "call",
                "name",
                "dub",
                "brand",
                "know",
            }:
                label = next((c for c in child.children if c.dep_ in {"oprd", "attr"}), None)
                as_phrase = next((c for c in child.children if c.lower_ == "as"), None)
                if label is None and as_phrase is not None:  # "the scheme, known as X"
                    label = next((c for c in as_phrase.children if c.dep_ == "pobj"), None)
                if label is not None:
                    words = [t for t in label.subtree if not t.is_punct]
                    while words and words[0].lower_ == "the":
                        words = words[1:]
                    if words and all(t.text[:1].isupper() or t.is_stop for t in words):
                        text = self.doc[words[0].i : words[-1].i + 1].text
                        return Entity(text, EntityKind.PROGRAMME)
        return None

    def _named_later(self, noun: Token) -> Entity | None:
        """The name a programme is given further on in its sentence, wherever the parser
        hangs it: "for a programme of doctoral scholarships, to be known as the X Awards"."""
        sentence = noun.sent
        rest = self.doc.text[noun.idx : sentence.end_char]
        match = _CALLED_LATER.match(rest)
        return Entity(match.group(1), EntityKind.PROGRAMME) if match else None

    def _destination(self, verb: Token) -> Entity | None:
        """The named fund a verb of destination sends money to, through or into, or the one
        it comes from ("The money comes from the Rural Fund")."""
        preps = (
            {"from", "through", "via", "under"}  # "comes from the Rural Fund", "through its X"
            if verb.lemma_.lower() == "come"
            else {"to", "through", "into", "via", "under"}
        )
        return self._named_after(verb, preps)

    def _fund_through(self, verb: Token) -> Entity | None:
        """The named fund money comes through or under ("will receive £1m from the Ministry
        through its Rough Sleeping Initiative")."""
        return self._named_after(verb, {"through", "under", "via"}, funds_only=True)

    def _named_after(self, verb: Token, preps: set[str], funds_only: bool = False) -> Entity | None:
        """The proper name after one of a verb's prepositions (only a fund's with
        `funds_only`), as a programme."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            # "from the £30m Battery Fund": the parser may give the sum and the fund both
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if funds_only and pobj.lemma_.lower() not in _FUND_WORDS:
                    continue
                if name := self._proper_name(pobj):
                    return Entity(name, EntityKind.PROGRAMME)
        return None

    def _sentence_back(self, start: int, n: int) -> int:
        """The first token of the sentence n sentences before the one starting at `start`."""
        starts = self.ents.sentence_starts
        position = starts.index(start) if start in starts else 0
        return starts[max(0, position - n)]

    def _restated(self, money: Money, after: int) -> bool:
        """Whether the same amount, in the same currency, comes again after offset `after`."""
        return any(
            m.start >= after and m.amount == money.amount and m.currency == money.currency
            for m in self._money
        )

    def _funding(self, span: Span, money: Money, currency: str | None) -> FundingFact | None:
        inside = {t.i for t in span}
        head = next((t for t in span if t.head.i not in inside), span.root)
        # "Ohio has committed $230m and Kentucky $190m": Kentucky commits its own sum
        gapped = self._gapped(head)
        noun, verb = (None, gapped.verb) if gapped else self._purpose(head, inside)
        if self._bracketed_share(span):
            noun = verb = None  # "Smaller awards went to A ($2.2m) and B ($1.2m)"
        if noun is None and verb is None:
            kind = "part" if self._bracketed_share(span) else self._continuation(money)
            if kind == "further" and any(
                t.lemma_.lower() in self.not_verbs | self.not_nouns and not _pays_for(t)
                for t in [*head.ancestors, *head.subtree]
            ):
                kind = None  # not "A further £2m was cut" (but "£350m will pay for clinics")
            holders = [head, head.head] if head.dep_ == "appos" else [head]
            own = next(
                (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"),
                None,
            )
            payer = (self._source_of(own) if own is not None else None) or self._last_payer
            if payer is not None and kind is not None:
                # "The first phase, worth £75m, will pay for ...", "A further £2m will be
                # added to the plan": part of, or more of, the money before, paid by whoever
                # paid that unless the sum names its own source ("The biggest award, £1.2m
                # from the Heritage Fund, ...")
                anchors = _clause_anchors(head)
                if described := self._described_purpose(anchors):
                    self._described_purposes[money.start] = described
                return FundingFact(
                    funder=payer.entity,
                    amount=money.amount,
                    currency=currency,
                    evidence=sentence_evidence(span, "funding.part", 0.6),
                    programme=self._set_up_programme(anchors)
                    or self._receiver_listed(head)
                    or self._named_for(anchors)
                    or next(filter(None, map(self._body_sent_to, anchors)), None),
                    amount_mention=text_span(self.doc, money.start, money.end),
                )
            return None
        # "a further £3m from Alzheimer's Research UK": the money's own source pays it, and
        # when that source cannot be named no other body is taken for it.
        source = self._money_source(head, noun, verb)
        fund = self._source_fund(source)
        programme = None
        if gapped is not None:
            funder = gapped.payer
        elif fund is not None:
            # "gave the council £1.2m from its Safer Streets Fund": the fund is what pays out,
            # its owner (or the giver) who pays
            programme, owner = fund
            if owner is not None and self._receives(verb, owner):
                # "the government confirmed Hartmoor would receive £2.4m from its Pools
                # Fund": a receiver draws on no fund of its own; the fund is the one who
                # reports the award's
                owner = self._reporter_body(verb)
            funder = owner or self._funder(noun, verb)
        elif (
            head.head.i != head.i
            and head.dep_ in {"nummod", "compound", "nmod", "quantmod"}
            and (noun is None or head.head.i != noun.i)
            and (led := self._led_by(head.head)) is not None
        ):
            # "... and a $31m Series A led by X": the sum's own round, wherever the parser
            # hung it
            funder = led
        elif source is not None and (
            source.head.i == head.i
            or verb is None
            or _held_by(noun, verb)
            or head.head.dep_ == "agent"  # "matched by €150m from the Exchequer"
            # "The gift will unlock $15m from the state": money drawn from its payer
            or verb.lemma_.lower() in {"unlock", "leverage", "draw"}
        ):
            # "£3m from X"; "The funding also includes £750,000 from X": the sum's source
            funder = self._source_of(source)
        else:
            funder = self._funder(noun, verb)
        if (
            funder is None
            and _held_by(noun, verb)
            and (noun.lemma_.lower() in _CONTAINER_NOUNS or noun.lower_ == "it")
        ):
            # "The two-year budget also includes $2.5m for ...": whoever put the budget
            # forward, as the sum before it says (the budget's: the story's first payer);
            # for what the sum's own "for" names
            budget = noun.lemma_.lower() == "budget"
            funder = self._first_payer if budget else self._last_payer
            if funder is None and budget:
                funder = self._budget_owner(noun)  # "The council agreed its budget ..."
            programme = self._named_after(head, {"for", "to", "toward", "towards"})
        if (
            verb is not None
            and verb.lemma_.lower() in self.receive
            and noun is not None
            and noun.lemma_.lower() == "round"
            and not self._round_of(noun)
        ):
            # "Grassline has raised €38m in a Series B round": what the round's investors
            # pay for, whoever leads it
            self._raiser = self._raiser or self._recipient(verb)
        if funder is not None and (department := self._announcing_department(span, funder)):
            # "The federal government will spend $2.6bn ..., the Transportation Department
            # announced": the government's department that pays it out
            funder = department
        if funder is None and self._last_payer is not None and self._continuation(money):
            # "A further £18m has been set aside for X", "The first phase, worth £75m, will
            # pay for ...": more of the money the sum before was paid by
            funder = self._last_payer
        if (
            funder is None
            and verb is not None
            and verb.lemma_.lower() in _GRANTED_VERBS
            and self._money_source(head, noun, verb) is None
        ):
            # "Rural bus routes are to receive £42m, the Welsh Government has announced":
            # the body announcing the award pays it (not the receiver announcing its own win)
            funder = self._reporter_body(verb)
            receiver = self._recipient(verb)
            if funder is not None and receiver is not None and receiver.name == funder.entity.name:
                funder = None
        if funder is None:
            if (
                (verb is not None and verb.lemma_.lower() in _GRANTED_VERBS)
                or (noun is not None and noun.lemma_.lower() in _AWARD_NOUNS)
            ) and not self._paid_to_a_person(verb):
                # "Morecambe will receive £3.2m", "awards of £1.9m for Whitby": paid by the
                # fund the article is about, if it says whose that is
                self._unpaid.append((span, money, currency, noun, verb))
            return None
        if (
            verb is not None
            and verb.lemma_.lower() in self.receive
            and not _gapped_with_own_source(head, verb)
        ):
            # "received £3m from the Department for Education's Holiday Activities programme":
            # the funder's programme; else "Acme has raised $125m": Acme is what is funded.
            programme = (
                programme
                or self._named_source(verb)
                or self._fund_through(verb)
                # "received a $1.5m Small Business Innovation Research grant": the grant's name
                or (self._named_grant(noun) if noun is not None else None)
                or self._recipient(verb)
            )
        programme = (
            programme
            or self._backed_thing(head, verb)
            # "a $450m grant to Corvane under the Chips and Science Act": the law or fund it
            # is paid under says what it is for better than whom it goes to
            or self._paid_under([t for t in (head, noun, verb) if t is not None])
            # "$350m into the X Fund and $75m into a new Y program": each sum's own fund;
            # "$350,000 to X and $125,000 to Y": each listed sum's own recipient
            or self._named_after(
                head, {"into", "to", "for", "on", "towards"}, funds_only=head.dep_ != "conj"
            )
            or self._fund_sized(money)
            # "The bill also includes $48.7bn for the National Institutes of Health"
            or (
                self._named_after(head, {"for"})
                if verb is not None and verb.lemma_.lower() in _CONTAINING_VERBS
                else None
            )
            or self._body_sent_to(verb)
            # "awarded a £4.5m grant through the X Challenge": the fund before the grantee
            # "£750,000 comes from the X Fund and £450,000 from Y": the verb's own phrases
            # are the first sum's
            or self._programme(noun, None if _gapped_with_own_source(head, verb) else verb)
            or self._receiver(verb)
            or self._set_up_programme([verb, head])
            or self._described_project(head, verb)
        )
        # a sum listed after the first ("and £3m to keep libraries open") has its own purpose
        own = [head] if head.dep_ == "conj" else [t for t in (verb, noun, head) if t is not None]
        if programme is None and (described := self._described_purpose(own)):
            self._described_purposes[money.start] = described
        self._last_payer = funder
        self._first_payer = self._first_payer or funder
        rule = "funding.noun" if noun is not None else "funding.verb"
        confidence = 0.8 if noun is not None and verb is not None else 0.7
        return FundingFact(
            funder=funder.entity,
            amount=money.amount,
            currency=currency,
            evidence=sentence_evidence(span, rule, confidence),
            programme=programme,
            amount_mention=text_span(self.doc, money.start, money.end),
        )

    def _paid_under(self, anchors: list[Token]) -> Entity | None:
        """The named law, agreement or fund money is paid under: "under the X Act"."""
        for anchor in anchors:
            for prep in anchor.children:
                if prep.dep_ != "prep" or prep.lower_ != "under":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (name := self._paid_through(pobj)):
                        return Entity(name, EntityKind.PROGRAMME)
        return None

    def _paid_through(self, pobj: Token) -> str | None:
        """The name of the fund a preposition's object names, or of the law or agreement an
        "under" names ("under the Chips and Science Act")."""
        law = pobj.lower_ in {"act", "agreement"} and pobj.head.lower_ == "under"
        if pobj.lemma_.lower() in _FUND_WORDS or law:
            return self._proper_name(pobj)
        return None

    def _led_by(self, noun: Token) -> Resolved | None:
        """Who a round or fund was led or launched by: "a $31m Series A led by X"."""
        return next(
            (
                found
                for relative in noun.children
                if relative.dep_ in {"relcl", "acl"} and (found := self._agent(relative))
            ),
            None,
        )

    def _named_grant(self, noun: Token) -> Entity | None:
        """The name a grant or award is given before it: "a Small Business Innovation
        Research grant" (not a round, which names no programme: "a Series A round")."""
        if noun.lemma_.lower() not in _AWARD_NOUNS | _FUND_WORDS:
            return None
        name = self._proper_name(noun)
        return Entity(name, EntityKind.PROGRAMME) if name else None

    def _clause_subject_body(self, pronoun: Token) -> Resolved | None:
        """The body that is the subject of the clause a possessive pronoun stands in."""
        for verb in pronoun.ancestors:
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            if subject.pos_ == "PRON" and subject.lower_ not in {"it", "they"}:
                return None
            found = self._payer(subject)
            if found is not None and found.entity.kind is EntityKind.ORGANISATION:
                return found
            return None
        return None

    def _described_project(self, head: Token, verb: Token | None) -> Entity | None:
        """What "fund" pays for when the text describes it by a place or body, with no name:
        "will fund a $48m bypass of Wattle Creek" pays for the bypass of Wattle Creek."""
        if verb is None or verb.lemma_.lower() not in {"fund", "finance", "bankroll"}:
            return None
        project = head.head
        if project.dep_ != "dobj" or project.head.i != verb.i or project.pos_ != "NOUN":
            return None
        of = next((c for c in project.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        place = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if place is None or place.pos_ != "PROPN":
            return None
        return Entity(
            f"{project.text} of {self.doc[place.left_edge.i : place.i + 1].text}",
            EntityKind.PROGRAMME,
        )

    def _budget_owner(self, budget: Token) -> Resolved | None:
        """Whose "the budget" is when no sum before it says: the body that agreed, set or
        passed a budget, here or in the sentences before ("Calderdale Council agreed its
        budget on Wednesday. The budget also commits £4.2m ...")."""
        lo = self.doc[self._sentence_back(budget.sent.start, 3)].i
        for token in reversed(self.doc[lo : budget.i + 1]):
            if token.lemma_.lower() != "budget":
                continue
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PROPN" and (found := self._payer(owner)):
                return found  # "the council's budget"
            verb = token.head
            if token.dep_ == "dobj" and verb.pos_ == "VERB":
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                found = self._payer(subject) if subject is not None else None
                if found is not None and found.entity.kind is EntityKind.ORGANISATION:
                    return found
        return None

    def _referred_back(self, text: str, money: Money) -> bool:
        """Whether a sum is "the" sum an earlier sentence gave ("announced a £1.2m programme
        ... Of the £1.2m, ..."): the same money again, not more of it."""
        if not _DEFINITE_BEFORE.search(text[max(0, money.start - 6) : money.start]):
            return False
        sentence = self.doc[self._token_at(money.start)].sent
        return any(
            self._body_start <= m.start
            and m.end <= sentence.start_char
            and m.amount == money.amount
            and m.currency == money.currency
            for m in self._money
        )  # (not a sum of the headline, which the body tells first)

    def _paid_to_a_person(self, verb: Token | None) -> bool:
        """Whether a post's holder, called by the post, receives the money: "The chief
        executive received a total of £780,000" is pay, no grant."""
        if verb is None or verb.lemma_.lower() not in _GRANTED_VERBS:
            return False
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return False
        # "the chief executive", "its finance director" (a named poet or physicist may win
        # a grant)
        return subject.i not in self.ents.person_at and any(
            " ".join(t.lower_ for t in self.doc[k : subject.i + 1]) in self.lex.role_titles
            for k in range(max(subject.left_edge.i, subject.i - 3), subject.i + 1)
        )

    def _described_purpose(self, anchors: list[Token]) -> Entity | None:
        """What money pays for when the text describes it without a name: "£12m to build a
        community diagnostic centre", "raised £450,000 towards a second MRI scanner", "an
        investment in a new student hub", "a winter plan that the minister allocated €180m
        to fund"."""
        if anchors and anchors[0].lower_ == "including":
            # "raised £450,000 towards X, including a £100,000 donation": the whole's purpose
            whole = next((t for t in anchors[0].ancestors if t.pos_ == "VERB"), None)
            anchors = [*anchors, whole] if whole is not None else anchors
        for anchor in anchors:
            subject = anchor.head if anchor.dep_ == "appos" else anchor
            if subject.dep_ == "nsubj" and subject.head.lemma_.lower() in _PROJECT_VERBS:
                # "The biggest award, £1.2m, will restore the bandstand": what it does
                obj = next((c for c in subject.head.children if c.dep_ == "dobj"), None)
                if (described := self._described(obj)) is not None:
                    return described
            for child in anchor.children:
                if (
                    child.dep_ in {"xcomp", "advcl"}
                    and child.lemma_.lower() in _PROJECT_VERBS
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                ):
                    obj = next((c for c in child.children if c.dep_ == "dobj"), None)
                    if obj is None and anchor.dep_ == "relcl" and anchor.head.pos_ == "NOUN":
                        obj = anchor.head  # "a plan that X allocated €1m to fund"
                    if (described := self._described(obj)) is not None:
                        return described
                if child.dep_ == "prep" and (
                    child.lower_ in {"towards", "toward", "for", "to"}
                    or (
                        child.lower_ == "in"
                        and anchor.lemma_.lower() in _INVESTMENT_NOUNS | _INVESTING_VERBS
                    )
                    # "will spend $250m on new ambulance stations"
                    or (child.lower_ == "on" and anchor.lemma_.lower() in {"spend", "spending"})
                ):  # "£3m for teacher recruitment", "commits £4.2m to the restoration of X"
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if (described := self._described(pobj)) is not None:
                        return described
        return None

    def _described(self, noun: Token | None) -> Entity | None:
        """A thing paid for, as a noun phrase without its article or the clauses after it
        ("a second MRI scanner for Ashby General, which ..." is "second MRI scanner for
        Ashby General"); None for a person, a place, a sum or a time."""
        if noun is None:
            return None
        named = noun.pos_ == "PROPN" and noun.ent_type_ in {"FAC", "LOC", ""}
        if not named and (noun.pos_ != "NOUN" or noun.ent_type_ in _NOT_PROJECTS):
            return None  # "to restore the Winter Gardens": a named place is a thing paid for
        described = any(
            c.dep_ in {"compound", "amod"} and c.lemma_.lower() not in {"new", "same", "whole"}
            for c in noun.lefts
        )
        if noun.lemma_.lower() in _FUND_OR_PROJECT - {"package"} and described:
            pass  # "the Longueuil tramway project", "the WHO's polio programme": said by what
        elif noun.lemma_.lower() in _FUND_OR_PROJECT | {"cost", "it", "money", "funding"}:
            return None  # "the project", "its costs": a thing named elsewhere, if at all
        words = [noun]
        for child in noun.lefts:
            words.extend(child.subtree)
        for child in noun.rights:
            kept = child.dep_ in {"compound", "amod", "nummod", "cc", "conj"} or (
                child.dep_ == "prep" and child.lower_ in {"for", "of", "at", "in"}
            )
            if not kept:
                break  # "..., which opens in May": a clause about it, no part of its name
            words.extend(child.subtree)
        tokens = sorted({t.i for t in words})
        tokens = [i for i in tokens if self.doc[i].dep_ not in {"det", "poss", "predet"}]
        while tokens and (self.doc[tokens[0]].is_punct or self.doc[tokens[0]].tag_ == "POS"):
            tokens.pop(0)
        if not tokens or any(self._is_money(self.doc[i]) for i in tokens):
            return None
        return Entity(self.doc[tokens[0] : tokens[-1] + 1].text, EntityKind.PROGRAMME)

    def _each_government(self, fact: FundingFact) -> list[FundingFact]:
        """ "The federal and NSW governments will jointly fund a $48m bypass": each
        government pays, as one fact each; any other fact as it is."""
        match = _JOINT_GOVERNMENTS.fullmatch(fact.funder.name)
        if match is None:
            return [fact]
        names = []
        for word in (match.group(1), match.group(2)):
            if word.lower() in NATIONAL_WORDS and self.lex.government:
                names.append(self.lex.government)
            elif word in self.lex.regions:
                names.append(self.lex.regions[word])
            elif word.lower() in {"state", "provincial", "territory"} and (
                regional := self._article_region()
            ):
                names.append(regional)
        if len(set(names)) != 2:
            return [fact]
        return [
            dataclasses.replace(fact, funder=Entity(name, EntityKind.ORGANISATION))
            for name in names
        ]

    def _article_region(self) -> str | None:
        """The government of the one state or province the article names (regions.tsv)."""
        text = doc_text(self.doc)
        named = {g for r, g in self.lex.regions.items() if re.search(rf"\b{re.escape(r)}\b", text)}
        return named.pop() if len(named) == 1 else None

    def _bracketed_share(self, span: Span) -> bool:
        """Whether a sum in brackets after its receiver is a share of awards the sentence
        hands out: "Smaller awards went to Juniper Place ($2.2 million) and a project by
        Bridgeview Partners ($1.2 million)"."""
        doc = self.doc
        if not (
            span.start > 0
            and span.end < len(doc)
            and doc[span.start - 1].text == "("
            and doc[span.end].text == ")"
        ):
            return False
        root = span.sent.root
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return (
            root.lemma_.lower() in _DESTINATION_VERBS
            and subject is not None
            and subject.lemma_.lower() in _AWARD_NOUNS | _FUND_WORDS
        )

    def _receiver_listed(self, head: Token) -> Entity | None:
        """The named receiver a bracketed share follows: "went to Juniper Place, a building
        for seniors ($2.2 million)"."""
        if not self._bracketed_share(self.doc[head.left_edge.i : head.right_edge.i + 1]):
            return None
        item = next(
            (
                t
                for t in head.ancestors
                if (t.dep_ == "pobj" and t.head.lower_ == "to") or t.dep_ == "conj"
            ),
            None,
        )
        name = self._proper_name(item) if item is not None else None
        return Entity(name, EntityKind.PROGRAMME) if name else None

    def _continuation(self, money: Money) -> str | None:
        """Whether a sum is a part of ("part": "The first phase, worth £75m, ...", "Of the
        total, $4m ...") or more of ("further": "A further £18m ...") what the sentences
        before paid for; None when it is neither."""
        before = doc_text(self.doc)[max(0, money.start - 60) : money.start]
        if _PART_WORTH.search(before):
            return "part"
        if _FURTHER.search(before[-25:]):
            return "further"
        # "A further $1.1bn is set aside for X, while $350m will pay for Y": a second sum of
        # a sentence that opens as one of those
        sentence = self.doc[self._token_at(money.start)].sent
        if any(sentence.start_char <= m.start < money.start for m in self._money):
            opening = doc_text(self.doc)[sentence.start_char : money.start]
            if _OPENS_FURTHER.match(opening):
                return "further"
            if _OPENS_PART.match(opening):
                return "part"
        return None

    def _purpose(self, head: Token, inside: set[int]) -> tuple[Token | None, Token | None]:
        """The funding noun the money sizes and the verb that governs it (either may be None).

        Returns (None, None) when the money is not funding: a non-funding noun or verb is
        met first, or neither kind of evidence is found.
        """
        noun = verb = None
        for clause in head.children:
            # "the $20bn that Congress set aside for conservation": the relative clause pays;
            # so does "the £25m it had provided", the relative pronoun left out
            if clause.dep_ != "relcl" or not (
                any(
                    c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"that", "which"}
                    for c in clause.children
                )
                or (
                    clause.i > head.i
                    and any(c.dep_ == "nsubj" for c in clause.children)
                    and not any(c.dep_ in {"dobj", "nsubjpass", "ccomp"} for c in clause.children)
                )
            ):
                continue
            particle = next((c.lower_ for c in clause.children if c.dep_ in {"prt", "advmod"}), "")
            lemma = clause.lemma_.lower()
            if lemma in self.verbs or f"{lemma} {particle}" in self.verbs:
                if head.head.pos_ == "VERB" and head.head.lemma_.lower() in self.not_verbs:
                    return None, None  # "vetoed $75m that lawmakers had set aside for X"
                return None, clause
        current = head
        for _ in range(6):
            parent = current.head
            if parent.i == current.i or current.dep_ not in _UP_DEPS:
                break
            current = parent
            if current.i in inside or self._is_money(current):
                continue  # "£1.9m for Whitby and £850,000 for X": up through the sum before
            lemma = current.lemma_.lower()
            if current.pos_ in {"NOUN", "PROPN"}:
                if lemma in self.not_nouns or current.lower_ in self.not_nouns:
                    return None, None
                if any(
                    c.dep_ in {"amod", "compound"} and c.lower_ in self.not_nouns
                    for c in current.children
                ):
                    return None, None  # "a £150m share buyback", as the parser may read it
                if noun is None and (lemma in self.nouns or current.lower_ in self.nouns):
                    noun = current
                    break  # the money sizes this fund; what the fund then does is another matter
            elif current.pos_ in {"VERB", "AUX"}:
                if lemma in self.not_verbs:
                    return None, None
                particle = next(
                    (c.lower_ for c in current.children if c.dep_ in {"prt", "advmod"}), ""
                )
                if f"{lemma} {particle}" in self.verbs:
                    lemma = f"{lemma} {particle}"  # "has been set aside for ..."
                holder = next(
                    (
                        c
                        for c in current.children
                        if c.dep_ == "nsubj"
                        and (
                            c.lemma_.lower() in _CONTAINER_NOUNS | _AWARD_NOUNS
                            or self._is_funding_noun(c)
                            or c.lower_ == "it"  # "The money ... It includes £6m to ..."
                        )
                    ),
                    None,
                )
                # "the remaining £500,000 is a grant from the Combined Authority"
                given_as = next(
                    (c for c in current.children if c.dep_ == "attr" and self._is_funding_noun(c)),
                    None,
                )
                if lemma == "be" and given_as is not None:
                    noun, verb = given_as, current
                elif lemma in _CONTAINING_VERBS and holder is not None:
                    # "The budget also includes $2.5m for a pilot", "Other awards include
                    # £1.9m for Whitby", "The budget sets aside $1.4m": money the budget
                    # holds, or awards made
                    noun, verb = holder, current
                elif lemma in self.verbs or lemma in self.receive:
                    verb = current
                elif self._sent_to_fund(current):
                    verb = current  # "A further £3bn will go to the Schools Repair Fund"
                elif any(
                    self._is_funding_noun(c)
                    for c in current.children
                    if c.dep_ in {"dobj", "nsubjpass"}
                ):
                    verb = current  # "increase funding to £1.4m": the verb's object is funding
                break
        if noun is None:
            noun = self._sized_after(head)  # "£22bn of extra funding"
        if noun is None and verb is not None:
            # "provide £12m in capital grants", the parser hanging "in" on the verb
            noun = next(
                (
                    pobj
                    for prep in verb.children
                    if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i == head.i + 1
                    for pobj in prep.children
                    if pobj.dep_ == "pobj" and self._is_funding_noun(pobj)
                ),
                None,
            )
        if noun is None and verb is None:
            return None, None
        if noun is not None and verb is None:
            verb = self._governing_verb(noun)
        if (
            verb is not None
            and noun is None
            and any(
                self._not_funding_act(c)
                for c in verb.children
                if c.dep_ in {"xcomp", "advcl", "pcomp", "prep"}
                and c.tag_ in {"VBG", "VB", "NN"}
                # ", valuing the company at $1bn": an aside on the deal, not what the money buys
                and self.doc[c.left_edge.i - 1].text != ","
            )
        ):
            return None, None  # "spend $4bn buying back shares"
        if verb is not None and noun is None and self._spent_on_excluded(verb):
            return None, None  # "spend $1.75bn on share buybacks"
        return noun, verb

    def _not_funding_act(self, verb: Token) -> bool:
        """Whether a verb says what money does that is not funding ("buying back shares");
        not "to make homes safer", a purpose."""
        lemma = verb.lemma_.lower()
        if _pays_for(verb):
            return False  # "give £150,000 to pay for two officers": what the money buys
        return lemma != "make" and (
            lemma in self.not_verbs or verb.lower_.removesuffix("ing") in self.not_verbs
        )

    def _sent_to_fund(self, verb: Token) -> bool:
        """Whether a verb of destination sends money into a named fund ("go to the Green Fund")."""
        if verb.lemma_.lower() not in _DESTINATION_VERBS - {"come"}:
            return False
        # "will put NZ$30m into a water storage scheme": put into any scheme, named or not;
        # "put $12m towards a buy-back of homes": towards anything
        put = verb.lemma_.lower() == "put"
        # "put $20m from its general fund toward the program": the parser may hang the
        # destination on where the money comes from
        sources = prep_objects(verb, {"from"})
        return any(
            prep.dep_ == "prep"
            and prep.lower_ in {"to", "into", "through", "towards", "toward"}
            and (self._is_funding_noun(pobj) or (put and prep.lower_ in {"towards", "toward"}))
            and (
                self._proper_name(pobj) is not None
                or (put and prep.lower_ in {"into", "towards", "toward"})
            )
            for prep in [*verb.children, *(c for s in sources for c in s.children)]
            for pobj in prep.children
            if pobj.dep_ == "pobj" or (put and pobj.dep_ == "pcomp")  # "toward replacing it"
        )

    def _spent_on_excluded(self, verb: Token) -> bool:
        """The verb's "on"/"for" object is money that is not funding ("on share buybacks"),
        or what its purpose clause covers is ("set aside £410m to cover payouts")."""
        objects = [
            pobj
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in {"on", "for"}
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        objects += [
            obj
            for clause in verb.subtree  # on the verb or, as the parser may have it, the sum
            if clause.dep_ in {"advcl", "xcomp", "relcl"} and clause.lemma_.lower() == "cover"
            for obj in clause.children
            if obj.dep_ == "dobj"
        ]
        excluded = self.not_nouns
        return any(o.lemma_.lower() in excluded or o.lower_ in excluded for o in objects)

    def _sized_after(self, head: Token) -> Token | None:
        """The funding noun in an "of" or "in" phrase after the money: "£22bn of extra funding",
        "£12m in capital grants"."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}:  # "£12m in capital grants"
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and self._is_funding_noun(pobj):
                        return pobj
        return None

    def _is_funding_noun(self, token: Token) -> bool:
        return token.lemma_.lower() in self.nouns or token.lower_ in self.nouns

    @staticmethod
    def _governing_verb(noun: Token) -> Token | None:
        current = noun
        for _ in range(4):
            if current.head.i == current.i:
                return current if current.pos_ in {"VERB", "AUX"} else None
            current = current.head
            if current.pos_ in {"VERB", "AUX"}:
                return current
        return None

    def _funder(self, noun: Token | None, verb: Token | None) -> Resolved | None:
        """Who pays: possessor of the fund, then the verb's subject or agent, then "by" phrases."""
        if noun is not None:
            possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
            if possessor is not None and possessor.lower_ in {"its", "their"}:
                # "the council would contribute €150,000 of its own funds": the clause's
                # subject, which the pronoun takes up
                subject = self._clause_subject_body(possessor)
                if subject is not None:
                    return subject
            if possessor is not None and (found := self._payer(possessor)):
                return found
        if verb is not None:
            lemma = verb.lemma_.lower()
            if lemma in self.receive:
                # "raised a $12M seed round from X and a $31m Series A led by Y": each
                # round's own lead
                led = self._led_by(noun) if noun is not None else None
                return led or self._from_phrase(verb) or self._payer_before(noun)
            for relative in noun.children if noun is not None else []:
                # "the £1.2bn Towns Fund, launched by the government"
                if relative.dep_ in {"relcl", "acl"} and (found := self._agent(relative)):
                    return found
            if noun is not None and (found := self._from_phrase(noun)):
                return found  # "a $10m donation from the Bezos Family Foundation"
            if lemma == "be":
                return None  # "the fund was part of a £5bn programme": the fund pays nothing
            return self._subject_of(verb)
        return None

    def _payer(self, token: Token) -> Resolved | None:
        if token.lower_ == "it" and token.pos_ == "PRON":
            # "The union said it had set aside £500,000": the body its sentence has just made
            # the subject
            for before in reversed(self.doc[token.sent.start : token.i]):
                if before.dep_ in {"nsubj", "nsubjpass"} and before.pos_ != "PRON":
                    found = self._payer(before)
                    if found is not None and found.entity.kind is EntityKind.ORGANISATION:
                        return found
        if token.tag_ == "NNS" and token.lemma_.lower() in self.lex.role_titles:
            # "Montgomery County commissioners pledged ...": the body they sit on
            named = [
                c
                for c in token.lefts
                if c.dep_ == "compound" and c.text[:1].isupper() and c.ent_type_ != "NORP"
            ]
            if named and named[-1].text in _LOCAL_BODY_WORDS:
                phrase = self.doc[named[0].left_edge.i : named[-1].i + 1]
                if (body := self.ents.body_named(phrase)) is not None:
                    return body
            if not named and token.lemma_.lower() in _COUNCIL_MEMBERS:
                # "councillors signed off a £3.2m programme": the council the article is about
                council = self.ents.local_council(times=2)
                if council is not None:
                    return Resolved(council.entity(), noun_phrase(token), council)
        if (
            token.lemma_.lower() in _LAWMAKERS
            and self.lex.country == "US"
            and not any(
                c.dep_ in {"compound", "amod", "poss"} and c.text[:1].isupper() for c in token.lefts
            )
            and (state := self.ents.us_state_before(token)) is not None
            and (body := self.ents.organisation(state)) is not None
        ):
            # "Lawmakers also set aside $150m for ..." in a story about New Mexico: the state
            return Resolved(body.entity(), noun_phrase(token), body)
        entity = self.ents.entity_at(token.i)
        named = [c for c in token.lefts if c.dep_ == "compound" and c.text[:1].isupper()]
        if entity is not None and entity.label_ == "GPE" and named and named[0].i < entity.start:
            # "from Innovate UK": a body whose name ends with a place NER cut off
            phrase = self.doc[named[0].i : token.i + 1]
            return self.ents.body_named(phrase)
        owner = _owner_end(entity, token) if entity is not None else None
        if entity is not None and owner is not None:
            # "the Department for Transport's Active Travel Fund" as one NER span: the owner pays.
            name = self.ents.org_name(self.doc[entity.start : owner])
            if (body := self.ents.organisation(name)) is not None:
                return Resolved(body.entity(), self.doc[entity.start : owner])
        found = self.ents.resolve(token)
        unnamed = found is None or found.entity.kind is EntityKind.UNNAMED_SOURCE
        if unnamed and token.pos_ == "PROPN":
            # "from Alzheimer's Research UK": a body NER missed here but the article names.
            phrase = noun_phrase(token)
            known = self.ents.orgs.get(self.ents.org_name(phrase).lower())
            if known is not None:
                return Resolved(known.entity(), phrase)
        if found is None or found.entity.kind is EntityKind.UNNAMED_SOURCE:
            return None
        info = self.lex.country_info.get(self.lex.countries.get(found.entity.name) or "")
        if (
            info is not None
            and token.dep_ in {"nsubj", "agent", "pobj"}
            and found.entity.name in info.government  # a country, not one of its cities
            and (government := self.ents.organisation(info.government)) is not None
        ):
            # "Canada will provide C$1.2bn": the country's government pays
            return Resolved(government.entity(), found.mention)
        return found

    def _payer_before(self, noun: Token | None) -> Resolved | None:
        """The body a funding noun is named after: "£6m of government funding", "Lottery
        funding", "council grants"."""
        for modifier in noun.lefts if noun is not None else []:
            if modifier.dep_ in {"compound", "nmod", "amod"} and (found := self._payer(modifier)):
                return found
        return None

    def _agent(self, verb: Token) -> Resolved | None:
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._payer(pobj)
        return None

    def _from_phrase(self, verb: Token) -> Resolved | None:
        for token in verb.subtree:
            # "received £5m from the Lottery", "a round led by Goldman Sachs"; not a phrase
            # of something listed beside the money ("a $5m fund, overriding objections from X")
            if (
                token.dep_ in {"prep", "agent"}
                and token.lower_ in {"from", "by"}
                and not _listed_under(token, verb)
                and not _attributed(token, verb)
                and not _ranked_by(token, verb)
                and not _in_a_part(token, verb)
            ):
                pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
                if pobj is not None and (found := self._payer(pobj)):
                    return found
        return None

    def _source_of(self, prep: Token) -> Resolved | None:
        """The payer a "from" phrase names ("£3m from the Wellcome Trust")."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        possessor = next((c for c in pobj.children if c.dep_ == "poss"), None)
        if possessor is not None and possessor.lower_ in {"its", "their"}:
            # "said it had set aside £500,000 from its hardship fund": whoever "its" is
            owner = self._clause_subject_body(possessor)
            if owner is not None:
                return owner
        if (
            pobj.lemma_.lower() in _FUND_WORDS - {"package"}
            and _definite(pobj)
            and (pobj.pos_ != "PROPN" or self.ents.entity_at(pobj.i) is None)
        ):
            # "£25m from the programme would be set aside": the programme the sums before
            # paid for, and so their payer ("from the Heritage Fund": a body that pays)
            return self._last_payer
        if (
            possessor is not None
            and pobj.lemma_.lower() in _CONTAINER_NOUNS | {"reserve", "coffers", "pocket"}
            and (owner := self._payer(possessor)) is not None
        ):
            return owner  # "£450,000 from the commissioner's own budget"
        return self._payer(pobj)

    def _gapped(self, head: Token) -> _Gapped | None:
        """A payer and sum listed after a funding verb that is not repeated: in "Ohio has
        committed $230m and Kentucky $190m", Kentucky and $190m, with "committed"."""
        if head.dep_ in {"appos", "nummod"} and head.head.pos_ == "PROPN":
            payer = head.head  # the parser's "Kentucky [appos $190m]", "Kentucky [$190m]"
        else:
            payer = self.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else head
            if payer.head.i != head.head.i:
                return None  # "committed [$230m] and [Kentucky] [$190m]": both on the verb
        verb = payer.head
        for _ in range(3):
            # "will contribute $93m toward the replacement and the West Virginia Division of
            # Highways $70m": the parser may hang the second payer on the first's object
            if verb.pos_ in {"VERB", "AUX"} or verb.dep_ not in {"pobj", "prep", "dobj"}:
                break
            verb = verb.head
        # "will provide A$384m and the Queensland Government A$96m": the parser may make the
        # second payer another object of the verb
        listed = payer.dep_ == "conj" or (
            payer.dep_ == "dobj"
            and head.dep_ == "appos"
            and payer.left_edge.i > 0
            and self.doc[payer.left_edge.i - 1].lower_ == "and"
        )
        if not (
            listed
            and payer.pos_ == "PROPN"
            and verb.pos_ in {"VERB", "AUX"}
            and verb.lemma_.lower() in self.verbs
        ):
            return None
        found = self._payer(payer)
        return _Gapped(found, verb) if found is not None else None

    def _money_source(self, head: Token, noun: Token | None, verb: Token | None) -> Token | None:
        """The preposition that says where money comes from: "£3m from X" on the money; on
        its noun, only a named fund ("a £2m grant from Homes England's X Programme"); on the
        verb, a fund it is granted under ("under the Ministry's X Programme"), else "from"
        anywhere under a verb of receiving, or beside any other verb."""

        def prep(tokens: Iterable[Token], word: str) -> Token | None:
            return next((p for p in tokens if p.dep_ == "prep" and p.lower_ == word), None)

        if (source := prep(head.children, "from")) is not None:
            return source
        if noun is not None and self._source_fund(source := prep(noun.children, "from")):
            return source
        if verb is None:
            return None
        if self._source_fund(source := prep(verb.children, "under")):
            return source
        receiving = verb.lemma_.lower() in self.receive
        if not receiving:
            return prep(verb.children, "from")
        return prep(
            [t for t in verb.subtree if not _attributed(t, verb) and not _in_a_part(t, verb)],
            "from",
        )

    def _source_fund(self, prep: Token | None) -> tuple[Entity, Resolved | None] | None:
        """A named fund a "from" phrase draws money out of, and its owner when the text
        gives one: "from its Safer Streets Fund" (its owner: whoever "its" is), "from the
        Hazard Mitigation Grant Program" (no owner given)."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is not None and (owned := self._owned_fund_after(pobj)) is not None:
            return owned
        if pobj is None or pobj.lemma_.lower() not in _FUND_WORDS:
            return None
        name = self._proper_name(pobj)
        # "the Department for Energy's Heat Fund", which the parser may read as a modifier
        possessor = next(
            (
                c
                for c in pobj.children
                if c.dep_ == "poss"
                or (c.dep_ == "nmod" and any(t.tag_ == "POS" for t in c.children))
            ),
            None,
        )
        runner = next(
            (
                agent
                for c in pobj.children
                if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in _RUNNING_VERBS
                for agent in [self._agent(c)]
                if agent is not None
            ),
            None,
        )  # "the X Programme, which is run by the Ministry for Y": the Ministry pays out
        if name is None or (possessor is None and runner is None):
            return None  # "from the Heritage Fund": a fund that is a body and pays itself
        owner = runner or (self._payer(possessor) if possessor is not None else None)
        if possessor is not None and possessor.lower_ == "its":
            # "a grant from the Department of Energy under its X program": the body the
            # money came from just before, whoever else the article is about
            owner = self._source_just_before(possessor) or owner
        return Entity(name, EntityKind.PROGRAMME), owner

    def _backed_thing(self, head: Token, verb: Token | None) -> Entity | None:
        """What a sum backs when it is the passive's agent: "The orchestra's lessons are also
        backed by £20,000 from the council": the named thing, or the body whose it is."""
        by = next((t for t in [head.head, head.head.head] if t.dep_ == "agent"), None)
        if verb is None or by is None:
            return None  # "backed by £20,000", "funded by a £7m donation"
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None and verb.dep_ == "acl":
            subject = verb.head  # "a new student hub, funded by a £7m donation"
        if subject is None:
            return None
        if name := self._proper_name(subject):
            return Entity(name, EntityKind.PROGRAMME)
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        found = self.ents.resolve(owner) if owner is not None else None
        if found is not None and found.entity.kind is EntityKind.ORGANISATION:
            return Entity(found.entity.name, EntityKind.PROGRAMME)
        return self._described(subject)

    def _announcing_department(self, span: Span, funder: Resolved) -> Resolved | None:
        """The department that announces money its government pays, in the same sentence."""
        if not funder.entity.name.endswith(("Government", "government")):
            return None
        root = span.sent.root
        if root.lemma_.lower() not in {"announce", "say", "confirm"} or span.root.i == root.i:
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        found = self._payer(subject) if subject is not None else None
        words = set(found.entity.name.lower().split()) if found is not None else set()
        return found if words & {"department", "ministry", "agency"} else None

    def _receives(self, verb: Token | None, body: Resolved) -> bool:
        """Whether `body` is the subject of a verb of receiving."""
        if verb is None or verb.lemma_.lower() not in self.receive:
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        found = self.ents.resolve(subject) if subject is not None else None
        return found is not None and found.entity.name == body.entity.name

    def _reporter_body(self, verb: Token | None) -> Resolved | None:
        """The body whose report a clause is: "the government confirmed [X would ...]",
        "[X are to receive £42m], the Welsh Government has announced"."""
        while verb is not None and verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i:
            verb = verb.head
        if verb is None:
            return None
        # "[Kentucky will receive $61m], the Department announced": the parser may hang the
        # report on the clause as a conjunct or an aside
        report = next(
            (
                c
                for c in verb.children
                if c.dep_ in {"conj", "parataxis"}
                and c.i > verb.i
                and (c.lemma_.lower() in self.lex.speech_verbs or c.lemma_.lower() == "announce")
                and self.doc[c.left_edge.i - 1].text == ","
            ),
            None,
        )
        if verb.dep_ != "ccomp" and report is None:
            return None
        speaker_of = report if report is not None else verb.head
        subject = next((c for c in speaker_of.children if c.dep_ == "nsubj"), None)
        found = self.ents.resolve(subject) if subject is not None else None
        return found if found and found.entity.kind is EntityKind.ORGANISATION else None

    def _source_just_before(self, its: Token) -> Resolved | None:
        """The body a "from" phrase names in the words right before an "its"."""
        for token in reversed(self.doc[max(its.sent.start, its.i - 12) : its.i]):
            if token.dep_ == "pobj" and token.head.lower_ == "from":
                found = self._payer(token)
                if found is not None and found.entity.kind is EntityKind.ORGANISATION:
                    return found
        return None

    def _owned_fund_after(self, owner: Token) -> tuple[Entity, Resolved | None] | None:
        """ "a £4m grant from the Department for Business and Trade's Low Carbon Materials
        Fund", where the parser took the body for the source and hung the fund elsewhere:
        the fund named right after the body's possessive, and the body."""
        doc = self.doc
        after = next(
            (
                i
                for i in range(owner.i + 1, min(owner.right_edge.i + 2, len(doc)))
                if doc[i].tag_ == "POS"
            ),
            None,
        )
        if after is None or owner.pos_ != "PROPN":
            return None
        end = after + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end < len(doc) and doc[end].text.islower() and doc[end].lemma_ in _FUND_WORDS:
            end += 1  # "... Accountability Technology Grant program"
        last = doc[end - 1]
        if end - after < 3 or last.lemma_.lower() not in _FUND_WORDS:
            return None
        return Entity(doc[after + 1 : end].text, EntityKind.PROGRAMME), self._payer(owner)

    def _named_source(self, verb: Token) -> Entity | None:
        """A funder's named fund the money comes from: "from the Council's Green Fund"."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "from":
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            for token in pobj.subtree if pobj is not None else []:
                if (
                    self._is_funding_noun(token)
                    and any(c.dep_ == "poss" for c in token.children)
                    and (name := self._proper_name(token))
                ):
                    return Entity(name, EntityKind.PROGRAMME)
        return None

    def _subject_of(self, verb: Token) -> Resolved | None:
        """The payer named as subject, climbing to the governing clause; "by X" inside it."""
        current = verb
        for _ in range(4):
            agent = self._agent(current)
            if agent is not None:
                return agent
            subject = next(
                (
                    c
                    for c in current.children
                    if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in self.ents.dateline
                ),
                None,
            )  # "WASHINGTON (AP) — The administration announced": the dateline is no subject
            # "£3bn will go to the Homes Fund, the minister said": the money is no payer; the
            # clause's speaker, further up, sends it
            if subject is not None and subject.dep_ == "nsubj" and not self._is_money(subject):
                found = self._payer(subject)
                if found is not None:
                    return found
                for token in subject.subtree:
                    if (
                        token.dep_ == "prep"
                        and token.lower_ in {"by", "from"}
                        # not "The package, which needs approval from the Legislature, ..."
                        and not _in_clause_of(token, subject)
                    ):
                        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
                        if pobj is not None and (found := self._payer(pobj)):
                            return found
                if _definite(subject) and subject.lemma_.lower() in _REFERRING_WHOLES:
                    # "The package would put $120m into ...": the package the sum before
                    # announced, and so its payer
                    return self._last_payer
                return None
            if subject is not None and not self._is_money(subject):
                return None  # "the fund was announced with a $1bn budget": by someone unsaid
            reporting = next(
                (
                    c
                    for c in current.children
                    if c.dep_ == "parataxis" and c.lemma_.lower() in self.lex.speech_verbs
                ),
                None,
            )
            if subject is not None and reporting is not None:
                current = reporting  # "£3bn will go to the Fund, the minister said, ..."
                continue
            infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in current.children)
            if current.dep_ == "xcomp" or (current.dep_ == "advcl" and infinitive):
                # "direct the Commerce Department to distribute $4.5bn": the object pays
                controller = next((c for c in current.head.children if c.dep_ == "dobj"), None)
                if controller is not None and (found := self._payer(controller)) is not None:
                    return found
            if (
                current.dep_ not in {"xcomp", "conj", "advcl", "ccomp", "relcl"}
                or current.head.i == current.i
            ):
                return None
            if current.dep_ == "ccomp" and current.lemma_.lower() not in self.verbs:
                return None  # "she claimed £6m had been taken from X": she pays nothing
            current = current.head
        return None

    def _is_money(self, token: Token) -> bool:
        """Whether a token is part of an amount of money."""
        return any(m.start <= token.idx < m.end for m in self._money)

    def _programme(self, noun: Token | None, verb: Token | None) -> Entity | None:
        """The named programme: a proper-noun fund name, or what the money is for ("for X")."""
        if noun is not None:
            name = self._proper_name(noun)
            if name:
                return Entity(name, EntityKind.PROGRAMME)
        anchors = [t for t in (noun, verb) if t is not None]
        for anchor in anchors:
            for child in anchor.children:
                if child.dep_ in {"prep", "dative"} and child.lower_ in {
                    "for", "to", "into", "in", "towards", "through", "under", "on",
                }:  # fmt: skip
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is None:
                        continue
                    if child.lower_ != "under" and (name := self._proper_name(pobj)):
                        return Entity(name, EntityKind.PROGRAMME)
                    if pobj.lemma_.lower() == "round" and (name := self._round_of(pobj)):
                        # "in its latest round of National Lottery Project Grants"
                        return Entity(name, EntityKind.PROGRAMME)
                    if pobj.lemma_.lower() in _FUND_WORDS and (
                        named := self._proper_name(pobj)
                        or self._named_beside(pobj)
                        or self._named_later(pobj)
                    ):
                        # "under the Homes Programme", "Under the scheme, known as X, ..."
                        return (
                            named
                            if isinstance(named, Entity)
                            else Entity(named, EntityKind.PROGRAMME)
                        )
        return None

    def _round_of(self, noun: Token) -> str | None:
        """The named grants a round is of: "a round of National Lottery Project Grants"."""
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return self._proper_name(pobj) if pobj is not None else None

    def _fund_sized(self, money: Money) -> Entity | None:
        """The named fund a sum sizes, right after it, however the parser reads the name:
        "the £30m Battery Scale-Up Fund"."""
        match = _FUND_AFTER.match(doc_text(self.doc), money.end)
        return Entity(match.group(1), EntityKind.PROGRAMME) if match else None

    def _named_for(self, anchors: list[Token]) -> Entity | None:
        """What money pays for, by the name it is to bear: "will pay for a new neonatal unit,
        to be named the Marlowe Newborn Center"."""
        for anchor in anchors:
            for prep in anchor.children:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None and (named := self._named_later(pobj)) is not None:
                        return named
        return None

    def _set_up_programme(self, anchors: list[Token | None]) -> Entity | None:
        """The named programme the money's purpose sets up or runs, on the verb or (as the
        parser may hang it) on the sum: "pledged $3m to run a job-training program called
        Pathways Home", "donated $20m to set up a school, to be named the X School"."""
        for anchor in anchors:
            if anchor is None:
                continue
            for clause in anchor.children:
                if clause.dep_ not in {"xcomp", "advcl", "relcl"} or not any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
                ):
                    continue
                for obj in clause.children:
                    if obj.dep_ != "dobj":
                        continue
                    if obj.lemma_.lower() in _FUND_WORDS:
                        name = self._proper_name(obj)
                        if name:
                            return Entity(name, EntityKind.PROGRAMME)
                        named = self._named_beside(obj) or self._named_later(obj)
                    elif (obj.pos_ == "PROPN" or obj.lemma_.lower() in _NAMED_SERVICES) and (
                        name := self._proper_name(obj)
                    ):
                        # "to create the Marlowe Institute for Neurodegenerative Disease", "to
                        # expand the Fflecsi on-demand minibus service"
                        return Entity(name, EntityKind.PROGRAMME)
                    else:
                        # "to set up a rural clinical school ..., to be named the X School":
                        # what it sets up, by its name
                        named = self._named_later(obj)
                    if named is not None:
                        return named
        return None

    def _body_sent_to(self, verb: Token | None) -> Entity | None:
        """The named body money goes to, which is what it pays for: "The biggest award,
        £96,000, goes to Ouseburn Puppet Theatre"."""
        if verb is None or verb.lemma_.lower() not in {"go", "flow", "pass"}:
            return None
        return next(filter(None, map(self._named_body, prep_objects(verb, {"to"}))), None)

    def _receiver(self, verb: Token | None) -> Entity | None:
        """The named body a grant is made to, which is what it pays for: "Offaly County
        Council will receive €6.2m", "Longford County Council has been awarded €4.8m", "the
        department has awarded Bristol City Council £1.9m"."""
        if verb is None:
            return None
        lemma = verb.lemma_.lower()
        if lemma in {"award", "grant", "give", "hand"}:
            deps = {"nsubjpass", "dative"}  # "X has been awarded £1m", "awarded X £1m"
        elif lemma in _GRANTED_VERBS:
            deps = {"nsubj"}  # "X will receive £1m", "X gets £1m"
        else:
            return None
        holders = (c for c in verb.children if c.dep_ in deps)
        return next(filter(None, map(self._named_body, holders)), None)

    def _named_body(self, token: Token) -> Entity | None:
        """The body NER names with a name that ends at `token`, as what money pays for."""
        entity = self.ents.entity_at(token.i)
        if entity is None or entity.label_ != "ORG" or token.i != entity.end - 1:
            return None
        return Entity(self.ents.org_name(entity), EntityKind.PROGRAMME)

    def _recipient(self, verb: Token) -> Entity | None:
        """The named body that receives money: the subject of "receive", "raise", "win"."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        found = self.ents.resolve(subject) if subject is not None else None
        if found is None or found.entity.kind is not EntityKind.ORGANISATION:
            return None
        return Entity(found.entity.name, EntityKind.PROGRAMME)

    def _proper_name(self, token: Token) -> str | None:
        """The capitalised name a noun heads ("Clean Air Fund"), if it is one."""
        if token.ent_type_ in {"PERSON", "GPE", "LOC"}:
            if token.lemma_.lower() not in _FUND_WORDS:
                return None
            # "the Battery Scale-Up Fund", whatever NER calls it: the name NER gave
            entity = self.ents.entity_at(token.i)
            if entity is not None and entity.end == token.i + 1:
                return self.ents.org_name(entity)
            return None
        if not token.text[:1].isupper():
            # "the Headspace network": a common noun named by the proper noun before it.
            # "the department's RAISE grant program": a compound of a compound names it too
            # (a proper noun the parser called an adjective too: "the Skerryhopper service")
            modifiers = [
                c
                for c in token.lefts
                if c.dep_ in {"compound", "nmod"} or (c.dep_ == "amod" and c.pos_ == "PROPN")
            ]
            modifiers += [g for c in modifiers for g in c.lefts if g.dep_ == "compound"]
            named = [
                c
                for c in sorted(modifiers, key=lambda t: t.i)
                if c.dep_ in {"compound", "nmod", "amod"}
                and c.pos_ == "PROPN"
                and c.text[:1].isupper()
                and not self._is_money(c)  # not the "M" of "a $14.8M federal grant"
                and c.ent_type_ not in {"GPE", "NORP", "DATE"}
                # "the Homes First programme": NER may call a fund's name a person's
                and (c.ent_type_ != "PERSON" or token.lemma_.lower() in _FUND_WORDS)
            ]
            if not named:
                return None
            first = named[0].i
            bound = token.left_edge.i
            prep = token.head
            if (
                token.dep_ == "pobj"
                and prep.lower_ in {"for", "of"}
                and prep.head.pos_ == "PROPN"
                and prep.head.text[:1].isupper()
            ):
                bound = prep.head.left_edge.i  # the parser's "[Rebuilding Schools] for ..."
            while first > bound:
                before = self.doc[first - 1]
                if before.text[:1].isupper() and before.pos_ != "DET":  # "The Resilient ..."
                    first -= 1  # "the Early Years Places program": the whole capitalised name
                    continue
                # "the Rebuilding Schools for the Future programme": joining words inside it
                joint = 2 if before.lower_ == "the" else 1
                word = self.doc[first - joint] if first - joint >= 0 else before
                opening = first - joint - 1
                if (
                    word.lower_ in {"for", "of", "and"}
                    and opening >= bound
                    and self.doc[opening].text[:1].isupper()
                    and self.doc[opening].pos_ != "DET"
                ):
                    first = opening
                    continue
                break
            return self.doc[first : token.i + 1].text
        if token.lower_ in CALENDAR_WORDS:
            return None
        entity = self.ents.entity_at(token.i)
        if entity is not None and entity.label_ in _NAME_LABELS:
            owner = _owner_end(entity, entity[0])
            if owner is not None and owner <= token.i:
                # "the Department for Transport's Active Travel Fund": the fund, not its owner.
                return self.ents.org_name(self.doc[owner + 1 : entity.end])
            start = entity.start
            while start > 0 and _left_word_of_name(self.doc[start - 1], entity):
                start -= 1  # "its [Grid] Storage Manufacturing Program": a word NER left out
            if start < entity.start:
                return self.doc[start : entity.end].text
            return self.ents.org_name(entity)  # "the University of Oxford", whole
        parts = [
            c
            for c in token.lefts
            if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.text[:1].isupper()
        ]
        tokens = sorted([*parts, token], key=lambda t: t.i)
        first = tokens[0].i
        while first < token.i and not self.doc[first].text[:1].isupper():
            first += 1
        if first == token.i and token.pos_ != "PROPN" and token.ent_type_ not in ORG_LABELS:
            return None
        return self.doc[first : token.i + 1].text


# "programme of doctoral scholarships, to be known as the Aldous Scholarships": a name given
# within a few words of the noun, all capitalised words.
_CALLED_LATER = re.compile(
    r"\w+(?:\s+[\w'-]+){0,6}?,?\s+(?:to be|which will be|that will be)?\s*"
    r"(?:known as|called|named)\s+(?:the\s+)?"
    r"([A-Z][\w'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'-]*)*)"
)
_EACH = re.compile(r"\s*(?:each|apiece)\b")
# "matches donations at a rate of $1 for every $5 raised": a rate, not a sum paid
_RATE_AFTER = re.compile(r"\s+(?:for\s+every|per)\b")
_RATE_BEFORE = re.compile(r"(?:\brate\s+of|\bfor\s+every)\s*[^\w\s]*$")
_BETWEEN = re.compile(r"\bbetween\s+(?:\S+\s+){0,2}$")
# Words that end the name of a body whose members a story names by their posts: "Lucas
# County commissioners", "Harlow Town councillors".
_LOCAL_BODY_WORDS = {"County", "City", "Council", "Board", "Borough", "District", "Town", "Parish"}
# "£30m Battery Scale-Up Fund": a fund's capitalised name right after the sum that sizes it.
_FUND_AFTER = re.compile(
    r"\s+((?:[A-Z][\w'’-]*\s+){1,6}(?:Fund|Programme|Program|Scheme|Initiative))\b"
)
# "the federal and NSW governments": two governments that pay together.
_JOINT_GOVERNMENTS = re.compile(r"(?:[Tt]he\s+)?(\w+)\s+and\s+(\w+)\s+governments")
# "The first phase, worth £75m, ...": a part of what was just paid for.
_PART_WORTH = re.compile(
    r"(?:^|[.\n]\s*)(?:The\s+(?:first|second|third|next|final|initial|opening)\s+"
    r"(?:phase|stage|tranche|round)\b[^.]{0,30}?\bworth"
    # "Of the total, $4.3m will go to new bus shelters": a share of the sum before
    # ("Of the health money, $2.4bn ...": one word may say what the money is for)
    r"|Of\s+(?:the|that|this)\s+(?:[\w-]+\s+)?(?:total|money|sum|funding|amount|grant|award),"
    r"|The\s+remaining"
    # "The bulk of the money, $28.5m, will pay to replace ...": the largest part of it
    r"|(?:The\s+bulk|Most|Much|Part)\s+of\s+(?:the|that|this)\s+(?:money|funding|grant|sum|total),"
    # "The largest single commitment, $35m, goes to ...": the biggest part of the sum before
    r"|The\s+(?:largest|biggest|single\s+largest|single\s+biggest)\s+(?:single\s+)?"
    r"(?:commitment|grant|award|allocation|share|sum|item|investment),)\s*$"
    # "Michigan will receive the largest share, about $172m": a share of the sum before
    r"|\bshare,\s+(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?$"
)
# "will put in a further £3.8m": more money for what the sum before paid for (not "increase
# another £250,000 funding", which may be another pot).
_MORE_OF = re.compile(r"\b(?:a further|an additional)\s*$", re.I)
# "A further $7m ...", opening its sentence: more of what was just paid for.
_OPENS_FURTHER = re.compile(r"\s*(?:A further|Another|An additional)\s")
_OPENS_PART = re.compile(r"\s*Of\s+(?:the|that|this)\s+(?:[\w-]+\s+)?(?:total|money|sum|funding),")
_FURTHER = re.compile(r"(?:^|[.\n]\s*)(?:A further|Another|An additional|A further)\s*$")
# Up to three plain words right after an amount ("share buyback", "sale to Acme").
_WORDS_AFTER = re.compile(r"((?:\s+[a-z][\w-]*){1,3})")
# Words that end the noun an amount sizes: what follows them is another phrase.
# Not "on" or "for", which say what the money buys ("$3m on ads", "£2m for the deal").
_PAST_THE_NAME = {
    "through", "under", "via", "from", "into", "over", "by", "with", "and", "or", "towards",
    "toward", "to",
    # a verb follows: "the remaining $25m will pay for a unit"
    "will", "would", "is", "was", "are", "were", "has", "have", "had", "can", "could",
    "should", "may", "might", "must",
}  # fmt: skip
# Nouns of money handed to someone, which a sentence may give with no payer.
_AWARD_NOUNS = {"award", "grant"}
# A US state's legislators, who spend the state's money.
_LAWMAKERS = {"lawmaker", "legislator", "legislature"}
# "The budget includes $2.5m for ...": nouns of a whole that holds sums, and verbs of holding.
_CONTAINER_NOUNS = {"budget", "package", "plan", "bill", "deal"}
_CONTAINING_VERBS = {
    "include", "contain", "earmark", "allocate", "provide", "set", "set aside", "commit", "direct",
}  # fmt: skip
# Verbs of being handed money by someone unnamed ("will receive £3.2m", "are to share £48m");
# not money raised or drawn from a surplus.
_GRANTED_VERBS = {"receive", "share", "win", "secure", "get", "award", "grant"}
_WHOLES = (
    r"(?:package|fund|money|funding|total|sum|programme|program|budget|investment|allocation|pot)"
)
# "$350m of the package", "$3.4bn of its $6bn budget": part of a sum counted elsewhere.
_SHARE_OF = re.compile(
    # not "$3.5m of its own money": money the payer puts in itself
    r"\s+of\s+(?:the|its|this|that|their|his|her)\s+(?!own\b)(?:\S*\d\S*\s+(?:[mb]illion\s+)?)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_WHOLES}\b",
    re.I,
)
# "bringing the combined investment to more than $80m", "brings its total funding to $61m".
_RUNNING_TOTAL = re.compile(
    r"\bbr(?:ing|ings|inging|ought)\b[^.;]{0,70}?\bto\s+"
    r"(?:more than\s+|about\s+|nearly\s+|almost\s+|over\s+|some\s+|around\s+)?$",
    re.I,
)
# "... of its $6bn budget": the whole a share was just counted out of.
_WHOLE_OF = re.compile(r"\bof\s+(?:the|its|this|that|their|his|her)\s+$", re.I)
_SIZED_MANY = re.compile(
    r"\b(?:payments|grants|awards|bonuses|loans|bursaries|hellos)\W*\s+of\s+(?:up\s+to\s+)?$",
    re.I,
)


# Common nouns a proper name before them makes a programme: "the Fflecsi minibus service".
_NAMED_SERVICES = {"service", "network", "project", "line"}
# Posts whose holder commits a government's money, not their own: "Gov.", "premier".
_GOVERNING_POSTS = {
    "governor", "gov", "premier", "minister", "secretary", "treasurer", "chancellor",
}  # fmt: skip
# "the £1.2m", "this $5m": a sum the reader has been told of.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+$", re.I)
# Verbs of a purpose that names what money pays for: "£12m to build a diagnostic centre".
_PROJECT_VERBS = {
    "build", "create", "fund", "finance", "buy", "purchase", "hire", "recruit", "restore",
    "repair", "replace", "upgrade", "expand", "develop", "install", "refurbish", "renovate",
    "construct", "open", "establish", "extend", "improve", "modernise", "modernize", "rebuild",
}  # fmt: skip
# Nouns of money put into something: "an investment in a new student hub".
_INVESTMENT_NOUNS = {"investment", "stake", "spending", "funding"}
# ... and verbs: "will invest $2.6bn in the Lakeshore light rail line".
_INVESTING_VERBS = {"invest", "reinvest"}
# Entity types that are no project money pays for: "towards 2030", "towards the council".
_NOT_PROJECTS = {"PERSON", "GPE", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORG"}
# Verbs of order in a ranking ("followed by Illinois", "trailed by X").
_RANKING_VERBS = {"follow", "trail", "top", "beat", "outpace", "surpass", "accompany"}
# A whole a later sentence takes up as its subject: "The package would put $120m into ...".
_REFERRING_WHOLES = {"package", "plan", "proposal", "deal"}


def _definite(noun: Token) -> bool:
    """Whether a noun is taken up from before: "the package", "this plan"."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children)


def _in_clause_of(token: Token, noun: Token) -> bool:
    """Whether a token sits in a relative clause on `noun` ("the package, which needs
    approval from the Legislature"), not in the noun phrase itself ("Measures to tackle crime
    by the mayor": the parser's "by" on the infinitive is still the measures')."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.i == noun.i:
            return False
        if ancestor.dep_ == "relcl" and ancestor.left_edge.tag_ in {"WDT", "WP", "WP$"}:
            return True  # a relative clause proper, not an infinitive the parser calls one
    return False


@dataclass(frozen=True)
class _Gapped:
    payer: Resolved
    verb: Token


def _left_word_of_name(word: Token, entity: Span) -> bool:
    """Whether `word`, right before a name NER found, is a capitalised word of the name it
    left out: a proper noun compounded into the name, NER calling it nothing."""
    return (
        word.pos_ == "PROPN"
        and word.text[:1].isupper()
        and word.is_alpha
        and not word.ent_type_
        and word.dep_ == "compound"
        and entity.start <= word.head.i < entity.end
        and not word.is_sent_start
    )


def _ranked_by(prep: Token, verb: Token) -> bool:
    """Whether a "by" names who comes next in a ranking, not who pays: "Michigan will
    receive the largest share, followed by Illinois"."""
    head = prep.head
    return prep.lower_ == "by" and head.i != verb.i and head.lemma_.lower() in _RANKING_VERBS


def _attributed(token: Token, verb: Token) -> bool:
    """Whether a token under `verb` is inside "according to ..." (the source of the report,
    not of the money: "raised $11bn, according to data from research firm X")."""
    for ancestor in token.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.lower_ == "according":
            return True
    return False


def _in_a_part(token: Token, verb: Token) -> bool:
    """Whether `token` lies in a part of the sum `verb` governs: one named after "including"
    ("raised £450,000, including a £100,000 donation from X": X gave the part, not all), or
    one that pays for something the sum pays for ("a £12m hub, funded by a £7m donation
    from X")."""
    for ancestor in token.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.lower_ in {"including", "includes"}:
            return True
        if ancestor.head.dep_ == "agent" and ancestor.pos_ == "NOUN" and _sized_by_money(ancestor):
            return True
    return False


def _gapped_with_own_source(head: Token, verb: Token | None) -> bool:
    """Whether a sum listed after the first, its verb not repeated, names its own source:
    "£750,000 comes from the X Fund and £450,000 from Y"."""
    return (
        verb is not None
        and head.dep_ == "conj"
        and head.head.i == verb.i
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children)
    )


def _sized_by_money(noun: Token) -> bool:
    """Whether a sum sizes `noun`, before it: "a £7m donation"."""
    return any(t.ent_type_ == "MONEY" or t.tag_ == "$" for left in noun.lefts for t in left.subtree)


def _held_by(noun: Token | None, verb: Token | None) -> bool:
    """Whether the money is one sum a whole holds: "The budget includes $2.5m", "The
    funding also contains £750,000" (`noun` the subject of the holding `verb`)."""
    return (
        noun is not None
        and verb is not None
        and noun.head.i == verb.i
        and noun.dep_ == "nsubj"
        and verb.lemma_.lower() in _CONTAINING_VERBS
    )


def _listed_under(token: Token, root: Token) -> bool:
    """Whether `token` hangs on a conjunct listed under `root` rather than on `root` itself."""
    for ancestor in token.ancestors:
        if ancestor.i == root.i:
            return False
        if ancestor.dep_ == "conj" and ancestor.head.i == root.i:
            return True
    return False


def _sizes(text: str, end: int, noun: str) -> bool:
    """Whether the money ending at `end` sizes a `noun` ("£1.2bn fund", "$5m scheme") or
    goes to one a few words on ("$3.1bn over four years on a new fund")."""
    return (
        re.match(rf"\s+(?:[\w-]+\s+){{0,6}}{re.escape(noun)}\b", text[end : end + 80], re.I)
        is not None
    )


def _per_item(text: str, money: Money) -> bool:
    """Whether an amount sizes each of many grants, or bounds a range, rather than being a
    sum someone pays: "grants of up to $15m each", "between A$250,000 and A$5m"."""
    if _EACH.match(text, money.end) or _SHARE_OF.match(text, money.end):
        return True  # "$350m of the package would be spent first": part of a sum counted
    rate_before = _RATE_BEFORE.search(text, max(0, money.start - 30), money.start)
    if _RATE_AFTER.match(text, money.end) or rate_before:
        return True  # "$1 for every $5 raised", "£300 per pupil": a rate
    if _RUNNING_TOTAL.search(text, max(0, money.start - 90), money.start):
        return True  # "bringing the combined investment to more than $80m": a total so far
    if _WHOLE_OF.search(text, max(0, money.start - 12), money.start) and re.match(
        rf"\s+(?:[\w-]+\s+){{0,2}}?{_WHOLES}\b", text[money.end :], re.I
    ):
        return True  # "committed $3.4bn of its $6bn budget": the whole, counted before
    before = text[max(0, money.start - 40) : money.start]
    # "between £1m and £5m": both bounds; "payments of up to £20,000": the size of each
    return _BETWEEN.search(before) is not None or _SIZED_MANY.search(before) is not None


def _owner_end(entity: Span, token: Token) -> int | None:
    """Where the owner's name ends ("'s") in one NER span that names a body and a thing it
    owns ("the Department for Transport's Active Travel Fund"), if at or after `token`."""
    for t in entity[:-1]:
        if t.tag_ == "POS" and t.i > token.i and t.i + 1 < entity.end:
            return t.i
    return None


_SUMMARY = re.compile(r"^(?:Key points|In short|At a glance|Key facts)\s*:?[ \t]*$", re.I | re.M)


def _clause_anchors(head: Token) -> list[Token]:
    """A sum and the words above it up to its clause's verb, where what it pays for hangs
    (not the verb of the clause before: "A further $1.1bn is set aside to expand X, while
    $350m will pay for 14 clinics")."""
    anchors = [head]
    while len(anchors) < 3 and anchors[-1].pos_ not in {"VERB", "AUX"}:
        if anchors[-1].head.i == anchors[-1].i:
            break
        anchors.append(anchors[-1].head)
    return anchors


def _pays_for(token: Token) -> bool:
    """Whether a token is the "pay" of "will pay for X" or "will pay to replace X": what
    money buys, not a payment."""
    return token.lemma_.lower() == "pay" and any(
        (c.dep_ == "prep" and c.lower_ == "for")
        or (c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children))
        for c in token.children
    )


def _summary_block(text: str) -> tuple[int, int] | None:
    """The offsets of a summary list set before the story ("Key points:" and its lines, up to
    the next blank line), which the story then tells in full."""
    match = _SUMMARY.search(text)
    if match is None:
        return None
    end = text.find("\n\n", match.end() + 1)
    return match.end(), len(text) if end < 0 else end


def _merged(facts: list[FundingFact], fact: FundingFact) -> list[FundingFact]:
    """The facts with one more, unless the same funder gives the same sum again ("... unveils
    $3.5 billion housing package. The government will spend $3.5 billion ..."): then one
    fact, with the programme either names."""
    for k, known in enumerate(facts):
        if (
            _same_body(known.funder.name, fact.funder.name)
            and known.amount == fact.amount
            and known.currency == fact.currency
            and (known.programme is None or fact.programme is None)
        ):
            kept = fact if known.programme is None and fact.programme is not None else known
            fuller = max(known.funder, fact.funder, key=lambda e: len(e.name))
            facts[k] = dataclasses.replace(kept, funder=fuller)
            return facts
    return [*facts, fact]


def _same_body(one: str, other: str) -> bool:
    """Whether two names of a payer name one body: the same name, or one written with a
    country before it or its words turned round ("Energy Department", "U.S. Department of
    Energy")."""
    if one == other:
        return True
    words = [
        {w for w in _NAME_WORD.findall(n.lower()) if w not in _LINK_WORDS} for n in (one, other)
    ]
    shorter, longer = sorted(words, key=len)
    return len(shorter) > 1 and shorter <= longer and len(longer - shorter) <= 1


def paid_through_office(facts: list[Fact], lex: Lexicons) -> list[FundingFact]:
    """Money a governor, premier or minister commits is their government's: for each sum a
    person pays who holds such a post here, the same sum paid by the government or
    department the post is held in ("Gov. Jo Bloggs signed a budget that includes $40m for
    X": Bloggs, and the state). Mayors and commissioners pay in their own name."""
    parties = set(lex.parties.values())
    offices: dict[str, Entity] = {}
    for fact in facts:
        if (
            isinstance(fact, RoleFact)
            and fact.organisation is not None
            and fact.organisation.name not in parties
            and not fact.role.lower().startswith(("former", "shadow", "ex"))
            and fact.role.lower().split()[-1].strip("().") in _GOVERNING_POSTS
        ):
            offices.setdefault(fact.person.name, fact.organisation)
    found = []
    for fact in facts:
        if not isinstance(fact, FundingFact) or fact.funder.kind is not EntityKind.PERSON:
            continue
        government = offices.get(fact.funder.name)
        if government is None:
            continue
        evidence = dataclasses.replace(
            fact.evidence, rule="funding.office", confidence=min(fact.evidence.confidence, 0.6)
        )
        found.append(dataclasses.replace(fact, funder=government, evidence=evidence))
    return found


def extract_funding(doc: Doc, ents: DocumentEntities, lex: Lexicons) -> list[FundingFact]:
    """All funding facts of one article."""
    return FundingExtractor(doc, ents, lex).run()
