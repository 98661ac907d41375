-- The model election rules' timetable of an election: every date the rules require, as the returning
-- officer set it (local dates of the trust; the contest's instants for nominations and voting follow from them).
create table election_timetable (
    contest_id               bigint primary key references election (contest_id),
    notice_of_election       date not null,
    nominations_close        date not null,
    statement_of_candidates  date not null,
    withdrawals_close        date not null,
    notice_of_poll           date not null,
    voting_information       date not null,
    close_of_poll            date not null,
    count_day                date not null,
    check (notice_of_election <= nominations_close and nominations_close <= statement_of_candidates
           and statement_of_candidates <= withdrawals_close and withdrawals_close <= notice_of_poll
           and notice_of_poll <= close_of_poll and voting_information <= close_of_poll and close_of_poll <= count_day)
);
