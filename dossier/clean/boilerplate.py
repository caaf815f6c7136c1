"""Line classification: which lines of a scraped article are page furniture.

The rules are general cues, in French and English:

* lexicons of furniture phrases (credits, caption labels, promos, share/comment prompts,
  "related articles" markers, breadcrumbs, bylines, stray template tokens);
* line shape (a "body" line is a sentence-like paragraph; a headline has no final period);
* position: before the first body paragraph only the headline is article text (the rest is the
  header: tags, bylines, captions, dates); after the last body paragraph, short non-sentences are
  footer furniture; the line just above a photo credit is the image's alt text;
* repetition: a second copy of the headline.

Short subheadings between body paragraphs are article content and are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.clean.wrap import unwrap, wrapped_breaks

# --- line shapes -----------------------------------------------------------------------------
_TERMINAL = ".!?…»\"”'’:;)"
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
_BULLET_RE = re.compile(r"^[\s•·▪►‣◦*\-–—|]+")
try:  # letters with a case-insensitive twin other than their upper/lower case (long s, dotless i)
    from re._casefix import _EXTRA_CASES
    _ODD_CASE = frozenset(chr(c) for c in _EXTRA_CASES if c > 0x7F)
except ImportError:  # pragma: no cover  (another Python: every line is tested by the regex)
    _ODD_CASE = frozenset(chr(c) for c in range(0x80, 0x10000))
_HAS_ALNUM = re.compile(r"[^\W_]", re.UNICODE)
_TEMPLATE_RE = re.compile(r"^(?:\{\{.*\}\}|\{%.*%\}|\{#.*#\}|<%.*%>|\$\{.*\}|[#%]\}|\{[#%])$")

# --- dates (shared with dossier.read for datelines) -----------------------------------------
MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7,
    "déc": 12,
}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
DATE_VALUE = (
    r"(?:\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
    rf"|(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
    rf"(?:\d{{1,2}}(?:er)?\s+(?:{_MONTH_ALT})\.?\s+\d{{4}}|(?:{_MONTH_ALT})\.?\s+\d{{1,2}},?\s+\d{{4}}|(?:{_MONTH_ALT})\s+\d{{4}}))"
)
_TIME = r"(?:\s*(?:à|at|,|-)?\s*\d{1,2}\s*[h:]\s*\d{2}(?:\s*(?:am|pm|GMT|UTC|CET|HNE))?)?"
# "date 2025-02", "Publié le 12 février 2025 à 10h05", "Updated: March 3, 2025"
DATELINE_RE = re.compile(
    r"^\s*(?:[•·*\-–—|]\s*)?(?:date|dated|dateline|publié(?:e)?(?:\s+le)?|publication|mis\s+à\s+jour(?:\s+le)?"
    r"|modifié(?:\s+le)?|published(?:\s+on)?|updated(?:\s+on)?|posted(?:\s+on)?|last\s+updated)\s*[:\-–]?\s*"
    rf"(?P<date>{DATE_VALUE}){_TIME}",
    re.IGNORECASE,
)
_BARE_DATE_RE = re.compile(rf"^\s*(?P<date>{DATE_VALUE}){_TIME}\s*$", re.IGNORECASE)

# --- lexicons --------------------------------------------------------------------------------
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_BYLINE_RE = re.compile(
    rf"^(?:by|par|written\s+by|écrit\s+par|rédigé\s+par|posted\s+by|publié\s+par)\s+(?P<name>{_NAME}"
    rf"(?:\s*(?:,|&|et|and|de|du|van|von|der|da|le|la|{_NAME}))*)\s*$",
    re.IGNORECASE,
)
_LABELLED_AUTHOR_RE = re.compile(
    r"^(?:author|authors|auteur|auteurs|auteure|autrice|reporter|reporting\s+by|journaliste|signature)s?\s*[,:]\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)
_LABELLED_ROLE_RE = re.compile(
    r"^(?:role|rôle|fonction|title|position|envoyé\s+spécial|correspondant|correspondent)\s*[,:]\s*\S", re.IGNORECASE
)
_CREDIT_RE = re.compile(
    r"^(?:©|copyright\b|crédits?(?:\s+(?:photo|image|vidéo|video))?\s*[,:]|(?:photo|image|vidéo|video)\s*(?:credit|crédit)s?\b"
    r"|(?:source|sources)\s+(?:de\s+l['’]image|image|photo)\s*[,:]|image\s+source\s*[,:]|getty\s+images$|afp\s+photo\b"
    r"|(?:photo|image|illustration)\s*[,:]\s*\S.{0,60}$)",
    re.IGNORECASE,
)
_CAPTION_LABEL_RE = re.compile(
    r"^(?:légende(?:\s+(?:image|photo|de\s+l['’]image|de\s+la\s+photo|vidéo))?|image\s+caption|photo\s+caption|caption)\s*[,:]",
    re.IGNORECASE,
)
_CAPTION_OPENER_RE = re.compile(
    r"^(?:carte|cartes|photo|photos|image|images|graphique|infographie|illustration|capture\s+d['’]écran|vue\s+aérienne"
    r"|map|chart|graphic|picture|photograph|screenshot|vidéo|video|file\s+photo|photo\s+d['’]archive)\s+"
    r"(?:montrant|représentant|illustrant|prise|prises|showing|shows|depicting|taken|of\s+the\s+(?:area|region)|d['’]archive)\b",
    re.IGNORECASE,
)
_MEDIA_WORDS = {
    "image", "images", "photo", "photos", "vidéo", "video", "videos", "vidéos", "illustration", "audio",
    "graphique", "infographie", "carte", "diaporama", "galerie", "gallery", "slideshow", "podcast",
    "publicité", "advertisement", "advert", "ad", "pub", "sponsored", "sponsorisé", "contenu sponsorisé",
    "partager", "partagez", "share", "imprimer", "print", "envoyer", "email", "e-mail", "facebook", "twitter",
    "x", "linkedin", "whatsapp", "telegram", "messenger", "copier le lien", "copy link", "lire la suite",
    "read more", "voir plus", "see more", "afficher plus", "show more", "écouter", "listen", "play", "lecture",
    "menu", "rechercher", "search", "fermer", "close", "newsletter", "abonnez-vous", "subscribe", "s'abonner",
    "se connecter", "log in", "login", "sign in", "accueil", "home", "retour", "back to top", "haut de page",
    "top", "actualité", "actualités", "news", "direct", "en direct", "live", "exclusif", "exclusive", "vidéo 360",
}
_PROMO_RE = re.compile(
    r"(?:abonnez[- ]vous|inscrivez[- ]vous|s['’]abonner|subscribe\b|sign\s+up\b|newsletter|cliquez\s+ici|click\s+here"
    r"|suivez[- ]nous|follow\s+us|(?:est|is)\s+(?:maintenant\s+|now\s+|aussi\s+|also\s+)?(?:sur|on)\s+(?:whatsapp|telegram|instagram|youtube|tiktok|facebook|threads|bluesky)"
    r"|télécharge[zr]\s+(?:notre\s+|l['’])?appli|download\s+(?:our|the)\s+app|rejoignez[- ]nous|join\s+(?:us|our)\b"
    r"|recevez\s+(?:nos|notre|gratuitement)|get\s+(?:our|the\s+latest)|allow\s+cookies|accepter\s+les\s+cookies"
    r"|soutenez\s+(?:notre|le)\s+journalisme|support\s+(?:our|independent)\s+journalism"
    r"|(?:download\s+on|get\s+it\s+on|available\s+on|disponible\s+sur|télécharger\s+dans)\s+(?:the\s+|l['’])?(?:app\s+store|google\s+play)"
    r"|(?:la\s+suite\s+est\s+|article\s+)?réservée?\s+aux\s+abonnés|for\s+subscribers\s+only|subscribers?[- ]only)",
    re.IGNORECASE,
)
_PROMO_START_RE = re.compile(
    r"^(?:ignorer|passer|sauter|skip)\b.{0,80}\b(?:promotion|publicit|advert|newsletter|podcast|whatsapp|contenu|content|vidéo|video)",
    re.IGNORECASE,
)
_PROMO_END_RE = re.compile(
    r"^(?:fin\s+d[eu]s?|end\s+of)\b.{0,60}\b(?:promotion|publicit|advert|newsletter|podcast|whatsapp|contenu|content|vidéo|video)",
    re.IGNORECASE,
)
_RELATED_RE = re.compile(
    r"^(?:you\s+(?:may|might)\s+also\s+(?:like|enjoy)|related(?:\s+(?:articles?|stories|content|topics|coverage))?|read\s+(?:more|also|next)"
    r"|more\s+on\s+this(?:\s+story)?|more\s+from|see\s+also|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed)|trending(?:\s+now)?"
    r"|top\s+stories|(?:à|a)\s+lire\s+(?:aussi|également|egalement)|lire\s+(?:aussi|également|egalement|la\s+suite)|voir\s+aussi"
    r"|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|(?:nos\s+)?articles?\s+(?:similaires|liés|associés|recommandés)"
    r"|vous\s+(?:aimerez|pourriez)\s+aussi(?:\s+aimer)?|(?:les\s+)?plus\s+lus|les\s+plus\s+partagés|à\s+la\s+une|populaires?"
    r"|en\s+continu|tags?|mots[- ]clés|thèmes?|topics?|sujets?\s+associés)(?:\s*[:\-–|]\s*.*)?$",
    re.IGNORECASE,
)
_COMMENTS_RE = re.compile(
    r"^(?:leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|add\s+a\s+comment|laisse[rz]\s+un\s+commentaire"
    r"|ajouter\s+un\s+commentaire|écrire\s+un\s+commentaire|\d+\s+(?:comments?|commentaires?|réactions?)|comments?|commentaires?"
    r"|réagi(?:r|ssez)|voir\s+les\s+commentaires|show\s+comments|cancel\s+reply|annuler\s+la\s+réponse)(?:\s*[:(\-–].*)?$",
    re.IGNORECASE,
)
_SHARE_RE = re.compile(
    r"^(?:partager|partagez|share|imprimer|print|envoyer|tweet|tweeter|copier\s+le\s+lien|copy\s+link|e-?mail)"
    r"(?:\s+(?:cet\s+article|this\s+(?:article|story|page)|l['’]article|sur|on|par|via|by)\b.*)?$",
    re.IGNORECASE,
)
# "Home > Monde", "Accueil / Actualité", or link texts glued together ("Home ActualitéGuerre ...")
_BREADCRUMB_START_RE = re.compile(
    r"^(?:home|accueil|homepage|page\s+d['’]accueil)\s*(?:[>›»/|:]|$|\S*(?-i:[a-zà-ÿ][A-ZÀ-Þ]))", re.IGNORECASE
)
# short photo-agency credit lines: "Jane Doe / AFP", "Pool via Getty Images", "EPA-EFE"
_PHOTO_AGENCY_RE = re.compile(
    r"(?:^|[\s/|,(])(?:via\s+)?(?:getty\s+images|afp|reuters|ap\s+photo|epa(?:-efe)?|shutterstock|sipa(?:\s+press)?|abaca(?:press)?"
    r"|maxppp|hans\s+lucas|anadolu\s+agency|nurphoto|associated\s+press|agence\s+france[-\s]presse"
    r"|la\s+presse\s+canadienne|the\s+canadian\s+press)\)?\s*$",
    re.IGNORECASE,
)
_AGENCY_RE = re.compile(
    r"^[(\[]?\s*(?:avec\s+|with\s+|source\s*:\s*)?(?:afp|reuters|ap|associated\s+press|belga|ats|dpa|ansa|efe|xinhua|tass|ria\s+novosti)"
    r"(?:\s*(?:et|and|,|/)\s*(?:afp|reuters|ap|belga|ats|dpa|ansa|efe))*\s*[)\]]?\.?$",
    re.IGNORECASE,
)
# a wire service's credit paragraph, wholly in brackets, at the foot of a dispatch: "(Reportage Jane Doe à Kaboul;
# rédigé par John Doe; version française Jean Dupont)", "(Reporting by …; Editing by …)"
_WIRE_CREDIT_RE = re.compile(
    r"^\(\s*(?:reportage|reporting|rédigé\s+par|rédaction|writing\s+by|written\s+by|édité\s+par|édition|editing\s+by"
    r"|version\s+française|traduction|additional\s+reporting|avec\s+la\s+contribution\s+de)\b[^()]*\)\.?$",
    re.IGNORECASE,
)
_BREADCRUMB_SEP_RE = re.compile(r"\s(?:>|›|»|/|\|)\s")
# a photo caption closed by its credit: "… le 9 mars. (AP Photo/Jane Doe, File)", "… à Vienne. AFP/Jane DOE.",
# "… en Ukraine - Jane DOE / AFP", "… le 12 mai ( AFP / Jane DOE )", "… le 23 juin.. AFP or licensors"
# (a body paragraph does not end on a credit)
_AGENCIES = r"(?:afp|reuters|ap|epa(?:-efe)?|getty\s+images|sipa(?:\s+press)?|abaca(?:press)?|maxppp|anadolu|dpa|belga|ansa)"
_TRAILING_CREDIT_RE = re.compile(
    rf"(?:\(\s*(?:{_AGENCIES}\s+)?(?:photo|foto|image|video|vidéo)\s*(?:[/:,]|\b{_AGENCIES}\b)[^()]{{0,80}}\)"
    rf"|\b{_AGENCIES}\s*/\s*[^\W\d_][\w'’.\- ]{{1,40}}|[^\W\d_][\w'’.\- ]{{1,40}}?\s*/\s*{_AGENCIES}"
    rf"|\b{_AGENCIES}\s+(?:or|ou)\s+(?:licensors|ayants\s+droit)"
    rf"|[.!?»”\"]\s+(?:photo|crédit\s+photo|©)\s*:?\s+(?-i:[A-ZÀ-Þ][\w'’.\-]+(?:\s+[A-ZÀ-Þ][\w'’.\-]+){{1,2}}))"
    r"\s*(?<!\()\)?\s*\.?\s*$",  # the credit may close a bracket of its own: "… ( AFP / Jane DOE )"
    re.IGNORECASE,
)
# a line that is only a site's name: "Example.news", "www.exemple.fr"
_SITE_NAME_RE = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}/?$", re.IGNORECASE)
# live-blog furniture: "Ce direct est terminé…", "Fin du direct", "Suivez notre nouveau live…", "This live blog has ended"
_LIVE_RE = re.compile(
    r"^(?:(?:ce|le|notre|this|our)\s+(?:direct|live|live[- ]blog|fil\s+en\s+direct)(?:\s+\w+)?\s+(?:est|is|has)\s+"
    r"(?:à\s+présent\s+|maintenant\s+|désormais\s+|now\s+)?(?:terminé|clos|fermé|ended|closed|over)"
    r"|fin\s+du\s+(?:direct|live)|(?:le|notre)\s+nouveau\s+(?:direct|live)|suivez\s+(?:notre|le|ce)\s+(?:nouveau\s+|dernier\s+)?(?:direct|live))\b",
    re.IGNORECASE,
)


# outlets promote themselves: "Le Courrier est sur WhatsApp", "Morning Wire is on Telegram"
_OUTLET_PROMO_RE = re.compile(
    r"^(?P<name>[A-ZÀ-Þ0-9][\w'’.&\- ]{1,50}?)\s+(?:est|is)\s+(?:maintenant\s+|now\s+|aussi\s+|also\s+)?(?:sur|on)\s+"
    r"(?:whatsapp|telegram|instagram|youtube|tiktok|facebook|threads|bluesky)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words of a line (remembered: the furniture tests count the words of each line
    several times, and breadcrumbs compare every header line with every other)."""
    return tuple(_WORD_RE.findall(text))


