-- Issue 11: the secret ballot against someone with a database login.
--
-- 1. The service connects as mutualvote_app, a role with no superuser rights that cannot read the ballot
--    table at all and cannot write participation: casting, paper batches, reading sealed ballots and
--    sealing go through the SECURITY DEFINER functions below, owned by the role that runs these
--    migrations. The functions hand ballots out only once voting has closed, and never a system column,
--    so the service's login cannot pair a ballot with a participation while voting is open.
-- 2. Ballots and participation are kept in one partition per contest. At close, seal_ballot_box rebuilds
--    both partitions into new tables (ballots in tracker order, participation in member order) and drops
--    the old ones, whose files are unlinked at commit: no old row version that paired a ballot with its
--    voter by transaction id or position survives in the tables (WAL and backups: see README).
--
-- Roles are cluster-wide: created once, idempotently, and safe when several databases migrate at once.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'mutualvote_app') then
        begin
            create role mutualvote_app login;
        exception when duplicate_object or unique_violation then
            null; -- another database's migration created it a moment ago
        end;
    end if;
end
$$;

-- Partition ballot and participation by contest, keeping the column types of the tables they replace.
alter table ballot rename to ballot_unpartitioned;
alter table participation rename to participation_unpartitioned;
alter table ballot_unpartitioned rename constraint ballot_pkey to ballot_unpartitioned_pkey;
alter table participation_unpartitioned rename constraint participation_pkey to participation_unpartitioned_pkey;
drop index ballot_contest;

create table ballot (
    like ballot_unpartitioned including defaults including constraints,
    primary key (contest_id, id),
    unique (contest_id, tracker),
    foreign key (contest_id) references contest (id)
) partition by list (contest_id);

create table participation (
    like participation_unpartitioned including defaults including constraints,
    primary key (contest_id, member_id),
    foreign key (contest_id) references contest (id),
    foreign key (member_id) references member (id)
) partition by list (contest_id);

-- A contest's partitions, made when voting opens. Partitions are the owner's alone: the service reaches
-- them only through the functions (a table made here would otherwise get the default grants below).
create function open_ballot_box(p_contest bigint) returns void
language plpgsql security definer as $$
begin
    execute format('create table if not exists %I partition of ballot for values in (%s)', 'ballot_' || p_contest, p_contest);
    execute format('create table if not exists %I partition of participation for values in (%s)', 'participation_' || p_contest, p_contest);
    execute format('revoke all on %I, %I from mutualvote_app', 'ballot_' || p_contest, 'participation_' || p_contest);
end
$$;

do $$
declare
    c bigint;
begin
    for c in select contest_id from ballot_unpartitioned union select contest_id from participation_unpartitioned
             union select id from contest where state in ('open', 'closed', 'counted', 'published') loop
        perform open_ballot_box(c);
    end loop;
end
$$;
insert into ballot select * from ballot_unpartitioned order by contest_id, tracker;
insert into participation select * from participation_unpartitioned order by contest_id, member_id;
drop table ballot_unpartitioned;
drop table participation_unpartitioned;

-- Casting: participation and ballot in one statement, the ballot only if the participation row was new
-- (its primary key refuses a second vote), for a member on the roll of an open contest.
create function cast_ballot(p_contest bigint, p_member bigint, p_id uuid, p_channel text, p_ranking text,
                            p_nonce text, p_tracker text) returns boolean
language plpgsql security definer as $$
declare
    n integer;
begin
    with voted as (
        insert into participation (contest_id, member_id)
        select p_contest, p_member
        where exists (select 1 from voter_roll r where r.contest_id = p_contest and r.member_id = p_member)
          and exists (select 1 from contest c where c.id = p_contest and c.state = 'open')
        on conflict do nothing returning contest_id)
    insert into ballot (id, contest_id, channel, ranking, nonce, tracker)
    select p_id, contest_id, p_channel, cast(p_ranking as integer[]), p_nonce, p_tracker from voted;
    get diagnostics n = row_count;
    return n = 1;
end
$$;

-- A batch of paper ballots against the marked register: the members in member order, the ballots in
-- tracker order. Returns how many participation rows were new; the caller refuses the batch (and rolls
-- it back) unless that is every member named.
create function record_papers(p_contest bigint, p_members bigint[], p_ids uuid[], p_rankings text[],
                              p_nonces text[], p_trackers text[]) returns integer
language plpgsql security definer as $$
declare
    n integer;
