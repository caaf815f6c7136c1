"""Hand-made records for the store tests (our own sentences; no model needed)."""
from __future__ import annotations

from dossier.models import (Article, ArticleRecords, EntityInfo, Event, Mention, Participant, Quote,
                            Sentence)

TEXT = "Le ministre Alpha a rencontré Beta à Genève lundi. « Tout va bien », a dit Alpha."


def make_records(text: str = TEXT, title: str = "Alpha à Genève", source: str = "mem://1",
                 published: str | None = "2025-06-10", aliases: tuple[str, ...] = ("Alpha", "M. Alpha")) -> ArticleRecords:
    art = Article(raw_text=text, source=source, title=title, published=published,
                  published_precision="day" if published else "unknown", published_basis="manifest",
                  language="fr")
    return ArticleRecords(
        article=art,
        clean_text=text,
        boilerplate=[],
        sentences=[Sentence(0, 51, text[:51]), Sentence(52, len(text), text[52:])],
        mentions=[Mention(12, 17, "Alpha", "PER", "local:alpha", "Alpha", "person", sentence=0),
                  Mention(30, 34, "Beta", "PER", "local:beta", "Beta", "person", sentence=0)],
        entities={"local:alpha": EntityInfo("local:alpha", "Alpha", "person", aliases=list(aliases)),
                  "local:beta": EntityInfo("local:beta", "Beta", "person", aliases=["Beta"])},
        quotes=[Quote(54, 67, "Tout va bien ", "direct", "local:alpha", "Alpha", cue="a dit",
                      date="2025-06-10", sentence=1)],
        events=[Event(0, 51, text[:51], "meeting", "CONSULT",
                      participants=[Participant("local:alpha", "Alpha"), Participant("local:beta", "Beta")],
                      date="2025-06-09", date_precision="day", sentence=0)],
        pipeline_version="test",
    )