def ends_sentence(text: str) -> bool:
    t = text.rstrip()
    return bool(t) and t[-1] in _TERMINAL


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """Comparison key for repeated lines (case, spacing and punctuation insensitive)."""
    return " ".join(w.lower() for w in words(text))


def strip_bullet(text: str) -> str:
    return _BULLET_RE.sub("", text).strip()


@dataclass
class Line:
    start: int  # offsets of the stripped content in the original text
    end: int
    text: str
    kind: str | None = None  # None = article text; else the furniture kind
    prefix_end: int | None = None  # an inline metadata prefix ends here (original offset)

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(raw: str) -> list[Line]:
    """The lines of ``raw``; the lines of a hard-wrapped paragraph are one line (its text with
    spaces for the wrapping newlines, see :mod:`dossier.clean.wrap`)."""
    wraps = wrapped_breaks(raw)
    lines: list[Line] = []
    pos = 0
    joined = False  # the previous line was wrapped into this one
    for piece in raw.splitlines(keepends=True):
        content = piece.rstrip("\r\n")
        lead = len(content) - len(content.lstrip())
        stripped = content.strip()
        if joined and stripped and lines:
            last = lines[-1]
            end = pos + lead + len(stripped)
            lines[-1] = Line(last.start, end, unwrap(raw, last.start, end, wraps))
        else:
            lines.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        joined = bool(stripped) and piece.endswith("\n") and (pos + len(piece) - 1) in wraps
        pos += len(piece)
    return lines


