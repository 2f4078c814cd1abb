"""Quote facts: who says what, in direct speech (within quotation marks) and reported speech.

A cue is a speech verb from the lexicon ("said", "believes", "criticised ... saying that"),
a multi-word one ("pointed out", "called for") or "according to". Each cue has a speaker
(its subject, climbing through participles and conjoined verbs: "criticised these moves
saying that ...") and may have content (its clausal complement, on either side).
Each quotation is attributed to the cue that governs or touches it ("He said: “...”",
"“...,” he said", "“...,” said Mr X"); a quotation with no cue of its own continues the
previous speaker when it follows their quotation in the same or the next paragraph.
Reported speech is every cue's content that no direct quotation already covers.
Transcripts ("PENCE: ..."), headlines ("Pence: ..."), quotations signed with a dash
("“...” ― Jane Roe") and block quotes after "she added:" name their speaker without a verb.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.entities import (
    PRONOUN_GENDER,
    SUBJECT_DEPS,
    DocumentEntities,
    Resolved,
    noun_phrase,
)
from kg.extract.evidence import char_evidence, doc_text, doc_tokens, headline, text_span
from kg.extract.lexicon import Lexicons
from kg.extract.quotemarks import Quotation, paragraphs
from kg.facts import Entity, EntityKind, QuoteFact
from kg.facts import Span as TextSpan

# The rule an indirect claim is recorded under, by its cue's frame: what was said or how
# something was judged, or an intention ("wants to cut the levy"), which a user who wants
# spoken claims only can filter out.
RULES = {"clause": "quote.indirect", "object": "quote.indirect", "intent": "quote.intent"}
# (an object-frame cue whose content is a bare thing, no clause and no quoted words, is
# recorded as "quote.stance": see QuoteExtractor._rule)
# Refusals whose infinitive is a verb of speaking report no claim: "declined to comment",
# "refused to say whether the talks had failed".
REFUSALS = {"decline", "refuse"}
_SPEAKING = {
    "comment", "say", "discuss", "elaborate", "speculate", "confirm", "reveal", "disclose",
    "answer", "respond", "specify", "identify", "name", "give", "provide", "detail",
}  # fmt: skip
# Clausal complements that carry what was said. An infinitive ("agreed to buy") is an
# act, not speech, except after verbs of commitment ("vowed to appeal").
CONTENT_DEPS = {"ccomp", "advcl", "parataxis"}
INFINITIVE_CUES = {"promise", "vow", "pledge", "threaten", "swear", "deny"}
# Reporting verbs of the "clause" frame that address someone, so that "VERB someone to do"
# is what that someone is told to do: "told staff to leave", "asked voters to turn out".
ADDRESS_CUES = {"tell", "ask", "warn", "caution"}
# Dependents through which a speech verb's subject is found on its head instead:
# "criticised these moves saying that" (advcl), "laughed and said" (conj), "declined to say".
CLIMB_DEPS = {"advcl", "conj", "xcomp", "acl"}
# Subordinators of an adverbial clause that sets the scene of a speech act rather than
# saying what was said: "said as he entered the talks", "said after the meeting broke up".
CIRCUMSTANCE_MARKS = {
    "when", "after", "as", "before", "until", "while", "since", "once", "so", "whenever",
    # why: "asked not to be identified because the talks are private"
    "because", "although", "though",
}  # fmt: skip
# Cues whose "when" clause is the question asked: "asked when the line would reopen".
QUESTION_CUES = {"ask", "wonder", "question"}
# A verb that judges ("called the plan reckless") or summons ("called an election").
NAMING_CUES = {"call"}
# People a call is made to, not a name given: "calling members", "called voters".
CALLED_PEOPLE = {
    "member", "voter", "lawmaker", "legislator", "resident", "donor", "supporter", "parent",
    "family", "customer", "constituent", "colleague", "friend", "official", "reporter",
}  # fmt: skip
# Speech verbs that take a clause, never a plain object: an object the parser gives them
# before a clause without a subject is that clause's subject.
_NO_OBJECT_CUES = {"say", "claim", "insist", "argue", "believe", "think", "add"}
# What is called, not judged, when "call" has no predicate.
CALLED_EVENTS = {
    "election", "vote", "referendum", "poll", "meeting", "session", "summit", "conference",
    "inquiry", "hearing", "strike", "halt", "ceasefire", "truce", "recess", "break",
    "police", "ambulance",
}  # fmt: skip
# Stances held only in a gerund or infinitive: "ruled out raising the levy".
VERBAL_ONLY_CUES = {"rule out"}
# Cues of written words, whose setting names the medium: "posted on Facebook that ..."
WRITING_CUES = {"write", "post", "tweet", "blog"}
# Prepositions before a gerund cue whose subject is the clause's: "began by saying".
GERUND_PREPOSITIONS = {"by", "after", "before", "while", "in", "since"}
# Dependents of a speech verb after its content that say when, where or what else it did,
# not what was said: "said X in a statement on Thursday", "said X and left".
SETTING_DEPS = {"conj", "cc", "advcl", "npadvmod", "advmod", "agent"}
SETTING_PREPOSITIONS = {
    "in", "on", "at", "during", "after", "before", "since", "while", "from", "via",
    "through", "with", "by", "amid", "ahead", "following", "outside", "inside", "near",
}  # fmt: skip
# Relative pronouns that can stand for the subject of a claim: "which critics say is unfair".
RELATIVE_PRONOUNS = {"which", "who", "that"}
# Particles that make multi-word cues: "point out", "call for", "go on".
_PARTICLES = {"out", "for", "on"}
# What may stand between a cue and the quotation it introduces: "said in a statement: “".
_MAX_WORDS_BETWEEN = 6
# Characters around a quotation within which its cue may stand (a long speaker description).
_REACH = 400
_MIN_DIRECT_WORDS = 3
# Titles quoted inside a sentence: programmes, books, songs ("appeared on “Face the Nation”").
_MAX_TITLE_WORDS = 6
_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "with"}
_WORD = re.compile(r"\w+")
_CLIPPED = {"'s", "’s"}
# Signs that end a claim's last word rather than the writer's sentence: "turnout was 38%".
_KEPT_SIGNS = {"%", "‰"}
# The end of the writer's sentence before the next opening mark: ', he said. “'
_SENTENCE_END = re.compile(r"[.!?][\s\"“”'‘’]*$")
# The complementiser that opens reported speech: part of the span, not of the claim.
_THAT = re.compile(r"^that\b[\s,]*", re.IGNORECASE)
_MARKS = set("\"“”„«»'‘’")
_CLOSING_MARKS = {'"', "”"}
_OPENING_MARKS = {'"', "“"}
# A speaker label opening a paragraph ("PENCE: ...", "Pat Caddell: ...").
_NAME = r"[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3}"
_LABEL = re.compile(rf"[ \t\"“]*({_NAME})[ \t]*:[ \t]+(?=\S)")
# A signature after a quotation: "” ― Jane Roe"; web copy often pads the dash with
# no-break spaces.
_SIGNATURE = re.compile(rf"[\"”’'.,]*[ \t\xa0]*[―—–][ \t\xa0]*({_NAME})")


@dataclass
class Cue:
    """A speech verb (or "according") with its speaker and the token range of its content."""

    verb: Token
    frame: str
    speaker: Resolved | None
    content: tuple[int, int] | None  # character offsets
    # The attribution itself when it interrupts the content: "The museum, he said, is ...".
    hole: tuple[int, int] | None = None
    # Speakers joined to the first: "Ms Lane and Mr Cole said ..." (Mr Cole).
    co_speakers: tuple[Resolved, ...] = ()


def _words(text: str) -> int:
    return len(_WORD.findall(text))


class QuoteExtractor:
    """Finds cues, attributes quotations, and reads reported speech in one article."""

    def __init__(
        self, doc: Doc, ents: DocumentEntities, quotations: list[Quotation], lex: Lexicons
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.ents = ents
        self.lex = lex
        self.quotations = quotations
        self.paragraphs = paragraphs(self.text)
        # The first words of the speech verbs ("say", "point" of "point out").
        self.cue_lemmas = frozenset(verb.split()[0] for verb in lex.speech_verbs) | {"put"}

    def run(self) -> list[QuoteFact]:
        cues = [cue for token in doc_tokens(self.doc) if (cue := self._cue(token)) is not None]
        facts: list[QuoteFact] = self._labelled() + self._blocks(cues)
        covered: list[tuple[int, int]] = [(f.content.start, f.content.end) for f in facts]
        previous: tuple[Quotation, Resolved, Cue | None] | None = None
        pieces: list[tuple[int, QuoteFact]] = []
        first_piece = None
        for quotation in _without(self.quotations, covered):
            cue = self._cue_for(quotation, cues)
            interrupted = cue is not None and previous is not None and previous[2] is cue
            if interrupted:
                cue = None  # “A,” said X. “B.”: the cue of A, and B carries on from it
            signed = self._signed(quotation) if cue is None else None
            if cue is not None and cue.speaker is not None:
                speaker, confidence = cue.speaker, 0.9
            elif signed is not None:
                speaker, confidence = signed, 0.85
            elif previous is not None and (
                interrupted
                or (self._starts_sentence(quotation) and self._continues(previous[0], quotation))
            ):
                speaker, confidence, cue = previous[1], 0.75, None
            else:
                continue
            if not self._is_claim(quotation, cue):
                continue
            covered.append((quotation.start, quotation.end))
            if (
                cue is None
                and facts
                and facts[-1].direct
                and facts[-1].speaker == speaker.entity
                and self._interrupted(facts[-1], quotation)
            ):
                # “A,” she said. “B.” is one quote, interrupted by its attribution.
                if first_piece is not None:
                    pieces.append((len(facts) - 1, first_piece))
                    first_piece = None
                pieces.append((len(facts) - 1, self._direct(quotation, speaker, None, 0.7)))
                facts[-1] = self._joined(facts[-1], quotation)
            else:
                facts.append(self._direct(quotation, speaker, cue, confidence))
                first_piece = facts[-1]
                for other in cue.co_speakers if cue is not None else ():
                    facts.append(self._direct(quotation, other, cue, confidence))
            previous = (quotation, speaker, cue)
        # “Nobody likes this budget,” she said. “But it is balanced, it is honest, and it
        # keeps the lights on without raising taxes.”: the joined quote stands for its long
        # part; a part under a third of it is a claim of its own too
        facts += [p for k, p in pieces if 3 * _words(p.text) < _words(facts[k].text)]
        title = headline(self.text)
        for cue in cues:
            if cue.speaker is None or cue.content is None or cue.frame == "quote":
                continue
            if title is not None and title[0] <= cue.verb.idx < title[1]:
                continue  # "Backbenchers demand U-turn": headline-ese, restated in the body
            if cue.speaker.entity.kind is EntityKind.UNNAMED_SOURCE and self._nested(cue, cues):
                continue  # "she said the results showed ...": the results are part of her claim
            if cue.frame in {"intent", "object"} and self._nested(cue, cues, named_only=False):
                # "a source said the drivers refused to move", "she said the party would
                # oppose any rise": a stance inside another's claim is part of that claim
                continue
            if self._restated(cue, cues):
                continue  # "she said she believes ...": one claim, reported by the outer cue
            if self._hearsay(cue, cues):
                continue  # "Reid said Hill tells voters that ...": Reid's claim, not Hill's
            if _anonymity(cue.verb):
                continue  # "speaking on condition of anonymity to describe the talks"
            if cue.frame == "intent" and _a_thing_with_a_purpose(cue.speaker):
                continue  # "a youth jobs initiative that aims to place 1,200 teenagers"
            if any(a < cue.content[1] and cue.content[0] < b for a, b in covered):
                continue
            facts.extend(self._reported(cue, *cue.content))
        facts.sort(key=lambda f: f.content.start)
        return facts

    def _reported(self, cue: Cue, start: int, end: int) -> list[QuoteFact]:
        """The facts of one claim a cue reports, one per speaker; none when it is too short,
        or when its source is a document or figures nobody is named for ("figures show",
        "the annual report says": what the record holds, not what someone claims)."""
        if _document_source(cue.speaker):
            return []
        span = text_span(self.doc, start, end)
        claim = span.text
        if cue.hole is not None:
            before = self.text[start : cue.hole[0]].rstrip(" ,—–-")
            after = self.text[cue.hole[1] : end].lstrip(" ,—–-")
            claim = f"{before} {after}".strip()
        opening = self.doc.char_span(start, end, alignment_mode="expand")
        if opening is None or opening[0].dep_ != "det":
            claim = _THAT.sub("", claim, count=1)  # not in "said that plan failed"
        if (antecedent := self._relative_antecedent(cue)) is not None:
            claim = f"{antecedent} {claim}"
        if _words(claim) < 3 and not self._names_a_thing(cue, span):
            return []
        return [
            self._indirect(cue, speaker, span, claim) for speaker in (cue.speaker, *cue.co_speakers)
        ]

    def _rule(self, cue: Cue, span: TextSpan) -> str:
        """What kind of claim a cue reports: speech ("said the plan failed", "called the plan
        a failure"), an intention, or a stance on a thing with no clause or quoted words
        ("defended his record", "cited the figures")."""
        rule = RULES.get(cue.frame, "quote.indirect")
        if cue.frame != "object":
            return rule
        words = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if words is None or any(t.dep_ in {"nsubj", "nsubjpass"} for t in words):
            return rule
        if any(t.i in self.ents.quoted for t in words) or any(t.dep_ == "oprd" for t in words):
            return rule  # the source's own words, or a judgement ("called the plan a failure")
        return "quote.stance"

    def _names_a_thing(self, cue: Cue, span: TextSpan) -> bool:
        """Whether a short content is a stance on something named: "endorsed Ms Lee",
        "attacked the levy" (not "denied it", "rejected that")."""
        if cue.frame != "object" or cue.hole is not None:
            return False
        words = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return (
            words is not None
            and words.root.pos_ in {"NOUN", "PROPN"}
            and words.root.i not in self.ents.quoted
        )

    def _indirect(self, cue: Cue, speaker: Resolved, span: TextSpan, claim: str) -> QuoteFact:
        """The reported claim of a cue, said by `speaker` (the cue's, or one listed with it)."""
        start, end = cue.content or (span.start, span.end)
        return QuoteFact(
            speaker=speaker.entity,
            text=claim,
            direct=False,
            content=span,
            evidence=char_evidence(
                self.doc,
                min(start, cue.verb.idx),
                max(end, cue.verb.idx + 1),
                self._rule(cue, span),
                0.8 if self._rule(cue, span) == "quote.indirect" else 0.7,
            ),
            speaker_mention=self._mention(speaker),
            cue=text_span(self.doc, cue.verb.idx, cue.verb.idx + len(cue.verb.text)),
        )

    # -- cues -------------------------------------------------------------------------------

    def _cue(self, token: Token) -> Cue | None:
        if token.i in self.ents.quoted:
            return None
        if (
            token.lower_ == "according"
            and token.i + 1 < len(self.doc)
            and self.doc[token.i + 1].lower_ == "to"
        ):
            to = self.doc[token.i + 1]
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            speaker = self.ents.resolve(source) if source is not None else None
            return Cue(token, "clause", speaker, self._according_content(token))
        if token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.speech_nouns:
            return self._noun_cue(token)
        if not token.tag_.startswith("VB"):
            return None
        lemma = token.lemma_.lower()
        if (
            token.tag_ == "VBN"
            and token.dep_ in {"pcomp", "acl", "advcl", "amod"}
            and not any(c.dep_ in {"aux", "auxpass"} for c in token.children)
            and any(c.dep_ == "nsubj" for c in token.children)
        ):
            return None  # "with the rest expected to come from ...": said of it, not by it
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in REFUSALS:
            return None  # "declined to say whether ...": no claim
        if lemma not in self.cue_lemmas:
            return None  # neither a speech verb nor the first word of one ("point out"), nor
            # the "put" of "as one analyst put it"
        frame = phrasal = None
        for child in token.children:
            if child.lower_ in _PARTICLES and child.dep_ in {"prt", "prep"}:
                if child.dep_ == "prep" and any(
                    c.dep_ == "dobj" and c.i < child.i for c in token.children
                ):
                    continue  # "called an election for May" is no "call for"
                phrasal = f"{lemma} {child.lower_}"
                frame = self.lex.speech_verbs.get(phrasal)
                if frame:
                    break
        if phrasal in VERBAL_ONLY_CUES and not any(c.dep_ == "xcomp" for c in token.children):
            return None  # "ruled out the goal for offside" is a decision, not a stance
        if frame is None and lemma in NAMING_CUES and self._convenes(token):
            return None  # "called an early election", "called a meeting": no judgement
        frame = frame or self.lex.speech_verbs.get(lemma)
        if frame is None and lemma == "put" and self._attributive_as(token):
            frame = "clause"  # "as one analyst put it, ..."
        if frame is None:
            return None
        speaker = self._speaker(token)
        if speaker is not None and speaker.cluster is not None:
            self.ents.add_speaker(token.i, speaker.cluster)
        content = self._content(token, frame)
        co_speakers = self._co_speakers(speaker)
        if content is None and (around := self._interrupting(token)) is not None:
            return Cue(token, frame, speaker, *around, co_speakers=co_speakers)
        return Cue(token, frame, speaker, content, co_speakers=co_speakers)

    def _convenes(self, verb: Token) -> bool:
        """Whether "call" summons an event ("called a snap election") or rings someone
        ("calling members") rather than giving its object a name: a predicate ("called the
        vote a farce"), two nominals ("called him a liar") or words in quotation marks
        ("called the meeting “a stitch-up”") name it."""
        children = list(verb.children)
        summoned = any(c.dep_ == "dobj" and c.lemma_.lower() in CALLED_EVENTS for c in children)
        return not (
            any(c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} for c in children)
            or sum(c.dep_ in {"dobj", "dative", "attr", "npadvmod"} for c in children) > 1
            or any(t.i in self.ents.quoted for t in verb.subtree)
        ) and (
            summoned or any(c.dep_ == "dobj" and self._someone(c) for c in children)
        )  # "spent the weekend calling members": phoned them, named nothing

    def _someone(self, token: Token) -> bool:
        """Whether a noun is a person or people: one a call can be made to."""
        return (
            token.i in self.ents.person_at
            or token.tag_ == "PRP"
            or token.lemma_.lower() in self.lex.role_titles
            or token.lemma_.lower() in CALLED_PEOPLE
        )

    def _co_speakers(self, speaker: Resolved | None) -> tuple[Resolved, ...]:
        """The people or bodies listed with a speaker as the subject: "A and B said"."""
        if speaker is None or len(speaker.mention) == 0:
            return ()
        found = []
        for conj in speaker.mention.root.children:
            if conj.dep_ != "conj":
                continue
            other = self.ents.resolve(conj)
            if (
                other is not None
                and other.entity != speaker.entity
                and other.entity.kind in {EntityKind.PERSON, EntityKind.ORGANISATION}
            ):
                found.append(other)
        return tuple(found)

    def _label(self, start: int, end: int) -> Resolved | None:
        """The speaker a label names ("PENCE", "Mike Pence", "Reuters"), if it names one."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        for token in span:
            if token.i in self.ents.person_at:
                return Resolved(
                    self.ents.person_at[token.i].entity(), span, self.ents.person_at[token.i]
                )
        words = [t.text for t in span if not t.is_punct]
        known = self.ents.known_person(words) if words else None
        if known is not None:
            return Resolved(known.entity(), span, known)
        if any(t.ent_type_ == "PERSON" for t in span) or (
            words and all(w.isupper() for w in words)
        ):
            cluster = self.ents.named_person(words)
            return Resolved(cluster.entity(), span, cluster)
        if span.root.ent_type_ in {"ORG", "NORP"}:
            return self.ents.resolve(span.root)
        return None

    def _labelled(self) -> list[QuoteFact]:
        """Transcripts and headlines: "PENCE: Well, look, ...", "Pence: Flowers won't attend"."""
        facts = []
        for p_start, p_end in self.paragraphs:
            match = _LABEL.match(self.text, p_start, p_end)
            if match is None:
                continue
            speaker = self._label(*match.span(1))
            content = text_span(self.doc, match.end(), p_end)
            while content.text[-1:] in {'"', "”"}:
                content = text_span(self.doc, content.start, content.end - 1)
            if speaker is None or _words(content.text) < _MIN_DIRECT_WORDS:
                continue
            facts.append(
                QuoteFact(
                    speaker=speaker.entity,
                    text=content.text,
                    direct=match.group(1).isupper(),
                    content=content,
                    evidence=char_evidence(self.doc, p_start, p_end, "quote.label", 0.7),
                    speaker_mention=text_span(self.doc, *match.span(1)),
                    cue=text_span(self.doc, match.end(1), match.end(1) + 1),
                )
            )
        return facts

    def _blocks(self, cues: list[Cue]) -> list[QuoteFact]:
        """A paragraph ending "Limbaugh added:" introduces the next paragraph, quoted as a block
        without marks."""
        facts = []
        for cue in cues:
            if cue.speaker is None or cue.content is not None:
                continue
            here = self._paragraph_of(cue.verb.idx)
            if here < 0 or here + 1 >= len(self.paragraphs):
                continue
            p_start, p_end = self.paragraphs[here]
            after_cue = self.text[cue.verb.idx : p_end].rstrip()
            if not after_cue.endswith(":") or _words(after_cue) > _MAX_WORDS_BETWEEN:
                continue
            n_start, n_end = self.paragraphs[here + 1]
            block = text_span(self.doc, n_start, n_end)
            if block.text[:1] in _MARKS or _words(block.text) < _MIN_DIRECT_WORDS:
                continue
            facts.append(
                QuoteFact(
                    speaker=cue.speaker.entity,
                    text=block.text,
                    direct=True,
                    content=block,
                    evidence=char_evidence(self.doc, p_start, n_end, "quote.block", 0.75),
                    speaker_mention=self._mention(cue.speaker),
                    cue=text_span(self.doc, cue.verb.idx, cue.verb.idx + len(cue.verb.text)),
                )
            )
        return facts

    def _signed(self, quotation: Quotation) -> Resolved | None:
        """A quotation signed with a dash: "“We will win.” ― Jane Roe"."""
        match = _SIGNATURE.match(self.text, quotation.end, min(len(self.text), quotation.end + 80))
        return self._label(*match.span(1)) if match else None

    def _noun_cue(self, noun: Token) -> Cue | None:
        """ "her claim that ...", "the warning by officials that ...": the possessor or the
        "by" phrase says what the "that" clause holds."""
        clause = next(
            (
                c
                for c in noun.rights
                if c.dep_ in {"acl", "ccomp", "relcl"}
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None:
            return None
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        if source is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            source = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if source is None and noun.dep_ == "ROOT" and noun.tag_ == "NNS":
            # "Mr Hale claims that ...": a verb the tagger read as a plural noun, its subject
            # as a modifier of it
            names = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            source = names[-1] if names else None
        speaker = self.ents.resolve(source) if source is not None else None
        return Cue(noun, "clause", speaker, self._trimmed(clause.left_edge.i, clause.right_edge.i))

    def _speaker(self, verb: Token) -> Resolved | None:
        """The resolved subject of a speech verb, climbing through participles and conjuncts."""
        if _passive_without_agent(verb):
            return None  # "Asked whether ..., she said": she was asked; who asked is unsaid
        if (inverted := self._inverted_subject(verb)) is not None:
            return inverted
        if (named := self._name_in_apposition_before(verb)) is not None:
            return named
        if (of := self._person_of_the_subject(verb)) is not None:
            return of
        current = self._reporting_verb(verb) or verb
        # "who's called for ...": the parser reads a clipped "has" as a passive "is"
        passive = any(c.dep_ == "auxpass" and c.lower_ in _CLIPPED for c in verb.children)
        start = current
        for _ in range(4):
            # "it was disappointed by the delay but would not oppose the deal": a conjunct
            # shares the surface subject of the passive it joins, not its agent
            shared = current is not start and start.dep_ == "conj"
            subject_deps = SUBJECT_DEPS if passive or shared else {"nsubj"}
            subjects = [c for c in current.children if c.dep_ in subject_deps]
            subject = next((c for c in reversed(subjects) if c.i not in self.ents.dateline), None)
            subject = subject or (subjects[0] if subjects else None)
            if subject is None and not shared:
                agent = next((c for c in current.children if c.dep_ == "agent"), None)
                subject = (
                    next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                )
            if subject is not None:
                if subject.i in self.ents.dateline or (
                    subject.i in self.ents.quoted and verb.i not in self.ents.quoted
                ):
                    # The parser took a word of the dateline or of the quotation for the
                    # subject: “..., ” Chief Chuck Jordan said.
                    return self._name_before(verb)
                if subject.i in self.ents.quoted:
                    return None
                resolved = self.ents.resolve(subject) or self._one_of(subject)
                if (
                    resolved is not None
                    and resolved.cluster is not None
                    and subject.lower_ in PRONOUN_GENDER
                    and (speaker := self.ents.speaker_not_content(verb.i, resolved.cluster))
                ):
                    return Resolved(speaker.entity(), resolved.mention, speaker)
                if (
                    resolved is not None
                    and resolved.cluster is not None
                    and subject.i not in self.ents.person_at
                    and any(c.lower_ == "the" for c in subject.children)
                    and (reporter := self.ents.reporter_of(resolved.cluster, subject.i))
                ):
                    # "The Fianna Fáil TD said" right after "Ann Ray said Jo Lee had ...":
                    # the description goes on with the one who spoke, not the one spoken of
                    return Resolved(reporter.entity(), resolved.mention, reporter)
                return self._surname_or(subject, resolved)
            if current.dep_ == "pcomp" and current.head.lower_ in GERUND_PREPOSITIONS:
                # "opened the meeting by saying ...", "After saying ..., she was taken to
                # hospital": the gerund's subject is the clause's, passive or not
                current = current.head.head
                passive = True
                continue
            if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
                if (found := self._name_before(verb)) is None and (
                    absorbed := self._absorbed_subject(current)
                ):
                    return self.ents.resolve(absorbed)
                return found
            current = self._outer_conjunct(current) or current.head
            if current.dep_ in {"dobj", "pobj"} and current.pos_ in {"NOUN", "PROPN"}:
                # "criticised these moves saying that": the participle hangs on the object.
                current = current.head.head if current.dep_ == "pobj" else current.head
        return None

    def _name_in_apposition_before(self, verb: Token) -> Resolved | None:
        """ "Dunmore Council, whose leader, Ann Coyle, said ...": the parser left the finite
        cue without a subject; the name in apposition right before its comma speaks."""
        doc = verb.doc
        if (
            verb.tag_ not in {"VBD", "VBZ", "VBP"}
            or verb.dep_ not in {"advcl", "conj"}
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            or verb.i < 2
            or doc[verb.i - 1].text != ","
        ):
            return None
        name = doc[verb.i - 2]
        if name.i not in self.ents.person_at or name.dep_ != "appos":
            return None
        return self.ents.resolve(name)

    def _person_of_the_subject(self, verb: Token) -> Resolved | None:
        """ "Declan Furlong of stockbrokers Kenmare Gallagher said": the parser made the firm
        the subject and hung the person on the verb; the person "of" it speaks."""
        subject = next((c for c in reversed(list(verb.children)) if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        for child in verb.children:
            if (
                child.dep_ not in {"npadvmod", "nsubj"}
                or child.i >= subject.i
                or child.i not in self.ents.person_at
            ):
                continue
            of = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None and of.right_edge.i >= subject.left_edge.i - 1:
                return self.ents.resolve(child)
        return None

    def _inverted_subject(self, verb: Token) -> Resolved | None:
        """The speaker after a sentence-initial "Said": "Said Ms Ellis: “...”", "Said one aide,
        “...”" (the parser may read "Said" as part of the name)."""
        doc = verb.doc
        opens = verb.i == 0 or doc[verb.i - 1].is_space or doc[verb.i - 1].text in {".", "!", "?"}
        if verb.text not in {"Said", "Says"} or not opens:
            return None
        stop = next(
            (t.i for t in doc[verb.i + 1 : verb.i + 8] if t.text in {":", ","} or t.is_space),
            None,
        )
        if stop is None or stop == verb.i + 1 or doc[stop].is_space:
            return None
        mention = doc[verb.i + 1 : stop]
        if any(t.is_punct and t.text != "." for t in mention):
            return None
        found = self.ents.resolve(mention.root)
        return dataclasses.replace(found, mention=mention) if found is not None else None

    @staticmethod
    def _absorbed_subject(verb: Token) -> Token | None:
        """ "In a post on Instagram, the mayor of Leeds, Ann Bell, said ...": the parser read the
        subject as in apposition to the opening phrase; the apposition that ends at the cue's
        comma is the subject. Likewise the name a misread relative clause took as its own."""
        clause = next(
            (
                c
                for c in verb.lefts
                if c.dep_ in {"advcl", "ccomp"} and c.left_edge.i == verb.left_edge.i
            ),
            None,
        )
        if clause is not None and clause.i < verb.i:
            # "Jo Bloggs, who co-founded Acme, said ...": the parser made the relative clause
            # the opening clause and the name its subject
            named = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if (
                named is not None
                and named.pos_ == "PROPN"
                and any(c.dep_ == "relcl" or c.lower_ in {"who", "which"} for c in named.subtree)
            ):
                return named
        opening = next((c for c in verb.lefts if c.dep_ == "prep"), None)
        if opening is None or opening.i != verb.left_edge.i:
            return None
        before = verb.i - 1 if verb.doc[verb.i - 1].is_punct else verb.i
        return next(
            (
                t
                for t in opening.subtree
                if t.dep_ == "appos"
                and t.pos_ in {"NOUN", "PROPN"}
                and t.right_edge.i + 1 in {before, verb.i}
            ),
            None,
        )

    def _outer_conjunct(self, verb: Token) -> Token | None:
        """The cue a subjectless speech verb is coordinated with when the parser hung it on
        that cue's reported clause: in "Dutton said the plan was "too little" and claimed the
        government had failed", "claimed" is Dutton's, not the plan's. It is taken as the
        outer cue's when it has that cue's tense and not the tense of the reported clause
        ("was", "would force"); "said the minister lied and claimed ..." stays ambiguous."""
        clause = verb.head
        if not (verb.dep_ == "conj" and clause.dep_ == "ccomp" and self._is_cue_token(verb)):
            return None
        outer = clause.head
        if not self._is_cue_token(outer) or outer.tag_ != verb.tag_:
            return None
        auxiliary = any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
        if auxiliary or clause.pos_ == "AUX" or clause.tag_ != verb.tag_:
            return outer
        return None

    def _one_of(self, subject: Token) -> Resolved | None:
        """ "One of the lawyers said ...": a source picked out of an unnamed group."""
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        found = self.ents.resolve(group) if group is not None else None
        if found is None or found.entity.kind is not EntityKind.UNNAMED_SOURCE:
            return None
        mention = self.doc[subject.left_edge.i : noun_phrase(group).end]
        return Resolved(Entity(mention.text, EntityKind.UNNAMED_SOURCE), mention)

    def _reporting_verb(self, participle: Token) -> Token | None:
        """The outermost cue whose reported clause a participle cue is attached inside: in
        "she said he was wrong, adding that ...", "adding" is hers, not his."""
        if not (participle.dep_ == "advcl" and participle.tag_ == "VBG"):
            return None
        found, current = None, participle.head
        while current.i < participle.i:
            if self._is_cue_token(current):
                found = current
            if current.dep_ not in {"ccomp", "conj"} or current.head.i == current.i:
                break
            current = current.head
        return found

    def _surname_or(self, subject: Token, resolved: Resolved | None) -> Resolved | None:
        """A bare capitalised name NER did not type, speaking, is a person ("Schiff told ...")."""
        if (
            resolved is not None
            and resolved.entity.kind is EntityKind.UNNAMED_SOURCE
            and subject.pos_ == "PROPN"
            and not subject.ent_type_
            and subject.text[:1].isupper()
            and not subject.text.isupper()
            and all(t.pos_ == "PROPN" for t in resolved.mention)
            and len(resolved.mention) <= 3
        ):
            cluster = self.ents.adopt_person(subject)
            if cluster is not None:
                return Resolved(cluster.entity(), resolved.mention, cluster)
        return resolved

    def _name_before(self, verb: Token) -> Resolved | None:
        """A name right before a verb the parser left without a subject.

        "In reply, Mayor of Manchester Andy Burnham said: ..." can come out with no subject.
        """
        i = verb.i - 1
        while i >= 0 and self.doc[i].pos_ == "ADV":
            i -= 1
        if i < 0 or i in self.ents.quoted:
            return None
        token = self.doc[i]
        if not (i in self.ents.person_at or token.ent_type_ in {"ORG", "NORP"}):
            return None
        found = self.ents.resolve(token)
        if found is None:
            return None
        # The mention is the whole name with its title: "Tulsa police Chief Chuck Jordan".
        start = found.mention.start
        while (
            start > 0
            and start - 1 not in self.ents.quoted
            and self.doc[start - 1].pos_ in {"PROPN", "NOUN", "ADJ"}
        ):
            start -= 1
        return dataclasses.replace(found, mention=self.doc[start : max(found.mention.end, i + 1)])

    def _content(self, verb: Token, frame: str) -> tuple[int, int] | None:
        """Character offsets of what a speech verb reports, on whichever side it stands."""
        if (bounds := self._addressed(verb, frame)) is not None:
            first, last = bounds
            return self._trimmed(
                first, self._before_aside(first, self._before_next_cue(first, last))
            )
        right = []
        for child in verb.rights:
            if (
                (
                    child.dep_ in CONTENT_DEPS
                    and not self._circumstance(child, frame)
                    and not (_infinitival(child) and not self._demands(verb, frame, child))
                )
                or (
                    child.dep_ == "xcomp"
                    and (verb.lemma_.lower() in INFINITIVE_CUES or frame == "intent")
                )
                or (
                    child.dep_ == "dobj"
                    and (frame in {"object", "intent"} or child.lower_ == "that")
                )
            ):
                right.append(child)
            elif child.dep_ == "prep" and child.lower_ == "for" and frame == "object":
                # "called for new elections", "called for reducing the tax"
                right.extend(c for c in child.children if c.dep_ in {"pobj", "pcomp"})
        if not right and (told := self._told_that(verb)) is not None:
            right.append(told)
        # A participle cue after the verb reports on its own (", adding that ..."); a clausal
        # one may be what was said ("said he believes the plan works").
        if verb.lemma_.lower() in REFUSALS and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in _SPEAKING for c in right
        ):
            return None  # "declined to comment on the report": a refusal to speak claims nothing
        right = [c for c in right if not (c.dep_ == "advcl" and self._is_cue_token(c))]
        right = [
            c
            for c in right
            if not self._is_cue_token(c) or any(s.dep_ == "nsubj" for s in c.children)
        ] or right[:1]
        subject_taken = next(
            (
                c
                for c in verb.rights
                if c.dep_ == "dobj"
                and verb.lemma_.lower() in _NO_OBJECT_CUES
                and any(
                    r.dep_ == "ccomp"
                    and r.i > c.i
                    and not any(s.dep_ in {"nsubj", "nsubjpass", "expl"} for s in r.children)
                    for r in right
                )
            ),
            None,
        )
        if subject_taken is not None:
            # "said construction of a new span, just downstream, could begin in 2026": the
            # parser took the clause's subject for the verb's object
            right = [subject_taken, *right]
        if right:
            first = right[0]
            # "the fund, which it says will build homes": the relative pronoun before the cue
            # is the writer's link, not the claim's first word
            start = max(first.left_edge.i, verb.i + 1)
            if first.dep_ == "dobj" and first.lower_ == "that":
                start = first.i + 1
            # What follows the complement mostly belongs to it, whatever the parser hung it
            # on ("said the event brought back memories of her father, and of ..."), up to
            # the next cue (", adding that ...").
            end = first.right_edge.i
            if subject_taken is not None:
                end = max(r.right_edge.i for r in right)  # the clause whose subject it is
            for sibling in verb.rights:
                if sibling.i <= first.i:
                    continue
                if self._is_cue_token(sibling) or sibling.lower_ == "according":
                    break
                # "said that although ...": the parser made "that" the object, the clause a sibling
                after_that = first.lower_ == "that" and sibling.left_edge.i == first.i + 1
                # "the poll shows Ms Lee with a narrow lead": what the object is shown with
                shown_with = (
                    first.dep_ == "dobj" and sibling.lower_ == "with" and sibling.i == end + 1
                )
                # "wants to cut taxes, grow the army and ...": more of the same infinitives
                listed = (
                    first.dep_ == "xcomp"
                    and sibling.dep_ == "conj"
                    and sibling.tag_ == "VB"
                    and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in sibling.children)
                )
                # "claims X “but nobody dares say so”": the speaker's own words go on
                quoted_on = sibling.dep_ == "conj" and self._mostly_quoted(sibling)
                # "said the claim smacked of hypocrisy, because ...": the claim's reason
                reason = (
                    first.dep_ == "ccomp"
                    and sibling.dep_ == "advcl"
                    and any(c.dep_ == "mark" and c.lower_ == "because" for c in sibling.children)
                )
                if not (after_that or shown_with or listed or quoted_on or reason) and (
                    sibling.dep_ in SETTING_DEPS
                    or (sibling.dep_ == "prep" and sibling.lower_ in SETTING_PREPOSITIONS)
                ):
                    break  # "... in a statement on Thursday", ", encouraging ...", "and left"
                end = max(end, sibling.right_edge.i)
            if frame == "object" and any(
                self._is_cue_token(t) and not any(c.dep_ in SUBJECT_DEPS for c in t.children)
                for t in self.doc[start : end + 1]
            ):
                # "criticised these moves saying that ...": the inner cue reports; one with a
                # subject of its own is part of the claim ("polls show that few voters think")
                return None
            return self._trimmed(
                start, self._before_aside(start, self._before_next_cue(start, end))
            )
        left = [c for c in verb.lefts if c.dep_ in {"ccomp", "parataxis"}]
        if left:
            start = left[0].left_edge.i  # "A, but B, a source said": A and B both
            head = verb.head
            if verb.dep_ == "conj" and head.i < start and not self._is_cue_token(head):
                # "A, but B, a source said": the parser hung the cue on A; it reports both
                start = head.left_edge.i
            return self._trimmed(start, left[-1].right_edge.i)
        return None

    def _relative_antecedent(self, cue: Cue) -> str | None:
        """The noun a relative pronoun stands for when it is the subject of the claim: in
        "the fund, which officials warned was running low", the claim is that the fund was
        running low, not "was running low"."""
        verb = cue.verb
        pronoun = verb.doc[verb.left_edge.i]
        if (
            verb.dep_ != "relcl"
            or pronoun.lower_ not in RELATIVE_PRONOUNS
            or (pronoun.head.i == verb.i and pronoun.dep_ in SUBJECT_DEPS)
        ):
            return None  # "the polls that showed him ahead": the pronoun is the source
        clause = next((c for c in verb.rights if c.dep_ in CONTENT_DEPS), None)
        if clause is None or any(
            c.dep_ in SUBJECT_DEPS and c.i != pronoun.i for c in clause.children
        ):
            return None
        noun = verb.head
        if noun.pos_ not in {"NOUN", "PROPN"} or any(a.dep_ == "relcl" for a in noun.ancestors):
            return None  # "flags those that need attention, which it says ...": which what?
        start = noun.i
        while start > 0 and verb.doc[start - 1].dep_ in {"compound", "amod", "det", "nummod"}:
            start -= 1
        return verb.doc[start : noun.i + 1].text

    def _circumstance(self, clause: Token, frame: str) -> bool:
        """Whether an adverbial clause on a speech verb says when or why it was said, not
        what: "said as he entered the talks", "wrote to reassure investors". An indirect
        question is what was (not) said: "would not say when the talks resume"."""
        if clause.dep_ != "advcl":
            return False
        verb = clause.head
        asks = verb.lemma_.lower() in QUESTION_CUES or any(c.dep_ == "neg" for c in verb.children)
        marks = {
            c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod"} and c.i < clause.i
        }
        if marks & CIRCUMSTANCE_MARKS and not (asks and "when" in marks):
            return True
        if (
            clause.tag_ in {"VBG", "VBN"}
            and clause.i > verb.i
            and verb.doc[clause.left_edge.i - 1].text in {",", "—", "–"}
            and not marks
            and not any(c.dep_ in SUBJECT_DEPS for c in clause.children)
        ):
            return True  # "she said, sitting at the kitchen table": what she did as she spoke
        # "told staff to leave", "vowed to appeal": the infinitive is the demand or pledge
        demand = (
            frame == "intent"
            or verb.lemma_.lower() in INFINITIVE_CUES
            or any(c.dep_ == "dobj" for c in verb.children)
        )
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        return to and not demand

    def _told_that(self, verb: Token) -> Token | None:
        """ "told a meeting of farmers that prices would rise", "wrote on X, formerly Twitter,
        that ...", "told analysts on a call that ...": the parser hung the reported clause on
        the addressee or on the setting as a relative clause, but its "that" opens a clause
        (a complementiser), it is not a relative pronoun."""
        # "told analysts on a call that ...": the setting of the speech may host it too
        settings = {"prep", "npadvmod"}
        hosts = [c for c in verb.rights if c.dep_ == "dobj" or c.dep_ in settings]
        for token in (t for host in hosts for t in host.subtree):
            if token.dep_ in {"relcl", "acl"} and any(
                c.dep_ == "mark" and c.lower_ == "that" and c.i < token.i for c in token.children
            ):
                return token
        return None

    def _mostly_quoted(self, token: Token) -> bool:
        words = [t for t in token.subtree if not t.is_punct]
        return bool(words) and sum(t.i in self.ents.quoted for t in words) * 2 > len(words)

    def _before_aside(self, start: int, end: int) -> int:
        """The last token of a content before a closing aside of the writer's: "said he
        expects a full recovery from the pneumonia, which forced her to cancel a trip"."""
        for token in self.doc[start + 1 : end + 1]:
            before = self.doc[token.left_edge.i - 1]
            if (
                before.text == ","
                and token.right_edge.i >= end - 1
                and (
                    (token.dep_ == "relcl" and token.left_edge.lower_ in {"which", "who"})
                    # "met Jo Lee, the former minister", "the debate, the first of three":
                    # an aside on one named or definite thing; "called for tax fairness, the
                    # closure of loopholes ...": a bare noun's "appositive" is the next item
                    # of a list
                    or (
                        token.dep_ == "appos"
                        and (
                            token.head.pos_ == "PROPN"
                            or any(c.dep_ in {"det", "poss"} for c in token.head.children)
                        )
                    )
                )
                and not any(self._is_cue_token(t) for t in token.subtree)
            ):
                return before.i - 1
        return end

    def _addressed(self, verb: Token, frame: str) -> tuple[int, int] | None:
        """Token bounds of a claim or demand about someone: "urged the council to act",
        "called on voters to stay home" (an addressee and what they are to do), "called the
        plan a mistake" (an object and the judgement of it)."""
        addressee = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if addressee is None:
            on = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "on"), None)
            addressee = next((c for c in on.children if c.dep_ == "pobj"), None) if on else None
        if addressee is None:
            return None
        for child in verb.rights:
            if child.i < addressee.i:
                continue
            if child.dep_ == "xcomp" and _infinitival(child) and self._demands(verb, frame, child):
                return addressee.left_edge.i, child.right_edge.i
            if child.dep_ == "oprd" and frame == "object":
                end = self._quoted_judgement_end(child)
                for after in verb.rights:
                    # "called him a master at bolting deals together", "called her a genius
                    # for her tax plan": what the judgement is for, hung on the verb
                    if (
                        after.i == end + 1
                        and after.dep_ == "prep"
                        and after.lower_ in {"at", "for"}
                    ):
                        end = after.right_edge.i
                return addressee.left_edge.i, end
        return None

    def _quoted_judgement_end(self, judgement: Token) -> int:
        """The last token of a judgement: its quoted words when it opens with them ("called
        the deal “a shot in the arm” for a city where ...": the words end it)."""
        end = judgement.right_edge.i
        first = judgement.left_edge.i
        if first - 1 >= 0 and self.doc[first - 1].is_quote:
            first -= 1
        if first not in self.ents.quoted and first + 1 not in self.ents.quoted:
            return end
        last = first
        while last + 1 <= end and (last + 1) in self.ents.quoted:
            last += 1
        while last + 1 <= end and self.doc[last + 1].is_quote:
            last += 1  # the closing mark
        return last if last < end else end

    @staticmethod
    def _demands(verb: Token, frame: str, infinitive: Token) -> bool:
        """Whether "VERB someone to do" is a demand or a claim about them: "urged the council
        to act", "told staff to leave", "found the levy to be unlawful", but not "trying to
        find a buyer to run the shop" (what the buyer is for)."""
        return (
            frame != "clause"
            or verb.lemma_.lower() in ADDRESS_CUES
            or infinitive.lemma_.lower() == "be"
        )

    def _before_next_cue(self, start: int, end: int) -> int:
        """The last token of a content before a cue of its own that follows it: ", adding
        that ...", "and warned that ..."."""
        for token in self.doc[start + 1 : end + 1]:
            if not self._is_cue_token(token) or any(
                c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in token.children
            ):
                continue  # "said witnesses saw a gun and that one was found": still the content
            before = self.doc[token.left_edge.i - 1]
            if token.dep_ == "advcl" and token.tag_ == "VBG" and before.text in {",", "—", "–"}:
                return before.i - 1
            if (
                token.dep_ == "conj"
                and before.dep_ == "cc"
                # "said her client was ashamed and had sought help": a stance coordinated in
                # the reported clause is part of it, not a second act of the speaker
                and (
                    (
                        self.lex.speech_verbs.get(token.lemma_.lower()) != "intent"
                        # "said he supported housing but objected to the project": a verb
                        # joined to the reported clause's own verb goes on with the claim
                        and not self._reported_verb(token.head)
                    )
                    or self._is_cue_token(token.head)
                    or self._outer_conjunct(token) is not None
                )
            ):
                return before.i - 1
        return end

    @staticmethod
    def _reported_verb(verb: Token) -> bool:
        """Whether `verb` heads a clause a cue reports, with its own subject ("said [he
        supported ...]")."""
        return verb.dep_ == "ccomp" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)

    def _interrupting(self, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """ "The museum, Mr. Bush said, celebrated ...": the clause the cue sits inside, and
        the cue's own words (the hole), when the cue hangs on that clause's verb."""
        head = verb.head
        attributive = self._attributive_as(verb)
        if not (
            verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and head.i < verb.i) or attributive
        ):
            return None
        if self._is_cue_token(head):
            return None  # "he said he did not mention it": the outer cue reports the clause
        content = self._trimmed(head.left_edge.i, head.right_edge.i)
        hole = self._trimmed(verb.left_edge.i, verb.right_edge.i)
        if content is None or hole is None:
            return None
        before, after = self.text[content[0] : hole[0]], self.text[hole[1] : content[1]]
        if not (_WORD.search(before) or _WORD.search(after)):
            return None
        if attributive and not _WORD.search(before):
            # "As analysts have noted, the bank can still act": the clause after the attribution
            content, hole = self._trimmed(verb.right_edge.i + 1, head.right_edge.i), None
        elif attributive and not _WORD.search(after):
            # "The firm paid no tax there, as regulators have said"
            content, hole = self._trimmed(head.left_edge.i, verb.left_edge.i - 1), None
        return (content, hole) if content is not None else None

    @staticmethod
    def _attributive_as(verb: Token) -> bool:
        """Whether a cue is an attribution in an "as" clause set off from the clause it
        attributes: "as analysts have noted, ...", "..., as one aide put it": the clause has
        nothing of its own but a setting ("as she wrote in her memoir")."""
        doc = verb.doc
        children = list(verb.children)
        opens = any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in children)
        if verb.dep_ != "advcl" or not opens:
            return False
        if any(c.dep_ in {"ccomp", "xcomp", "attr", "acomp", "oprd", "dative"} for c in children):
            return False
        if any(c.dep_ == "dobj" and c.lower_ != "it" for c in children):
            return False
        start, end = verb.left_edge.i, verb.right_edge.i
        set_off_before = start == verb.sent.start or doc[start - 1].text in {",", "—", "–"}
        set_off_after = end + 1 < len(doc) and doc[end + 1].text in {",", ".", "—", "–", ";"}
        return set_off_before and set_off_after

    def _according_content(self, according: Token) -> tuple[int, int] | None:
        """ "According to X, Y" and "Y, according to X": Y is the clause "according" hangs on."""
        head = according.head
        if head.i == according.i:
            return self._after_source(according)
        while head.dep_ in {"ccomp", "xcomp"} and not self._is_cue_token(head.head):
            head = head.head  # "Y would see incomes go up, according to X": all of Y
        own = {t.i for t in according.subtree}
        tokens = [t.i for t in head.subtree if t.i not in own]
        if not tokens:
            return None
        before = [i for i in tokens if i < according.i]
        after = [i for i in tokens if i > according.i]
        side = after if len(after) >= len(before) else before
        if head.pos_ in {"VERB", "AUX"} and before and after:
            # "Y, according to X, more than twice what Z" or "In 2015, according to X, Y":
            # the claim is the side that holds the clause's verb
            side = before if head.i < according.i else after
        return self._trimmed(min(side), max(side))

    def _after_source(self, according: Token) -> tuple[int, int] | None:
        """ "According to X, Y." read with "according" as the root and Y hung on X: Y is what
        follows the comma after the source's name, to the end of the sentence."""
        sentence = according.sent
        to = self.doc[according.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if according.i != sentence.start or source is None:
            return None
        comma = next((t for t in self.doc[source.i : sentence.end] if t.text == ","), None)
        return self._trimmed(comma.i + 1, sentence.end - 1) if comma is not None else None

    def _is_cue_token(self, token: Token) -> bool:
        # a participle before a noun ("so-called", "the alleged") modifies it, reports nothing
        return (
            token.tag_.startswith("VB")
            and token.dep_ != "amod"
            and token.lemma_.lower() in self.lex.speech_verbs
        )

    def _after_time_of_saying(self, first: int, last: int) -> int:
        """The first token of a reported clause after the time of the saying the parser hung
        on it: "told supporters this weekend he would consider it an insult" reports "he
        would consider ...", said this weekend."""
        doc = self.doc
        k = first + 1 if doc[first].lower_ == "on" else first
        while k < last and doc[k].ent_type_ == "DATE" and not doc[k].like_num:
            k += 1
        if k == first or k >= last or doc[k - 1].ent_type_ != "DATE":
            return first
        subject = next(
            (
                t
                for t in doc[k : last + 1]
                if t.dep_ in {"nsubj", "nsubjpass"} and t.left_edge.i == k
            ),
            None,
        )
        return k if subject is not None else first

    def _trimmed(self, first: int, last: int) -> tuple[int, int] | None:
        """Character offsets of tokens first..last without edge punctuation or marks. A
        leading "that" stays in the span, as attribution corpora mark it; the claim's text
        drops it."""
        doc = self.doc
        while first <= last and (
            doc[first].is_space
            or doc[first].is_punct
            # "adding that “...”": the quotation is the content, marks and all
            or (doc[first].lower_ == "that" and first < last and doc[first + 1].is_punct)
            # "said earlier that the target was ...": the adverb is the saying's, not the claim's
            or (
                doc[first].pos_ == "ADV"
                and first < last
                and doc[first + 1].lower_ == "that"
                and doc[first + 1].dep_ == "mark"
            )
        ):
            first += 1
        first = self._after_time_of_saying(first, last)
        while last >= first and (
            doc[last].is_space
            or (doc[last].is_punct and doc[last].text not in _KEPT_SIGNS)
            or doc[last].dep_ == "cc"
        ):
            last -= 1  # nor a dangling "and" whose conjunct is a cue of its own
        if first > last:
            return None
        words = doc[first : last + 1].text
        if first > 0 and doc[first - 1].text in _OPENING_MARKS and _closes_a_quotation(words):
            # 'said that, “Of course we will” before the vote': the mark that opens them
            first -= 1
        elif _opens_a_quotation(words):
            # 'said the plan was "a sticking plaster".': the mark that closes the quoted words,
            # also when the parser left words of them out ('called it "a clear breach and an
            # insult"', the "and an insult" hung elsewhere)
            start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
            opened = next((q for q in self.quotations if start <= q.start < end < q.end), None)
            sentence_end = doc[last].sent.end_char
            if opened is not None and opened.closed and opened.end <= sentence_end:
                while last + 1 < len(doc) and doc[last + 1].idx < opened.end:
                    last += 1
            for k in range(last + 1, min(last + 3, len(doc))):
                if doc[k].text in _CLOSING_MARKS:
                    last = k
                    break
                if doc[k].text not in {".", ",", "!", "?"}:
                    break
        return doc[first].idx, doc[last].idx + len(doc[last].text)

    # -- direct speech ----------------------------------------------------------------------

    def _paragraph_of(self, offset: int) -> int:
        return next((k for k, (a, b) in enumerate(self.paragraphs) if a <= offset < b + 1), -1)

    def _between_is_short(self, start: int, end: int) -> bool:
        between = self.text[start:end]
        return (
            "\n" not in between.strip()
            and _words(between) <= _MAX_WORDS_BETWEEN
            and not any(q.start < end and start < q.end for q in self.quotations)
        )

    def _cue_for(self, quotation: Quotation, cues: list[Cue]) -> Cue | None:
        """The cue that governs or touches a quotation, nearest first."""
        best: tuple[int, Cue] | None = None
        for cue in cues:
            verb_start = cue.verb.idx
            overlaps = (
                cue.content and cue.content[0] < quotation.end and quotation.start < cue.content[1]
            )
            if not overlaps and not (
                quotation.start - _REACH < verb_start < quotation.end + _REACH
            ):
                continue  # too far to introduce or follow it
            distance = None
            if cue.content and cue.content[0] < quotation.end and quotation.start < cue.content[1]:
                distance = 0
            elif verb_start >= quotation.end:
                subject_start = cue.speaker.mention.start_char if cue.speaker else verb_start
                near = min(verb_start, subject_start)
                gap = self.text[quotation.end : near]
                # Only marks, or capitalised words of a title ("” Tulsa police Chief ..."), between.
                leftover = gap.strip(" ,\"”’'—–-")
                titled = all(w[:1].isupper() for w in leftover.split()) and _words(leftover) <= 3
                if near >= quotation.end and "\n" not in gap and (not leftover or titled):
                    distance = near - quotation.end
                elif (
                    self._between_is_short(quotation.end, verb_start)
                    and not _WORD.search(self.text[quotation.end : min(verb_start, subject_start)])
                    and "\n" not in self.text[quotation.end : verb_start]
                ):  # a cue in the next paragraph ("According to X, ...") is not this one's
                    distance = verb_start - quotation.end
            elif verb_start < quotation.start:
                after_verb = verb_start + len(cue.verb.text)
                lead = self.text[after_verb : quotation.start]
                introduces = ":" in lead or "," in lead or not lead.strip(" \"“‘'")
                same_paragraph = "\n" not in lead.strip() or lead.rstrip(" \"“‘'\n").endswith(":")
                if (
                    self._between_is_short(after_verb, quotation.start - 1)
                    and introduces
                    and same_paragraph
                ):
                    distance = quotation.start - after_verb
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, cue)
        return best[1] if best else None

    def _continues(self, previous: Quotation, quotation: Quotation) -> bool:
        """Whether a quotation with no cue carries on from the previous speaker's quotation."""
        here = self._paragraph_of(quotation.start)
        before = self._paragraph_of(previous.end - 1)
        if here == before:
            return True
        paragraph_start = self.paragraphs[here][0] if here >= 0 else quotation.start
        starts_paragraph = not self.text[paragraph_start : quotation.start].strip(" \"“‘'„«")
        return here == before + 1 and starts_paragraph

    @staticmethod
    def _nested(cue: Cue, cues: list[Cue], named_only: bool = True) -> bool:
        """Whether a cue stands inside what another cue (with a named speaker) reports."""
        return any(
            other is not cue
            and other.content is not None
            and other.speaker is not None
            and not (named_only and other.speaker.entity.kind is EntityKind.UNNAMED_SOURCE)
            and other.content[0] <= cue.verb.idx < other.content[1]
            for other in cues
        )

    @staticmethod
    def _hearsay(cue: Cue, cues: list[Cue]) -> bool:
        """Whether a cue is part of what another cue reports someone said: "Reid asserted
        that Hill tells so many lies that ...". A relative clause is the writer's aside
        ("the gun, which the chief says was found ..."), and a stance on a claim is no report
        of it ("rejected Ms Baker's claim that ...")."""
        return not _aside(cue.verb) and any(
            other is not cue
            and other.frame == "clause"
            and other.content is not None
            and other.speaker is not None
            and other.content[0] <= cue.verb.idx < other.content[1]
            for other in cues
        )

    @staticmethod
    def _restated(cue: Cue, cues: list[Cue]) -> bool:
        """Whether a cue and its subject open what the same speaker is reported to say."""
        return cue.speaker is not None and any(
            other.verb.i < cue.verb.i
            and other.content is not None
            and other.speaker is not None
            and other.speaker.entity == cue.speaker.entity
            and other.content[0] == cue.speaker.mention.start_char
            and cue.verb.idx < other.content[1]
            for other in cues
        )

    def _interrupted(self, fact: QuoteFact, quotation: Quotation) -> bool:
        """Whether only the attribution of `fact` stands before `quotation`: "," he said. ", or
        "," said Jo Bloggs, a lawyer who has fought the plan for years. "."""
        between = self.text[fact.content.end : quotation.start]
        if any(fact.content.end < q.start < quotation.start for q in self.quotations):
            return False
        own_cue = fact.cue is not None and fact.content.end <= fact.cue.start < quotation.start
        if "\n" in between:
            return False
        if own_cue:  # the whole attribution sentence, however long its description of the
            # speaker, and nothing after it: a sentence of the writer's in between ends the quote
            words = self.doc.char_span(fact.content.end, quotation.start, alignment_mode="contract")
            return words is None or sum(t.is_sent_start for t in words[1:] if not t.is_punct) == 0
        return _words(between) <= _MAX_WORDS_BETWEEN

    def _joined(self, fact: QuoteFact, quotation: Quotation) -> QuoteFact:
        """`fact` extended over a quotation that continues it in the same paragraph."""
        # The span covers both parts when the attribution between them is shorter than the
        # smaller part; otherwise the larger part alone, so that it stays mostly quoted words.
        between = _words(self.text[fact.content.end : quotation.start])
        first, second = _words(fact.content.text), _words(quotation.text(self.text))
        if between < min(first, second):
            content = text_span(self.doc, fact.content.start, quotation.end)
        elif second > first:
            content = text_span(self.doc, quotation.start, quotation.end)
        else:
            content = fact.content
        while content.text[-1:] in {'"', "”", "’", "'"}:
            content = text_span(self.doc, content.start, content.end - 1)
        evidence = char_evidence(
            self.doc,
            fact.evidence.sentence.start,
            quotation.end,
            fact.evidence.rule,
            fact.evidence.confidence,
        )
        first_part, second_part = fact.text, quotation.text(self.text)
        between = self.text[fact.content.end : quotation.start]
        if first_part.endswith(",") and _SENTENCE_END.search(between) and second_part[:1].isupper():
            # “We will learn the lessons,” he said. “But ...”: the comma was the writer's,
            # put there for the attribution; the speaker's sentence ended
            first_part = first_part[:-1] + "."
        text = f"{first_part} {second_part}"
        return dataclasses.replace(fact, text=text, content=content, evidence=evidence)

    def _starts_sentence(self, quotation: Quotation) -> bool:
        """Whether only punctuation stands between the sentence start and the quotation."""
        before = self.text[: quotation.start].rstrip(" \t\n\"“'‘„«")
        if not before or before[-1] in ".!?:":
            return True
        opening = self.doc.char_span(quotation.start, quotation.start + 1, alignment_mode="expand")
        if opening is None or len(opening) == 0:
            return False
        sentence = opening[0].sent
        return not _WORD.search(self.text[sentence.start_char : quotation.start])

    def _is_claim(self, quotation: Quotation, cue: Cue | None) -> bool:
        """Whether a quotation is a claim of its own.

        Scare quotes and titles are not, and neither is a phrase quoted inside reported
        speech ("he said the plan was “a disgrace”"): that belongs to the reported clause.
        """
        quoted = quotation.text(self.text)
        words = _words(quoted)
        # “I would,” she said: a short reply is speech when a cue takes it up and its own
        # punctuation closes it
        spoken = (
            cue is not None and not quotation.single and quoted.rstrip()[-1:] in {",", "?", "!"}
        )
        if words < (2 if spoken else _MIN_DIRECT_WORDS) or _is_title(quoted):
            return False
        content = cue.content if cue is not None else None
        inside = content is not None and content[0] < quotation.end and quotation.start < content[1]
        if inside and _WORD.search(self.text[content[0] : quotation.start]):
            return False
        if inside and self._clause_goes_on(quotation, content[1]):
            # 'said that “the council will act” before the summer': quoted words that open
            # a reported clause which goes on are part of it
            return False
        return not (quotation.single and words < 6 and cue is None)

    def _clause_goes_on(self, quotation: Quotation, end: int) -> bool:
        """Whether the writer's words of the same sentence follow a quotation up to `end`."""
        after = self.text[quotation.end : end]
        return bool(_WORD.search(after)) and not re.search(r"[.!?][\"”’']*\s", after)

    def _direct(
        self,
        quotation: Quotation,
        speaker: Resolved,
        cue: Cue | None,
        confidence: float,
    ) -> QuoteFact:
        start, end = quotation.start, quotation.end
        lo, hi = start - 1, end + 1
        if cue is not None:
            lo, hi = min(lo, cue.verb.idx), max(hi, cue.verb.idx + len(cue.verb.text))
        if len(speaker.mention):
            # a quote carried over from an earlier one is read from where its speaker is named
            lo, hi = min(lo, speaker.mention.start_char), max(hi, speaker.mention.end_char)
        content = text_span(self.doc, start, end)
        while content.text and content.text[-1] in "\"”’'" and len(content.text) > 1:
            content = text_span(self.doc, content.start, content.end - 1)
        return QuoteFact(
            speaker=speaker.entity,
            text=quotation.text(self.text),
            direct=True,
            content=content,
            evidence=char_evidence(
                self.doc,
                max(0, lo),
                min(len(self.text), hi),
                "quote.direct" if cue else "quote.continued",
                confidence,
            ),
            speaker_mention=self._mention(speaker),
            cue=text_span(self.doc, cue.verb.idx, cue.verb.idx + len(cue.verb.text))
            if cue
            else None,
        )

    def _mention(self, speaker: Resolved) -> TextSpan:
        return text_span(self.doc, speaker.mention.start_char, speaker.mention.end_char)


