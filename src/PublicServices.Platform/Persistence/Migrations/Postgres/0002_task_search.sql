-- The keyword index of open tasks (Tasks/TaskSearch.cs), which the EF model cannot express: a GIN index on the words
-- of "SearchText" taken verbatim as lexemes (no text-search parser or dictionary: a dossier code stays one word).
-- The query repeats this expression exactly, so that the planner uses the index.
DROP TABLE IF EXISTS task_search_terms; -- the B-tree of (word, task) it replaces, on a database made before it

CREATE INDEX "IX_tasks_search" ON tasks USING gin (array_to_tsvector(array_remove(string_to_array("SearchText", ' '), '')));
