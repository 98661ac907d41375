-- Closing an election of a million ballots spent most of its time in two places (bench/service-count.sh):
-- sealing sorted the ballots on disk in 4 MB pieces and built the partition's indexes in 64 MB, and the
-- digest fixed at close read every ballot whole to hash only its tracker.

-- The seal sorts and indexes one contest's ballots in memory: work_mem for the ordered copy,
-- maintenance_work_mem for the indexes built when the copy is attached.
alter function seal_ballot_box(bigint) set work_mem = '256MB';
alter function seal_ballot_box(bigint) set maintenance_work_mem = '512MB';

-- Just the trackers of a closed contest, in tracker order: all the digest of the ballot set needs.
create function sealed_trackers(p_contest bigint)
returns table (tracker text)
language plpgsql stable security definer as $$
begin
    if not exists (select 1 from contest c where c.id = p_contest and c.state in ('closed', 'counted', 'published')) then
        raise exception 'the ballots of contest % stay sealed until voting closes', p_contest;
    end if;
    return query select b.tracker::text from ballot b where b.contest_id = p_contest order by b.tracker;
end
$$;

do $$
begin
    execute format('alter function sealed_trackers(bigint) set search_path = %I, pg_temp', current_schema());
end
$$;
revoke all on function sealed_trackers(bigint) from public;
grant execute on function sealed_trackers(bigint) to mutualvote_app;
