-- Motions: a poll (a contest of kind 'motion') holds one or more motions answered on one ballot, put
-- to one, several or all constituencies; members may vote through a proxy (DESIGN.md, Motion).

-- The constituencies a contest is put to when there are several (contest.constituency_id is the first).
create table contest_put_to (
    contest_id       bigint not null references contest (id),
    constituency_id  bigint not null references constituency (id),
    primary key (contest_id, constituency_id)
);

-- The class each member was in when the roll froze: class consent and weighted classes count by it.
alter table voter_roll add column constituency_id bigint references constituency (id);

create table motion_poll (
    contest_id           bigint primary key references contest (id),
    notice_published_at  timestamptz       -- the board gave notice: members see it, and it can no longer be edited
);

create sequence motion_seq start with 1 increment by 1;

create table motion (
    id                  bigint primary key,
    contest_id          bigint not null references contest (id),
    position            integer not null check (position >= 1),   -- its answer's place on the ballot (after the class code)
    title               text not null,
    resolution          text not null,
    statement_for       text not null default '',
    statement_against   text,
    threshold_num       integer not null,
    threshold_den       integer not null,
    threshold_at_least  boolean not null,
    denominator         text not null check (denominator in ('for-against', 'valid-ballots', 'roll')),
    quorum_members      integer check (quorum_members >= 0),
    quorum_share_num    integer,
    quorum_share_den    integer,
    weighting           text check (weighting in ('shares', 'caps')),
    check (threshold_num >= 1 and threshold_num <= threshold_den and (threshold_at_least or threshold_num < threshold_den)),
    check ((quorum_share_num is null) = (quorum_share_den is null)),
    unique (contest_id, position)
);

-- A constituency's part in one motion's rule: consent needed there, and/or its weight (share or cap).
create table motion_class (
    motion_id        bigint not null references motion (id),
    constituency_id  bigint not null references constituency (id),
    consent          boolean not null default false,
    weight_num       integer,
    weight_den       integer,
    check ((weight_num is null) = (weight_den is null)),
    primary key (motion_id, constituency_id)
);

create sequence proxy_seq start with 1 increment by 1;

-- A member's appointment of another as proxy for one poll. Directions (answer codes by motion position)
-- are cleared once the holder has cast the ballot, so no row keeps how a member voted.
create table proxy_appointment (
    id             bigint primary key,
    contest_id     bigint not null references contest (id),
    appointer_id   bigint not null references member (id),
    holder_id      bigint not null references member (id),
    directed       boolean not null,
    directions     integer[],
    appointed_at   timestamptz not null,
    revoked_at     timestamptz,
    void_reason    text,
    check (appointer_id <> holder_id)
);
create unique index proxy_one_per_appointer on proxy_appointment (contest_id, appointer_id) where revoked_at is null;
create index proxy_holder on proxy_appointment (contest_id, holder_id);
