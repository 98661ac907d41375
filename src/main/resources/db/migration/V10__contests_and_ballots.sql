-- Contests, elections, the frozen voter roll, and the ballot and participation tables that must
-- never be linkable (DESIGN.md rules 1-3).
create sequence contest_seq start with 1 increment by 1;

create table contest (
    id                    bigint primary key,
    kind                  text not null check (kind in ('election', 'motion', 'surplus')),
    title                 text not null,
    constituency_id       bigint not null references constituency (id),
    state                 text not null check (state in ('draft', 'nominations', 'open', 'closed', 'counted', 'published')),
    nominations_open_at   timestamptz,
    nominations_close_at  timestamptz,
    voting_open_at        timestamptz,
    voting_close_at       timestamptz,
    roll_size             integer,
    roll_frozen_at        timestamptz,
    created_at            timestamptz not null default now(),
    version               integer not null default 0
);
create index contest_constituency on contest (constituency_id, state);

create table election (
    contest_id  bigint primary key references contest (id),
    seats       integer not null check (seats >= 1),
    method      text not null check (method in ('fptp', 'irv', 'stv')),
    stv_rule    text check (stv_rule in ('scotland', 'ers97', 'meek')),
    check ((method = 'stv') = (stv_rule is not null)),
    check (method <> 'irv' or seats = 1)
);

create sequence candidate_seq start with 1 increment by 1;

create table candidate (
    id          bigint primary key,
    contest_id  bigint not null references contest (id),
    position    integer not null,          -- 1-based, the candidate's number in BLT files
    name        text not null,
    statement   text not null default '',
    photo_url   text,
    withdrawn   boolean not null default false,
    unique (contest_id, position)
);
create unique index candidate_name_unique on candidate (contest_id, lower(name));

-- Who may vote, fixed when voting opens; its size is the turnout denominator.
create table voter_roll (
    contest_id  bigint not null references contest (id),
    member_id   bigint not null references member (id),
    primary key (contest_id, member_id)
);

-- The fact that a member voted. Its primary key is what makes one member one vote.
-- No timestamp: when someone voted is nobody's business and would order them against ballots.
create table participation (
    contest_id  bigint not null references contest (id),
    member_id   bigint not null references member (id),
    primary key (contest_id, member_id)
);

-- The content of one vote. No member id, no timestamp, a random id: nothing links it to a participation.
create table ballot (
    id          uuid primary key,
    contest_id  bigint not null references contest (id),
    channel     text not null check (channel in ('online', 'paper')),
    ranking     integer[] not null,        -- candidate positions, most preferred first
    nonce       char(64) not null,
    tracker     char(64) not null unique   -- SHA-256 over contest, channel, ranking and nonce
);
create index ballot_contest on ballot (contest_id, tracker);

create table contest_result (
    contest_id    bigint primary key references contest (id),
    rule          text not null,
    seed          bigint not null,
    uncontested   boolean not null default false,
    online_ballots integer not null,
    paper_ballots integer not null,
    report        text not null,            -- the counting engine's JSON, every stage, verbatim
    counted_at    timestamptz not null,
    published_at  timestamptz
);