# Sources that are records, not people or bodies: "official figures show", "records show",
# "the annual report says". (A study, survey or analysis that finds something is a claim of
# its authors, and stays one.)
_DOCUMENT_SOURCES = {
    "figure", "data", "report", "record", "document", "statistic", "testimony", "filing",
    "polling", "audit", "minute", "paper", "account",
    # "according to a funding plan filed with the application", "the budget shows"
    "plan", "application", "budget", "estimate", "projection", "forecast",
}  # fmt: skip


# What a programme, plan or law "aims" or "seeks" to do is its purpose, no one's stance.
_PURPOSEFUL_THINGS = {
    "initiative", "programme", "program", "scheme", "fund", "plan", "project", "bill", "law",
    "act", "policy", "measure", "proposal", "package", "strategy", "grant", "legislation",
    "rule", "regulation", "reform", "budget", "effort", "study", "pilot",
}  # fmt: skip


def _a_thing_with_a_purpose(speaker: Resolved) -> bool:
    """Whether an intent's subject is a programme, plan or law, not a person or body."""
    if speaker.entity.kind is EntityKind.PERSON:
        return False
    # "a youth jobs initiative that aims to ...": the thing "that" stands for
    last = speaker.entity.name.lower().split()[-1] if speaker.entity.name else ""
    words = {speaker.mention.root.lemma_.lower(), last.rstrip("s"), last}
    return not words.isdisjoint(_PURPOSEFUL_THINGS)