def is_body(text: str) -> bool:
    """A sentence-like paragraph (the article proper starts at the first one)."""
    n = len(words(text))
    return n >= 25 or (n >= 6 and ends_sentence(text))


def is_headline(text: str) -> bool:
    n = len(words(text))
    return 2 <= n <= 30 and not text.rstrip().endswith((".", ":", ";", ",")) and text[:1].isupper() | text[:1].isdigit() | (text[:1] in "«\"“'")


def _may_trail_credit(text: str) -> bool:
    """False only when no :data:`_TRAILING_CREDIT_RE` match can be in ``text``: each of its
    alternatives holds "(", "/", "©", "photo", "licensors" or "ayants" (a few substring tests
    instead of the regex tried at every position of every line of up to 60 words)."""
    if "(" in text or "/" in text or "©" in text or not _ODD_CASE.isdisjoint(text):
        return True  # (a letter such as the long s matches "s" case-insensitively)
    low = text.lower()
    return len(low) != len(text) or "photo" in low or "licensors" in low or "ayants" in low


def lexical_kind(text: str) -> str | None:
    """Furniture kind of a line judged on its own (no context), or None."""
    if not _HAS_ALNUM.search(text) or _TEMPLATE_RE.match(text):
        return "template"
    t = strip_bullet(text)
    if not t:
        return "template"
    n = len(words(t))
    low = t.lower().rstrip(" :.!")
    if low in _MEDIA_WORDS:
        return "label"
    if _CAPTION_LABEL_RE.match(t):
        return "caption"
    if _CREDIT_RE.match(t) and n <= 14:
        return "credit"
    if _LABELLED_AUTHOR_RE.match(t) and n <= 12:
        return "byline"
    if _LABELLED_ROLE_RE.match(t) and n <= 12:
        return "byline"
    if n <= 8 and _is_byline(t):
        return "byline"
    if n <= 80 and _WIRE_CREDIT_RE.match(t):
        return "credit"
    if _AGENCY_RE.match(t) or (n <= 8 and not ends_sentence(t) and _PHOTO_AGENCY_RE.search(t)):
        return "credit"
    if _PROMO_START_RE.match(t) and n <= 14:
        return "promo-start"
    if _PROMO_END_RE.match(t) and n <= 10:
        return "promo-end"
    if n <= 8 and _COMMENTS_RE.match(t):
        return "comments"
    if n <= 25 and _RELATED_RE.match(t) and not ends_sentence(t):
        return "related"
    if n <= 6 and _SHARE_RE.match(t):
        return "share"
    if n <= 16 and _PROMO_RE.search(t):
        return "promo"
    if _CAPTION_OPENER_RE.match(t) and n <= 45:
        return "caption"
    if n <= 30 and not ends_sentence(t) and (
        _BREADCRUMB_START_RE.match(t) or len(_BREADCRUMB_SEP_RE.findall(t)) >= 2
    ):
        return "breadcrumb"
    if _SITE_NAME_RE.match(t):
        return "label"
    if n <= 40 and _LIVE_RE.match(t):
        return "promo"
    if n <= 60 and _may_trail_credit(t) and _TRAILING_CREDIT_RE.search(t):
        return "credited-caption"  # carries its own text: the line above is not its alt text
    if _BARE_DATE_RE.match(t):
        return "dateline"
    m = DATELINE_RE.match(t)
    if m and not words(t[m.end():]):
        return "dateline"
    return None


