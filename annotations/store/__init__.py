"""The project store: documents and their annotations in a durable, TinyDB-based folder.

``Store`` (``store.py``) is the one way in: read a document's records (``docfile``), write a
change (``write``), ``compact``, ``close``. ``annotations.Project`` is the domain API over it.

Modules, each with one job:

* ``files``       durable writes (temp file, fsync, rename, folder fsync, ``.bak``), JSON
                  encoding, and the TinyDB storage built on them
* ``journal``     the write-ahead log: one checksummed line per change
* ``lock``        one writer at a time (the ``lock`` file and an OS lock)
* ``docfile``     one document's TinyDB file (tables document, spans, events, relations)
* ``packs``       many documents of one bulk add in one file, one record per line
* ``index``       the document index cache in ``project.json``, and the folder scan
* ``recovery``    replaying the journal at open (into the files, or in memory when read-only)
* ``compaction``  bringing the files up to date with the journal, and the trash
* ``damage``      what is missing or damaged, in words (warnings at open, ``check``)
* ``backup``      restoring a file from its ``.bak``; folder backups before a migration
* ``migrations``  upgrades of older on-disk formats

Design (why it looks like this)
-------------------------------
TinyDB's JSONStorage rewrites one whole file per change, in place. At 10,000 articles that is a
73 MB rewrite (2.4 s) per span, and a crash mid-write corrupts the file. So a project is a folder::

    project.json          TinyDB: format version, schema, and the document index (a cache)
    docs/<doc_id>.json    TinyDB per document: tables document, spans, events, relations
    docs/<doc_id>.json.bak   the previous saved version of that file (rolling backup, a hard link)
    docs/<id>-<n>.pack.json  a pack: n documents added together (a bulk import), until each one's
                          first change moves it into its own file
    journal               write-ahead log of changes not yet written into the files above
    lock                  who holds the project (pid, host); an OS lock guards it
    trash/                documents removed by the user (recoverable by hand)
    backups/              full copies taken before a format migration

* **A change is durable when one journal line is fsynced.** Every mutating call appends the
  records it changes (complete "after" states, checksummed) to ``journal`` and fdatasyncs it:
  one small append, the same cost as the fsync floor plus serialisation, whatever the project's
  size. A change that spans documents (renaming a type) is one line, so it is atomic too.
* **TinyDB files are brought up to date by compaction**: on close, when the journal passes 8 MB,
  or when many documents are pending. Each document file is written through
  ``DurableJSONStorage`` (temp file, fsync, ``os.replace``, fsync of the folder, previous version
  kept as ``.bak``), then project.json, then the journal is emptied. A crash at any point leaves
  complete files plus a journal whose replay (in order, idempotent) restores every acknowledged
  change; a torn last journal line (no newline) was never acknowledged and is dropped, a failed
  append is cut off before its error is raised, and a damaged complete line is skipped and
  reported (``journal``). A compaction that fails (a full disk) is a warning, retried later.
* **Bulk imports write packs.** Creating a file costs more than reading and decoding an article
  on some systems (0.7 ms a file on the machine this was built on), so ``add_documents`` writes
  its documents into one TinyDB file, ``docs/<first id>-<n>.pack.json`` (table ``documents``), made
  durable like any file above; that write is the commit point, without a journal line. A packed
  document is read from its pack; its first change gives it its own file at compaction, and the
  pack is then rewritten without it (a removed document likewise). A document found in both its
  own file and a pack (a crash between those two steps) is taken from its own file.
* **Document files are the truth; the index in project.json is a cache** (titles, statuses,
  counts, hashes, each file's size and mtime). On open the folder is listed and only files whose
  size/mtime differ from the cache are read again, so opening 10,000 articles reads one small
  JSON index and lists a folder. A pack's cache entries are checked against the pack (its last
  key, and each id at its place: a few bytes a document), and a document the cache lists that
  no file holds is reported missing, never dropped (``index``).
* **Readers need no lock.** ``Store.open(readonly=True)`` takes no lock and writes nothing: it
  reads the journal, then the files, and reads again if the writer compacted meanwhile (the
  docs folder, project.json or the journal changed identity); the journal is then replayed in
  memory. Files are only ever replaced whole (rename), so each read sees a complete file.
* **Exports read each document once, without keeping it.** ``Store.tables`` hands out a
  document's stored tables: from memory when the document is held there (changes not yet
  compacted), else straight from its file (orjson; the json module where orjson would read a
  number differently) or pack, not cached, so a pass over 10,000 articles neither evicts the
  documents being worked on nor grows with the number of documents.
* **Undo is data.** Every change is a ``model.Change`` with the records before and after; undo
  writes the "before" records back through the same path, redo writes "after".
* **Ids** are ``<doc>:T<n>`` (spans), ``<doc>:E<n>`` (events), ``<doc>:R<n>`` (relations), with the
  number as the TinyDB document id inside its table, so an id alone finds its file.

Rejected alternatives: one TinyDB file for everything (the 2.4 s rewrite above); one durable
file rewrite per change (3-4 metadata operations and two fsyncs per span: measured at ~7x the
fsync floor here, over the 5x target); SQLite (the product asks for TinyDB and readable JSON).
"""

from .backup import backup_project, restore_file
from .docfile import DocFile
from .packs import PACK_SUFFIX
from .store import FORMAT_NAME, FORMAT_VERSION, Store

__all__ = ["DocFile", "FORMAT_NAME", "FORMAT_VERSION", "PACK_SUFFIX", "Store", "backup_project", "restore_file"]
