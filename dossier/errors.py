"""Domain exceptions. Raised in the library, translated once at each boundary (CLI, HTTP)."""


class DossierError(Exception):
    """Base class: a problem the user can fix; the message is one line and names the input."""


class InputError(DossierError):
    """An input (file, line, URL, feed) could not be read. The rest of a batch goes on."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class StoreError(DossierError):
    """The database cannot be opened or written."""


class AlreadyStored(StoreError):
    """An article whose content hash is already stored (perhaps by a concurrent ingest)."""

    def __init__(self, source: str, article_id: int | None = None):
        self.source = source
        self.article_id = article_id
        super().__init__(f"{source}: already stored" + (f" as #{article_id}" if article_id else ""))


class NotFound(DossierError):
    """An id or name that the database does not hold."""


class GoldError(DossierError):
    """A gold file that is not in the dossier-gold/1 format."""


class ProcessingError(DossierError):
    """The per-article pipeline raised on one article. ``failure`` names the article, the
    component that raised and the exception, on one line (:class:`dossier.models.ArticleFailure`)."""

    def __init__(self, failure):
        self.failure = failure
        super().__init__(failure.line)
