-- Each audit entry is MACed with a key that is not in the database (mutualvote.audit.key): someone who
-- rewrites an entry and recomputes every hash after it still cannot make the MACs fit (issue 11).
-- Entries written before this migration have none; verify reports them as unsigned.
alter table audit_entry add column mac text;