def _document_source(speaker: Resolved | None) -> bool:
    """Whether a speaker is a record no one is named for ("figures", "the annual report")."""
    if speaker is None or speaker.entity.kind is not EntityKind.UNNAMED_SOURCE:
        return False
    return speaker.mention.root.lemma_.lower() in _DOCUMENT_SOURCES


def _closes_a_quotation(text: str) -> bool:
    """Whether `text` closes a quotation it does not open ('of course we will” before ...')."""
    return text.count('"') % 2 == 1 or text.count("”") > text.count("“")


def _opens_a_quotation(text: str) -> bool:
    """Whether `text` opens a quotation it does not close ('the plan was "a sticking plaster')."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _infinitival(clause: Token) -> bool:
    """Whether a clause is a to-infinitive: "(find a group) to reopen the shop"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _anonymity(verb: Token) -> bool:
    """Whether a cue only says why a source is unnamed: "speaking on the condition of
    anonymity to describe internal discussions"."""
    clausal = {"xcomp", "advcl", "acl", "relcl", "pcomp"}
    for governor in (verb, *verb.ancestors):
        if governor.dep_ not in clausal and governor is not verb:
            return False
        if any(t.lower_ == "anonymity" for t in governor.subtree if t.i < verb.i):
            return True
    return False


def _aside(verb: Token) -> bool:
    """Whether a cue stands in the writer's aside rather than in another's claim: a
    relative clause ("the gun, which the chief says was found"), or a time clause in one
    ("a search that began when Mr Lee said he would retire")."""
    if verb.dep_ == "relcl":
        return True
    marks = {c.lower_ for c in verb.children if c.dep_ in {"mark", "advmod"}}
    return (
        verb.dep_ == "advcl"
        and bool(marks & CIRCUMSTANCE_MARKS)
        and any(a.dep_ in {"relcl", "acl"} for a in verb.ancestors)
    )


