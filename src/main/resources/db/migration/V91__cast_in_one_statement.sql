-- Casting in one statement that is its own transaction. Before, a cast was BEGIN, the contest's shared advisory lock,
-- the voter check, cast_ballot and COMMIT: four round trips to the server, a quarter of the service's CPU per ballot
-- and half of the database's. The lock now lives in the function that writes the ballot, so the service sends it
-- without a transaction of its own (autocommit) and the lock is held until that statement's transaction ends; a
-- proxy's cast, inside the transaction that checked the appointment, holds it until that one ends.
--
-- Closing takes the same lock exclusively (ContestLocks.excludeCasting), so a cast waits for a close in flight and
-- then, reading the contest after the lock in a statement of its own (a new snapshot), sees it closed. The voting
-- deadline is checked against the time the service read its clock (p_now), as the service's own check did.
-- Answers: 'cast'; 'not-open' (closed, or past its deadline); 'not-on-roll'; 'voted' (a ballot was cast already).
drop function cast_ballot(bigint, bigint, uuid, text, text, text, text);

create function cast_ballot(p_contest bigint, p_member bigint, p_now timestamptz, p_id uuid, p_channel text,
                            p_ranking text, p_nonce text, p_tracker text) returns text
language plpgsql security definer as $$
declare
    n integer;
begin
    -- 19798 is 0x4D56, ContestLocks.NAMESPACE: the first key of every Mutual Vote advisory lock.
    perform pg_advisory_xact_lock_shared(19798, p_contest::integer);
    if not exists (select 1 from contest c where c.id = p_contest and c.state = 'open'
                   and (c.voting_close_at is null or p_now < c.voting_close_at)) then
        return 'not-open';
    end if;
    with voted as (
        insert into participation (contest_id, member_id)
        select p_contest, p_member
        where exists (select 1 from voter_roll r where r.contest_id = p_contest and r.member_id = p_member)
        on conflict do nothing returning contest_id)
    insert into ballot (id, contest_id, channel, ranking, nonce, tracker)
    select p_id, contest_id, p_channel, cast(p_ranking as integer[]), p_nonce, p_tracker from voted;
    get diagnostics n = row_count;
    if n = 1 then
        return 'cast';
    end if;
    if exists (select 1 from participation p where p.contest_id = p_contest and p.member_id = p_member) then
        return 'voted';
    end if;
    return 'not-on-roll';
end
$$;

do $$
begin
    execute format('alter function cast_ballot(bigint,bigint,timestamptz,uuid,text,text,text,text) set search_path = %I, pg_temp',
                   current_schema());
end
$$;
revoke all on function cast_ballot(bigint, bigint, timestamptz, uuid, text, text, text, text) from public;
grant execute on function cast_ballot(bigint, bigint, timestamptz, uuid, text, text, text, text) to mutualvote_app;
