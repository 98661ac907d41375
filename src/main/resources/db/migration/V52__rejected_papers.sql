-- Paper ballots rejected at the count, by the reasons of the election rules (rule 46(1)): how many of each,
-- never which papers. Recorded by the returning officer after the close and before the count.
create table rejected_papers (
    contest_id               bigint primary key references election (contest_id),
    no_official_mark         integer not null default 0 check (no_official_mark >= 0),
    no_first_preference      integer not null default 0 check (no_first_preference >= 0),
    first_preference_for_two integer not null default 0 check (first_preference_for_two >= 0),
    voter_identifiable       integer not null default 0 check (voter_identifiable >= 0),
    void_for_uncertainty     integer not null default 0 check (void_for_uncertainty >= 0)
);
