-- Append-only, hash-chained audit log (DESIGN.md rule 6).
-- Each entry carries the SHA-256 of the one before; audit_head holds the tip of the chain and is
-- locked by every writer, so entries are appended one at a time in commit order.
create table audit_entry (
    seq        bigint primary key,
    at         timestamptz not null,
    actor      text not null,
    action     text not null,
    subject    text not null,
    details    text not null,
    prev_hash  char(64) not null,
    hash       char(64) not null unique
);

create table audit_head (
    id    smallint primary key check (id = 1),
    seq   bigint not null,
    hash  char(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
