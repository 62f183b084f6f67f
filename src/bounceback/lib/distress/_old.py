"""Does a piece of the person's own writing sound like they might be in danger?

Used only to *offer* help: a calm panel with crisis lines appears next to what
they saved. Nothing is stored, flagged, logged or sent anywhere, so a false
alarm costs a moment of reading and a miss costs much more — the patterns lean
towards catching the real thing. They are written for first-person writing in
English and keep away from everyday job-search talk ("I killed it in the
interview", "this commute is killing me", "dead-end job").

Pure Python, no Django: the CLI, the web app and the evaluation script share it.
Measured against tests/data/distress_cases.jsonl by scripts/evaluate_distress.py.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["detect", "matches"]

# Curly quotes and dashes become plain ones so the patterns need only one spelling.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "`": "'",
    }
)

# Common misspellings and run-together words, fixed before matching (word-boundary aware).
_SPELLING = [
    (r"\bmy\s*sel[fv]e?s?\b", "myself"),
    (r"\bmy\s+own\s+self\b", "myself"),
    (r"\bmeself\b", "myself"),
    (r"\bkil+\s*myself\b", "kill myself"),
    (r"\bkil+ing\s*myself\b", "killing myself"),
    (r"\b(want|wants|going|wanted) 2\b", r"\1 to"),
    (r"\b(?:wanna|wana|wnat to|wan to|watn to|want ot|wnt to|want too)\b", "want to"),
    (r"\bwanted ot\b", "wanted to"),
    (r"\b(?:gonna|gona)\b", "going to"),
    (r"\b(?:dont|don't|do not|dnt|dno't)\b", "don't"),
    (r"\b(?:cant|can't|can not|cannot|cnt)\b", "can't"),
    (r"\b(?:im|i'm|i am|iam)\b", "i'm"),
    (r"\b(?:ive|i've|i have)\b", "i've"),
    (r"\b(?:id|i'd|i would)\b", "i'd"),
    (r"\b(?:everyone|every one|everybody|every body)\b", "everyone"),
    (r"\b(?:no one|noone|no-one|nobody|no body)\b", "nobody"),
    (r"\b(?:anymore|any more|any longer|anylonger)\b", "anymore"),
    (r"\b(?:alive|alvie|aliv)\b", "alive"),
    (r"\bdiee\b", "die"),
    (r"\bsu[iy]?[cs]+[iy]?d[ae]?l\b", "suicidal"),
    (r"\bsu[iy]?[cs]+[iy]?de?s?\b", "suicide"),
    (r"\bsewer\s*slide\b", "suicide"),
    (r"\bun-?alive\b", "unalive"),
    (r"\bself[\s-]*harm(?:ing)?\b", "self-harm"),
    (r"\bover\s*dos(?:e|ing|ed)\b", "overdose"),
    (r"\bpointless\b", "pointless"),
]
_SPELLING_RE = [(re.compile(pattern), replacement) for pattern, replacement in _SPELLING]

# Quoted lines from a film, song or book are not the person speaking.
_MEDIA = re.compile(
    r"\b(film|movie|song|lyric|lyrics|book|novel|show|series|episode|quote|quoting|line from|scene|"
    r"character|play|poem|meme|sings?|sang)\b"
)
_QUOTED = re.compile(r'"[^"]*"')

_I = r"(?:i|i'm|i'd|i've|i'll|me|my|myself)"
# "dead last", "dead tired", "dead set on": everyday intensifiers, not death.
_NOT_DEAD_ADJ = (
    r"(?! (?:last|tired|serious|set|keen|on my feet|inside|wrong|certain|sure|easy|right|honest|"
    r"quiet|beat|ahead|bored|nervous|lucky|slow|boring|busy))"
)

# Phrases that on their own, in the writer's own voice, mean someone may be in danger.
_DANGER = [
    # Ending one's life, said many ways.
    r"\bkill myself\b",
    r"\bkilling myself\b(?!\s+(?:over|to|with|for|on|at|trying|working|getting|doing|laughing|at work)\b)",
    r"\b(?:end|ending|take|taking|took) (?:my|my own) life\b(?!\s+(?:savings|story|stories|into|in my|back|experience|goals|plans|insurance|choices))",
    r"\bend(?:ing)? it all\b",
    r"\bend myself\b",
    r"\bput an end to (?:it all|myself|my life|everything)\b",
    r"\b(?:thinking|thought|think|thoughts) (?:about|of) (?:ending it|ending things|ending everything)\b(?!\s+with)",
    r"\bunalive\b",
    r"\bhang(?:ing)? myself\b",
    r"\b(?:slit|slitting|cut|cutting|slash|slashing) my wrists?\b",
    r"\b(?:jump|jumping|throw myself) (?:off|from|in front of) (?:a|the|this|that)? ?(?:bridge|building|roof|cliff|train|tracks|balcony|car|bus)\b(?! for\b)",
    r"\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing|downed) (?:all (?:of )?(?:my|the|those) |all the |the whole (?:bottle|packet|box) of (?:my )?|a (?:bunch|load|handful|lot) of (?:my )?)(?:pills|tablets|meds|medication|sleeping pills|painkillers)\b",
    r"\b(?:want|going|plan|planning|thinking about|thought about|tempted) to overdose\b",
    r"\b(?:thinking|thought|think|dreaming|dream) (?:about|of) (?:an )?overdos(?:e|ing)\b",
    r"\b(?:pills|tablets|meds)\b.*\b(?:take|taking|swallow|swallowing) (?:them all|all of them|every one of them|each of them)\b",
    r"\b(?:want to|going to|about to|i'll|should|could|might) (?:just )?kms\b",
    r"\boverdos(?:e|ing) on (?:my|the|all)? ?(?:pills|tablets|meds|medication)\b",
    # Wanting to die or not to exist.
    r"\b(?:want|wanted|wish|wishing|ready|long|longing|just want) to die\b(?! (?:of|from|laughing)\b)",
    r"\b(?:part of me|a part of me|something in me) (?:wants|wanted|just wants) to die\b",
    r"\b(?:i'd rather be|better off|i'd be better off|might as well be|wish i was|wish i were) dead\b"
    + _NOT_DEAD_ADJ,
    r"\bwish (?:that )?(?:i|i'd) (?:was |were |had |wasn't |weren't )?(?:never (?:been )?born|not born|gone|dead|not alive|alive|here|born|not here)\b"
    + _NOT_DEAD_ADJ,
    r"\bwish i (?:could|would|didn't) (?:just )?(?:die|not wake up|stop existing|cease to exist|disappear forever|exist)\b",
    r"\b(?:don't|never) want to (?:live|be alive|exist|wake up|go on|keep living|carry on living)\b(?! (?:in|with|at|near|like|there|here|somewhere|on|by)\b)",
    r"\b(?:don't|never) want to be (?:alive|here|around|on this earth)(?: anymore)?\s*(?:$|[.,!;:-]|and|but)",
    r"\bdon't want to (?:be here|exist) anymore\b",
    r"\b(?:stop|stopped) (?:existing|being alive)\b",
    r"\bcease to exist\b",
    r"\b(?:want|like|rather|wish|prefer|love) (?:\w+ ){0,2}(?:not|never) (?:to )?exist\b",
    r"\bdon't think i can (?:go on|keep going|carry on|keep living)\b(?! (?:to|with|at|in|working|applying)\b)",
    r"\bno (?:point|meaning|purpose) (?:in|to) my life\b",
    r"\b(?:picturing|imagining|planning|thinking about) my (?:own )?funeral\b",
    r"\b(?:take|taking|took|have taken) an overdose\b",
    r"\b(?:if|when) i (?:killed|kill) myself\b",
    r"\bi should (?:just )?die\b(?! (?:of|from|laughing)\b)",
    r"\b(?:not sure|don't know if|don't think|no longer sure|not certain) (?:i )?(?:want to|still want to) (?:be alive|live|be here|exist|go on|keep living)\b",
    r"\bif i (?:was|were) dead\b" + _NOT_DEAD_ADJ,
    r"\b(?:happier|easier|better)(?: for everyone)? (?:without me(?: around| here)?|if i (?:was|were) gone|if i died|if i wasn't (?:here|around|alive)|if i didn't exist)\s*(?:$|[.,!;:-]|and|but)",
    r"\b(?:want|need|wish) (?:it all|my life|everything|all of it|it all just) to (?:end|be over|stop)\b",
    r"\b(?:my life|life) (?:has|holds) no (?:point|meaning|purpose)\b",
    r"\b(?:want|going|ready|planning|about|decided) to end it(?=\s*(?:$|[.,!?;]|now|tonight|today|soon|all))",
    r"\b(?:dying|death|suicide|killing myself|ending it|ending my life) (?:is|seems|feels like|would be) (?:the|my) (?:only|best|easiest|one) (?:way out|option|answer|choice|way|solution)\b",
    r"\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b(?! (?:to|at|early|before)\b)",
    r"\b(?:sleep|go to sleep|fall asleep) forever\b",
    r"\b(?:wish|want to|hope|hoping|pray|praying) (?:\w+ ){0,6}(?:never|not) wake up\b(?! (?:to|at|early|before)\b)",
    r"\bend (?:things|it|it all|everything) (?:for good|forever|permanently|once and for all)\b",
    r"\bshould (?:just )?end (?:it|things|everything)(?=\s*(?:$|[.,!?;]|now|tonight|today))",
    r"\b(?:never|not) (?:to )?wake up (?:again|tomorrow|ever)\b(?! (?:to|at|early|before)\b)",
    r"\b(?:disappear|disappeared|vanish|vanished) (?:forever|for good|permanently|and never come back|off the face of the earth)\b",
    r"\b(?:tired|sick|exhausted|weary) of (?:living|being alive|life itself|existing)(?=\s*(?:$|[.,!;:-]|anymore|and|but|so|like this|every day))",
    r"\b(?:hate|hating) being alive\b",
    r"\b(?:done|finished) with (?:life|living|being alive|it all|everything)(?:\s*(?:$|[.,!;:-]|and|but))",
    r"\bgive up on (?:life|living|everything|myself)\b",
    r"\bgiving up on (?:life|living|myself)\b",
    # Hopelessness about going on at all.
    r"\b(?:no|any|any real) (?:point|reason|use|sense) (?:for me |in me )?(?:in |to )?(?:going on|living|being alive|carrying on with life|to live|in life|live|keep(?:ing)? living|existing|me being here|waking up)\b",
    r"\b(?:no|any) (?:point|reason) (?:for me )?(?:in |to )?(?:carrying on|keep going|keeping going|go on)\s*(?:$|[.,!;:-]|anymore|at all|and|but)",
    r"\b(?:don't|can't|do not|cannot) see (?:the|any) (?:point|reason) (?:in |of |to )?(?:going on|living|keep living|keep going on|being alive|carrying on|existing|waking up|life|me being here|live)\b",
    r"\bwhat(?:'s| is) (?:even |really |actually )?the point (?:of|in) (?:living|being alive|life|going on|existing|waking up|me)\b",
    r"\bnothing (?:left )?to live for\b",
    r"\b(?:life|my life) (?:isn't|is not|is no longer|ain't) worth (?:living|it)\b",
    r"\bnot worth living\b",
    r"\b(?:can't|couldn't) (?:go on|keep going|carry on)(?: living| like this)? ?anymore\b",
    r"\b(?:can't|couldn't) go on(?: living| like this)?\s*(?:$|[.,!;:-]|and|but)",
    r"\b(?:can't|couldn't) (?:go on|keep) living\b",
    r"\bno way out\s*(?:$|[.,!;:-]|and|but|of this life|of my life)",
    r"\bmy life is (?:pointless|meaningless|over|hopeless)\b",
    r"\blife is (?:pointless|meaningless|hopeless)(?=\s*(?:$|[.!;:]|and|anyway|now))",
    # Believing others would be better off without them.
    r"\b(?:everyone|everybody|people|everyone else|my family|my kids|the kids|my children|the children|my son|my daughter|my mum|my mom|my dad|my family and friends|the world|they'd all|they would all|they'll all|my partner|my wife|my husband|my parents|my friends|all of them|people in my life|the people i love)(?:'d|'s|'re| would| will)? (?:be |all be |is |are )?better off (?:without me|if i (?:was|were|wasn't|weren't|died|disappeared|was gone|were gone|didn't exist|wasn't here|wasn't around))",
    r"\bbetter place (?:without me|if i wasn't|if i weren't)\b",
    r"\bbetter off without me (?:around|here|in (?:it|their lives|the world|this world))\b",
    r"\bnobody (?:would|will|'d) (?:even |really |actually )?(?:miss me|notice|care)(?=\s*(?:$|[.,!;:]|if i (?:just )?(?:was|were|wasn't|died|disappeared|was gone|were gone|killed myself|ended it)|if i'm gone|when i'm gone|when i die|anyway|at all))",
    r"\bi'm (?:just |only |nothing but |such )?a burden (?:to|on) (?:everyone|everybody|my family|all|them|the people|the world|people)",
    r"\bthe world (?:would|will) be better without me\b",
    # Self-harm.
    r"\b(?:want|wanted|going|urge|urges|tempted|thinking about|thought about|started|start|back|been|keep|feel like) (?:to )?(?:hurt|hurting|harm|harming|cut|cutting|burn|burning) myself\b(?! (?:on|at|by|while|when|shaving|cooking|chopping|in the|lifting|playing|running|training)\b)",
    r"\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|burned|burnt) myself again\b",
    r"\b(?:hit|hitting|punch|punching|scratch|scratching|bite|biting) myself\b(?! (?:on|with|by|in the|against|accidentally)\b)",
    r"\b(?:hurt|harmed|cut|burned|burnt|hit|punched|scratched|starved)\w* myself (?:on purpose|deliberately|intentionally)\b",
    r"\b(?:saved|saving|stockpiled|stockpiling|hoarding|hoarded|collected|collecting) (?:up )?(?:my |some |enough )?(?:pills|tablets|meds|medication|painkillers)\b",
    r"\b(?:thought|thinking|think|dream|dreaming) (?:about|of) (?:jumping|throwing myself)\b(?! (?:ship|at|into|in|on|to|straight|back|the queue|jobs|careers|industries))",
    r"\b(?:i'm|i've|i) (?:been )?(?:self-harm|self-harming|cutting)\b(?! (?:back|down|costs|hours|corners|ties|out|my|the|it)\b)",
    r"\bself-harm(?:ing)? again\b",
    r"\b(?:urge|urges|relapse|relapsed) (?:to|into|with) self-harm\b",
    r"\bmy (?:self-harm|suicide note|goodbye letters?|last letter)\b",
    r"\b(?:wrote|written|writing) (?:a |my )?suicide note\b",
    r"\bgoodbye (?:letters?|notes?) (?:to|for) (?:my family|everyone i love|the people i love|my kids|my children|my partner|my parents|my wife|my husband|my friends)\b",
]
_DANGER_RE = [re.compile(pattern) for pattern in _DANGER]

# "Suicide"/"suicidal" alone is also news, film titles or "career suicide"; it counts only
# when the writer speaks about themselves.
_SUICIDE_WORD = re.compile(r"\bsuicid(?:e|al)\b")
_SUICIDE_NOT_ME = re.compile(
    r"\b(?:career|political|professional|social|financial|commercial|corporate|brand|linkedin|"
    r"reputational|electoral) suicide\b|\bsuicide (?:squad|rates?|prevention|awareness|door|"
    r"doors|run|runs|sprint|sprints|mission|bomb|bomber|bombing|king|lane|hotline number|"
    r"statistics|figures|forest|note from the film)\b|\b(?:not|never been|n't) suicidal\b(?! yet)|"
    r"\b(?:his|her|their|a|the) suicide\b"
)
_SUICIDE_ME = re.compile(
    r"\b(?:i'm|i've|i'd|i|me)\b (?:\w+ ){0,3}suicidal\b|^(?:feeling|feel|felt|so|really|very|getting|been) (?:\w+ ){0,2}suicidal\b|\bsuicidal (?:thoughts|feelings|ideation|urges|again|"
    r"tonight|today|lately)\b|\b(?:thinking|thought|thoughts|think|considering|considered|contemplating|"
    r"planning|plan|tempted) (?:about |of |on )?(?:\w+ ){0,2}(?:committing )?suicide\b|\b(?:commit|committing|attempt|attempting|"
    r"attempted) suicide\b|\bmy suicide\b|\bsuicide (?:is|seems|feels) (?:like )?(?:the|my|an|a) "
    r"(?:only|best|easiest|answer|option|way)\b"
)
_FIRST_PERSON = re.compile(rf"\b{_I}\b")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).lower()
    # Long stretched letters ("diiiie", "plzzzz") become one, so "die" still matches.
    text = re.sub(r"([a-z])\1{2,}", r"\1", text)
    text = re.sub(r"\s+", " ", text)
    for pattern, replacement in _SPELLING_RE:
        text = pattern.sub(replacement, text)
    return text


def _clauses(text: str) -> list[str]:
    """Sentences, with quoted lines from films or songs left out."""
    sentences = re.split(r"(?<=[.!?;])\s+|\n+", text)
    kept = []
    for sentence in sentences:
        if '"' in sentence and _MEDIA.search(sentence):
            sentence = _QUOTED.sub(" ", sentence)
        kept.append(sentence.strip())
    return [s for s in kept if s]


# Someone else's words ("my friend said she wanted to die") are not the writer's own.
_OTHER_SUBJECT = re.compile(
    r"\b(?:she|he|they|her|him|his|someone|somebody|friend|character|hero|heroine|narrator|"
    r"brother|sister|mum|mom|dad|father|mother|colleague|colleague's|cousin|uncle|aunt|man|woman|"
    r"person|actor|chef|guy|girl|boy)\b"
)
_SELF_SUBJECT = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me)\b")


def _in_own_voice(clause: str, start: int) -> bool:
    before = " ".join(clause[:start].split()[-4:])
    return not (_OTHER_SUBJECT.search(before) and not _SELF_SUBJECT.search(before))


# "I forgot her name, I wanted to die": a moment of embarrassment, said in the past tense.
_EMBARRASSMENT = re.compile(
    r"\b(?:forgot|forget|embarrass\w*|mortified|cringe\w*|awkward|wrong name|typo|tripped|spilled|"
    r"spilt|froze)\b"
)


def _danger(clause: str) -> bool:
    for pattern in _DANGER_RE:
        for found in pattern.finditer(clause):
            if not _in_own_voice(clause, found.start()):
                continue
            if found.group(0).startswith("wanted to die") and _EMBARRASSMENT.search(clause):
                continue
            return True
    return False


def matches(text: str) -> list[str]:
    """The sentences (normalised) that sound like danger; empty if none. For tests and tuning."""
    found = []
    for clause in _clauses(_normalise(text or "")):
        if _danger(clause):
            found.append(clause)
            continue
        me = _SUICIDE_ME.search(clause)
        if (
            me
            and _SUICIDE_WORD.search(clause)
            and _in_own_voice(clause, me.start())
            and not _SUICIDE_NOT_ME.search(clause)
        ):
            found.append(clause)
    return found


def detect(text: str) -> bool:
    """True when the text contains crisis language in the writer's own voice."""
    return bool(matches(text))