def _passive_without_agent(verb: Token) -> bool:
    """Whether a speech verb is passive with no "by" phrase ("was told that ...", "Asked
    whether ..."): its subject, or the clause it hangs on, is the hearer, not the speaker."""
    deps = {c.dep_ for c in verb.children}
    if "agent" in deps:
        return False
    participle = (
        # "Asked whether ..., he paused": the parser may tag a sentence-initial "Asked" VBD
        (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.is_sent_start))
        and verb.dep_ in {"advcl", "acl"}
        and not deps & {"aux", "nsubj", "nsubjpass"}
    )
    # "who's called for tax rises": a clipped "has", not a passive
    passive = any(c.dep_ == "auxpass" and c.lower_ not in _CLIPPED for c in verb.children)
    return passive or participle


def _is_title(quoted: str) -> bool:
    """Whether quoted words are a title, not speech: "on “Face the Nation,”", "a clip from
    “The Morning Show”" (every word capitalised but the small ones, no sentence in it)."""
    words = _WORD.findall(quoted)
    return (
        len(words) <= _MAX_TITLE_WORDS
        and not re.search(r"[.!?]", quoted)
        and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words)
        and words[-1][:1].isupper()
    )


def _without(quotations: list[Quotation], labelled: list[tuple[int, int]]) -> list[Quotation]:
    """The quotations outside labelled paragraphs. A transcript opens every paragraph with a
    mark and closes none, which reads as one long quotation: split it into its paragraphs."""
    if not labelled:
        return quotations
    kept = []
    for quotation in quotations:
        pieces = [
            p for p in quotation.pieces if not any(a < p[1] and p[0] < b for a, b in labelled)
        ]
        if len(pieces) == len(quotation.pieces):
            kept.append(quotation)
            continue
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1 and piece == quotation.pieces[-1]
            kept.append(Quotation((piece,), quotation.closed and last, quotation.single))
    return kept


def quoted_tokens(doc: Doc, quotations: list[Quotation]) -> set[int]:
    """Indices of the tokens that lie inside quotation marks."""
    inside: set[int] = set()
    for quotation in quotations:
        for a, b in quotation.pieces:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                inside.update(range(span.start, span.end))
    return inside


def extract_quotes(
    doc: Doc, ents: DocumentEntities, quotations: list[Quotation], lex: Lexicons
) -> list[QuoteFact]:
    """All quote facts of one article, direct and reported, with resolved speakers."""
    return QuoteExtractor(doc, ents, quotations, lex).run()
