-- Surplus-sharing votes (issue 9): the question a surplus contest asks, and dividends shared out after it.
-- Ballots, participation, the roll and the result live in the shared contest tables (V10).

create table surplus_vote (
    contest_id     bigint primary key references contest (id),
    surplus_pence  bigint not null check (surplus_pence > 0),
    form           text not null check (form in ('split', 'proposals')),
    rule           text check (rule in ('mean', 'independent-markets')),
    -- Pots (name, kind), limits and proposals as the board drafted them, one JSON document read and
    -- frozen whole: the service refuses any change once voting opens.
    question       text not null,
    check ((form = 'split') = (rule is not null))
);

create sequence dividend_seq start with 1 increment by 1;

-- One sharing-out of a dividend pot among eligible members; the inputs' digest and the seed make it repeatable.
create table dividend (
    id               bigint primary key,
    contest_id       bigint not null references contest (id),
    pot_position     integer not null check (pot_position >= 1),
    pot_pence        bigint not null check (pot_pence >= 0),
    basis            text not null check (basis in ('equal', 'hours', 'pay', 'membership', 'trade')),
    record_date      date not null,
    constituency_ids text not null,          -- comma-separated ids, ascending
    total_figure     bigint not null check (total_figure > 0),
    members          integer not null,
    seed             bigint not null,
    inputs_digest    text not null check (length(inputs_digest) = 64),
    calculated_by    text not null,
    calculated_at    timestamptz not null,
    unique (contest_id, pot_position)
);

create sequence dividend_share_seq start with 1 increment by 50;

-- A member's share: the figure it was worked out from (hundredths of an hour, pence, days or 1) and the pence.
create table dividend_share (
    id           bigint primary key,
    dividend_id  bigint not null references dividend (id),
    member_id    bigint not null references member (id),
    figure       bigint not null check (figure >= 0),
    pence        bigint not null check (pence >= 0),
    unique (dividend_id, member_id)
);
create index dividend_share_member on dividend_share (member_id);