def _is_byline(t: str) -> bool:
    m = _BYLINE_RE.match(t)
    return bool(m) and m.group("name")[:1].isupper() and not t.endswith((".", "!", "?"))


def byline_name(text: str) -> str | None:
    t = strip_bullet(text)
    m = _LABELLED_AUTHOR_RE.match(t) or (_BYLINE_RE.match(t) if _is_byline(t) else None)
    if not m:
        return None
    name = m.group("name").strip().strip(",;:.")
    parts = [p.strip() for p in name.split(",")]
    kept = [parts[0]] + [p for p in parts[1:] if p[:1].isupper()]  # drop roles ("envoyé spécial")
    return ", ".join(p for p in kept if p) or None


@dataclass
class Analysis:
    lines: list[Line]
    title_index: int | None = None
    author: str | None = None
    dateline: str | None = None  # the date text of a dateline ("2025-02", "12 février 2025")
    duplicates: list[int] | None = None  # indices of repeated body paragraphs (kept, flagged)
    outlet: str | None = None  # outlet named by its own promo line


_ALT_TRIGGERS = {"credit", "caption"}
_SKIPPABLE = {"credit", "caption", "credited-caption", "label", "byline", "template"}


def _content(line: Line, raw: str) -> str:
    if line.prefix_end is None:
        return line.text
    return raw[line.prefix_end:line.end].strip()


