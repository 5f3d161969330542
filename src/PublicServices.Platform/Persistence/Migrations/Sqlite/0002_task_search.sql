-- The keyword index of open tasks (Tasks/TaskSearch.cs), which the EF model cannot express: an FTS5 table over the
-- tasks' "SearchText" (external content: it keeps only the index, and reads nothing back from tasks for a MATCH),
-- kept by triggers in the same statement as each row. A transaction's words are written at its commit as one sorted
-- segment instead of a page per word. Its rowid is the tasks row's: after a VACUUM, which may renumber rows of a
-- table without an INTEGER PRIMARY KEY, run INSERT INTO task_search(task_search) VALUES ('rebuild').
DROP TABLE IF EXISTS task_search_terms; -- the B-tree of (word, task) it replaces, on a database made before it

CREATE VIRTUAL TABLE task_search USING fts5("SearchText", content='tasks', columnsize=0);

CREATE TRIGGER tasks_search_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO task_search (rowid, "SearchText") VALUES (new.rowid, new."SearchText");
END;

CREATE TRIGGER tasks_search_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO task_search (task_search, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
END;

CREATE TRIGGER tasks_search_update AFTER UPDATE OF "SearchText" ON tasks BEGIN
    INSERT INTO task_search (task_search, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
    INSERT INTO task_search (rowid, "SearchText") VALUES (new.rowid, new."SearchText");
END;

INSERT INTO task_search (task_search) VALUES ('rebuild');