begin
    if not exists (select 1 from contest c where c.id = p_contest and c.state in ('open', 'closed')) then
        raise exception 'paper ballots are taken only while contest % is open or closed before its count', p_contest;
    end if;
    insert into participation (contest_id, member_id)
    select p_contest, m from unnest(p_members) m
    where exists (select 1 from voter_roll r where r.contest_id = p_contest and r.member_id = m)
    order by m
    on conflict do nothing;
    get diagnostics n = row_count;
    insert into ballot (id, contest_id, channel, ranking, nonce, tracker)
    select b.id, p_contest, 'paper', cast(b.ranking as integer[]), b.nonce, b.tracker
    from unnest(p_ids, p_rankings, p_nonces, p_trackers) as b (id, ranking, nonce, tracker)
    order by b.tracker;
    return n;
end
$$;

-- Ballots of a contest whose voting has closed, in tracker order, after a tracker ('' for the first);
-- with p_only, just the ballot with that tracker.
create function sealed_ballots(p_contest bigint, p_after text, p_limit integer, p_only text)
returns table (tracker text, channel text, ranking integer[], nonce text)
language plpgsql stable security definer as $$
begin
    if not exists (select 1 from contest c where c.id = p_contest and c.state in ('closed', 'counted', 'published')) then
        raise exception 'the ballots of contest % stay sealed until voting closes', p_contest;
    end if;
    return query select b.tracker::text, b.channel::text, b.ranking, b.nonce::text from ballot b
        where b.contest_id = p_contest and b.tracker > p_after and (p_only is null or b.tracker = p_only)
        order by b.tracker limit p_limit;
end
$$;

-- At close (the contest already marked closed in this transaction): each partition of the contest is
-- copied into a new table in an order of its own, the old one dropped and the copy put in its place.
create function seal_ballot_box(p_contest bigint) returns void
language plpgsql security definer as $$
declare
    t record;
begin
    if not exists (select 1 from contest c where c.id = p_contest and c.state = 'closed') then
        raise exception 'contest % is not closed, so its ballots cannot be sealed', p_contest;
    end if;
    perform open_ballot_box(p_contest);
    for t in select * from (values ('ballot', 'tracker'), ('participation', 'member_id')) as v (parent, sort) loop
        execute format('create table %I (like %I including defaults including constraints)',
                       t.parent || '_' || p_contest || '_sealed', t.parent);
        execute format('insert into %I select * from %I order by %I',
                       t.parent || '_' || p_contest || '_sealed', t.parent || '_' || p_contest, t.sort);
        execute format('alter table %I add check (contest_id = %s)', t.parent || '_' || p_contest || '_sealed', p_contest);
        execute format('alter table %I detach partition %I', t.parent, t.parent || '_' || p_contest);
        execute format('drop table %I', t.parent || '_' || p_contest);
        execute format('alter table %I rename to %I', t.parent || '_' || p_contest || '_sealed', t.parent || '_' || p_contest);
        execute format('alter table %I attach partition %I for values in (%s)', t.parent, t.parent || '_' || p_contest, p_contest);
        execute format('revoke all on %I from mutualvote_app', t.parent || '_' || p_contest);
    end loop;
end
$$;

-- What the service may do, in whatever schema these migrations run in.
do $$
declare
    s text := current_schema();
    f text;
begin
    execute format('grant usage on schema %I to mutualvote_app', s);
    execute format('grant select, insert, update, delete on all tables in schema %I to mutualvote_app', s);
    execute format('grant usage, select on all sequences in schema %I to mutualvote_app', s);
    -- Tables and sequences that later migrations make get the same grants.
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to mutualvote_app', s);
    execute format('alter default privileges in schema %I grant usage, select on sequences to mutualvote_app', s);
    if to_regclass(format('%I.flyway_schema_history', s)) is not null then
        execute format('revoke all on %I.flyway_schema_history from mutualvote_app', s);
    end if;
    revoke all on ballot from mutualvote_app;
    revoke all on participation from mutualvote_app;
    grant select on participation to mutualvote_app;          -- whether and how many voted, never what
    revoke update, delete, truncate on audit_entry from mutualvote_app;
    for f in select unnest(array['open_ballot_box(bigint)', 'cast_ballot(bigint,bigint,uuid,text,text,text,text)',
                                 'record_papers(bigint,bigint[],uuid[],text[],text[],text[])',
                                 'sealed_ballots(bigint,text,integer,text)', 'seal_ballot_box(bigint)']) loop
        execute format('alter function %s set search_path = %I, pg_temp', f, s);
        execute format('revoke all on function %s from public', f);
        execute format('grant execute on function %s to mutualvote_app', f);
    end loop;
end
$$;
