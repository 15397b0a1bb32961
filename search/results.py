"""The results page of search: reads the query string, pages the matches and prepares each result.

Whatever the input (empty, very long, punctuation, query syntax, SQL, mixed scripts, a lone combining
mark), the outcome is a normal page; problems become notices. A page costs a fixed number of queries:
the synonym groups of the page's language, the ranked ids of the matches (at most MAX_CANDIDATES; one more
when nothing matched and the misspelling fallback runs, on PostgreSQL), the known words close to the query's
when fewer than SUGGEST_BELOW items matched ("did you mean"), then the page's `SearchDocument`s, which carry
all a result shows.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from content.languages import FALLBACK_LANGUAGE
from content.sections import SECTIONS_BY_NAME
from search.index import MAX_CANDIDATES, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, Search, highlight, suggestion
from search.models import SearchDocument, SynonymGroup

SNIPPET_LENGTH = 240
SUGGEST_BELOW = 3  # "did you mean" is offered when fewer items than this matched


@dataclass
class Result:
    section: object
    url: str
    title: str
    snippet: str
    title_language: str  # the language of the text shown when it is not the page's (Arabic standing in)
    snippet_language: str
    publish_at: object


class SearchResults:
    def __init__(self, params, per_page=10):
        self.per_page = per_page
        self.notices = []
        raw = (params.get("q") or "").strip()
        language = get_language() or FALLBACK_LANGUAGE
        synonyms = SynonymGroup.objects.phrases_for(language) if raw else []
        self.search = Search.parse(raw, synonyms)
        if self.search.shortened:
            words = ngettext("%(count)s word", "%(count)s words", MAX_QUERY_WORDS) % {"count": MAX_QUERY_WORDS}
            characters = ngettext("%(count)s character", "%(count)s characters", MAX_QUERY_LENGTH) % {
                "count": MAX_QUERY_LENGTH
            }
            self.notices.append(
                _("Your search was long: only its first %(words)s or %(characters)s were used.")
                % {"words": words, "characters": characters}
            )
        self.section = params.get("section", "")
        if self.section and self.section not in SECTIONS_BY_NAME:
            self.notices.append(_("There is no such section; all sections were searched."))
            self.section = ""
        self.page_param = params.get("page")
        self.fuzzy = False

    def documents(self):
        base = SearchDocument.objects.published()
        return base.filter(section=self.section) if self.section else base

    def context(self):
        text = self.search.text
        context = {
            "query": text,
            "search_query": text,
            "section": self.section,
            "has_words": bool(self.search.terms),
            "max_candidates": MAX_CANDIDATES,
        }
        if not text:
            return context
        ranked, self.fuzzy = self.ranking()
        paginator = Paginator(ranked, self.per_page, allow_empty_first_page=True)
        page = paginator.get_page(self.page_param)
        if self.page_param is not None and str(page.number) != self.page_param:
            self.notices.append(_("That page does not exist; here is page %(number)s.") % {"number": page.number})
        context.update(
            {
                "paginator": paginator,
                "page_obj": page,
                "is_paginated": page.has_other_pages(),
                "results": self.results(list(page.object_list)),
                "result_count": paginator.count,
                "capped": paginator.count >= MAX_CANDIDATES,
                "fuzzy": self.fuzzy,
                "suggestion": self.suggestion(paginator.count),
            }
        )
        return context

    def suggestion(self, count):
        """The query corrected to words public items use, when few matched; "" otherwise or when nothing
        changes."""
        if count >= SUGGEST_BELOW:
            return ""
        corrected = suggestion(self.search.text)
        return corrected if corrected and corrected != self.search.text else ""

    def ranking(self):
        """(the ids of the matches, best first; whether they only look like the words)."""
        ranked = self.search.ranked_ids(self.documents())
        if not ranked and self.search.terms:
            similar = self.search.ranked_ids(self.documents(), similar=True)
            return similar, bool(similar)
        return ranked, False

    def results(self, ids):
        # Only what a result shows: the stemmed terms and vector are the largest columns by far.
        documents = SearchDocument.objects.only("section", "publish_at", "display").in_bulk(ids)
        return [self.result(documents[pk], self.search.stems) for pk in ids if pk in documents]

    @staticmethod
    def result(document, stems):
        section = SECTIONS_BY_NAME[document.section]
        display = document.display or {}
        language = get_language() or FALLBACK_LANGUAGE
        titles = display.get("title", {})
        texts = display.get("text", {})
        shown = language if titles.get(language) else FALLBACK_LANGUAGE
        text_language = shown if texts.get(shown) else FALLBACK_LANGUAGE
        return Result(
            section=section,
            url=section.detail_url(display.get("slug", "")),
            title=highlight(titles.get(shown, ""), stems),
            snippet=highlight(texts.get(text_language, ""), stems, length=SNIPPET_LENGTH),
            title_language="" if shown == language else shown,
            snippet_language="" if text_language == language else text_language,
            publish_at=document.publish_at,
        )
