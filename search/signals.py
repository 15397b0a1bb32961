"""The search index follows every section's items: written when one is saved, removed when it is deleted.

The receivers only call `search.index`, where the work is; `SearchConfig.ready` connects them to each
section's model, so no section needs code of its own.
"""

from search.index import index_object, unindex_object


def index_saved_item(sender, instance, raw=False, **kwargs):
    if not raw:  # a fixture being loaded: `rebuild_search_index` indexes it afterwards
        index_object(instance)


def unindex_deleted_item(sender, instance, **kwargs):
    unindex_object(instance)