def classify(raw: str, title: str | None = None) -> Analysis:
    """Split ``raw`` into lines and mark the furniture ones (``Line.kind``)."""
    lines = split_lines(raw)
    idx = [i for i, ln in enumerate(lines) if not ln.blank]
    for i in idx:
        lines[i].kind = lexical_kind(lines[i].text)
    dateline = None
    for i in idx:
        if lines[i].kind == "dateline" and dateline is None:
            dateline = (DATELINE_RE.match(lines[i].text) or _BARE_DATE_RE.match(lines[i].text)).group("date")

    _mark_promo_blocks(lines, idx)

    # inline metadata prefix ("date 2025-02 Le président ...") on the lines up to the first body one
    first_body = None
    for i in idx:
        ln = lines[i]
        if ln.kind is not None:
            continue
        m = DATELINE_RE.match(ln.text)
        if m and words(ln.text[m.end():]):
            rest = ln.text[m.end():]
            ln.prefix_end = ln.start + m.end() + (len(rest) - len(rest.lstrip(" \t-–—|:,")))
            if dateline is None:
                dateline = m.group("date")
        if is_body(_content(ln, raw)):
            first_body = i
            break

    # breadcrumbs that end with a later header line ("Home Section<headline>")
    header = [i for i in idx if first_body is not None and i < first_body]
    for a in header:
        if lines[a].kind is None:
            key = norm(lines[a].text)
            for b in header:
                other = norm(lines[b].text)
                if b > a and other and key != other and key.endswith(other) and len(key) - len(other) < 60:
                    lines[a].kind = "breadcrumb"
                    break

    title_index = _find_title(lines, idx, header if first_body is not None else idx[:3], title)
    if title_index is not None:
        key = norm(lines[title_index].text)
        for i in idx:
            if i != title_index and lines[i].kind is None and norm(lines[i].text) == key:
                lines[i].kind = "repeated-headline"
    if first_body is not None:
        for i in header:
            if lines[i].kind is None and i != title_index and _header_furniture(lines[i].text):
                lines[i].kind = "header"

    _mark_alt_text(lines, idx, title_index)
    _mark_after_related(lines, idx, raw)
    _mark_footer(lines, idx, raw)

    author = None
    for i in idx:
        if lines[i].kind == "byline":
            author = byline_name(lines[i].text)
            if author:
                break
    outlet = None
    for i in idx:
        m = _OUTLET_PROMO_RE.match(strip_bullet(lines[i].text)) if lines[i].kind in ("promo", "promo-start") else None
        if m:
            outlet = m.group("name").strip()
            break
    seen: set[str] = set()
    duplicates = []
    for i in idx:
        ln = lines[i]
        if ln.kind is None and len(words(ln.text)) >= 8:
            key = norm(ln.text)
            if key in seen:
                duplicates.append(i)
            seen.add(key)
    return Analysis(lines, title_index, author, dateline, duplicates, outlet)


