-- Casting in one statement that is its own transaction. Before, a cast was BEGIN, the contest's shared advisory lock,
-- the voter check, cast_ballot and COMMIT: four round trips to the server, a fifth of the service's CPU per ballot
-- and more of the database's than the two inserts themselves. cast_ballot now takes the lock, checks the contest and
-- the voter after it, and writes participation and ballot, so the service sends one statement without a transaction
-- of its own (autocommit) and the lock is held until that statement's transaction ends; a proxy's cast, inside the
-- transaction that checked the appointment, holds it until that one ends.
--
-- Closing takes the same lock exclusively (ContestLocks.excludeCasting), so a cast waits for a close in flight and
-- then, reading the contest after the lock in a statement of its own (a new snapshot), sees it closed. The voting
-- deadline is checked against the time the service read its clock (p_now).
--
-- The voter is the active member with subject p_subject, or (a proxy's cast) the active member p_member. With
-- p_ranking null nothing is written: the answer says only whether this voter may vote here now, and who they are.
-- Answers, with the contest's state and the voter's member id where known:
--   'cast'; 'voted' (they had voted already); 'may-vote' (p_ranking null); 'no-contest';
--   'not-open' (contest_state is the contest's state, or 'closed' once the deadline has passed); 'not-on-roll'.
drop function cast_ballot(bigint, bigint, uuid, text, text, text, text);

create function cast_ballot(p_contest bigint, p_subject text, p_member bigint, p_now timestamptz, p_id uuid,
                            p_channel text, p_ranking text, p_nonce text, p_tracker text,
                            out answer text, out contest_state text, out voter bigint)
language plpgsql security definer as $$
declare
    closes_at timestamptz;
begin
    -- 19798 is 0x4D56, ContestLocks.NAMESPACE: the first key of every Mutual Vote advisory lock.
    perform pg_advisory_xact_lock_shared(19798, p_contest::integer);
    select c.state, c.voting_close_at into contest_state, closes_at from contest c where c.id = p_contest;
    if not found then
        answer := 'no-contest';
        return;
    end if;
    if contest_state <> 'open' or (closes_at is not null and p_now >= closes_at) then
        answer := 'not-open';
        contest_state := case when contest_state = 'open' then 'closed' else contest_state end;
        return;
    end if;
    if p_member is null then
        select m.id into voter from member m where m.subject = p_subject and m.status = 'active';
    else
        select m.id into voter from member m where m.id = p_member and m.status = 'active';
    end if;
    if voter is null or not exists (select 1 from voter_roll r where r.contest_id = p_contest and r.member_id = voter) then
        answer := 'not-on-roll';
        return;
    end if;
    if p_ranking is null then
        answer := 'may-vote';
        return;
    end if;
    insert into participation (contest_id, member_id) values (p_contest, voter) on conflict do nothing;
    if not found then
        answer := 'voted';
        return;
    end if;
    insert into ballot (id, contest_id, channel, ranking, nonce, tracker)
    values (p_id, p_contest, p_channel, cast(p_ranking as integer[]), p_nonce, p_tracker);
    answer := 'cast';
end
$$;

do $$
begin
    execute format('alter function cast_ballot(bigint,text,bigint,timestamptz,uuid,text,text,text,text) set search_path = %I, pg_temp',
                   current_schema());
end
$$;
revoke all on function cast_ballot(bigint, text, bigint, timestamptz, uuid, text, text, text, text) from public;
grant execute on function cast_ballot(bigint, text, bigint, timestamptz, uuid, text, text, text, text) to mutualvote_app;