def _header_furniture(text: str) -> bool:
    """Above the first paragraph, a line that is neither a sentence nor a long standfirst."""
    return not text.rstrip().endswith((".", "!", "?", "…", "»", '"', "”")) and len(words(text)) < 15


def _find_title(lines: list[Line], idx: list[int], header: list[int], title: str | None) -> int | None:
    if title:
        key = norm(title)
        for i in idx:
            if lines[i].kind in (None, "header") and norm(lines[i].text) == key:
                return i
    for i in header:
        if lines[i].kind is None and is_headline(lines[i].text):
            return i
    return None


def _mark_promo_blocks(lines: list[Line], idx: list[int]) -> None:
    for n, i in enumerate(idx):
        if lines[i].kind != "promo-start":
            continue
        for j in idx[n + 1 : n + 16]:
            if lines[j].kind == "promo-end":
                for k in idx[n : idx.index(j) + 1]:
                    lines[k].kind = "promo"
                break


def _mark_alt_text(lines: list[Line], idx: list[int], title_index: int | None) -> None:
    """The line just above a photo credit or caption label, when not a sentence, is the alt text."""
    for n, i in enumerate(idx):
        if lines[i].kind not in _ALT_TRIGGERS:
            continue
        for j in reversed(idx[max(0, n - 3) : n]):
            ln = lines[j]
            if ln.kind in _SKIPPABLE or ln.kind == "alt":
                continue
            if ln.kind is None and j != title_index and not ends_sentence(ln.text) and len(words(ln.text)) <= 60:
                ln.kind = "alt"
            break
        # a caption glued under its credit line ("Getty Images" / "Relatives wait at ...")
        nxt = i + 1
        if lines[i].kind == "credit" and nxt < len(lines) and lines[nxt].kind is None and not lines[nxt].blank:
            if not ends_sentence(lines[nxt].text) and len(words(lines[nxt].text)) <= 30:
                lines[nxt].kind = "caption"


def _mark_after_related(lines: list[Line], idx: list[int], raw: str) -> None:
    """Link titles listed under a "related articles" marker, up to the next paragraph."""
    active = False
    for i in idx:
        ln = lines[i]
        if ln.kind == "related":
            active = True
        elif active and ln.kind is None:
            if is_body(ln.text) and ends_sentence(ln.text):
                active = False
            elif len(words(ln.text)) <= 25:
                ln.kind = "related"


def _mark_footer(lines: list[Line], idx: list[int], raw: str) -> None:
    """After the last paragraph, short lines that are not sentences are footer furniture."""
    body = [i for i in idx if lines[i].kind is None and is_body(_content(lines[i], raw))]
    if not body:
        return
    for i in idx:
        ln = lines[i]
        if i > body[-1] and ln.kind is None and not ends_sentence(ln.text) and len(words(ln.text)) <= 15:
            ln.kind = "footer"
