-- Hardening (issue 12). The API refuses these values with a 400 problem first; the schema refuses them
-- too, so no other writer (an import path, a script with a database login) can store them.
-- NOT VALID: enforced on every new or changed row; rows written before this migration are not re-read
-- (run "alter table ... validate constraint ..." once they are checked).

alter table member add constraint member_date_of_birth_plausible
    check (date_of_birth is null or (date_of_birth >= date '1900-01-01' and date_of_birth < date '2200-01-01')) not valid;
alter table member add constraint member_text_plain
    check (name !~ '[[:cntrl:]\u202A-\u202E\u2066-\u2069]' and email !~ '[[:cntrl:][:space:]]'
           and postcode !~ '[[:cntrl:]]' and staff_class !~ '[[:cntrl:]]') not valid;
alter table constituency add constraint constituency_name_plain
    check (name !~ '[[:cntrl:]\u202A-\u202E\u2066-\u2069]' and btrim(name) <> '') not valid;
alter table contest add constraint contest_title_plain
    check (title !~ '[[:cntrl:]\u202A-\u202E\u2066-\u2069]' and btrim(title) <> '') not valid;
alter table contest add constraint contest_timetable_plausible check (
    (nominations_open_at is null or nominations_open_at between timestamptz '1900-01-01 00:00Z' and timestamptz '2200-01-01 00:00Z')
    and (nominations_close_at is null or nominations_close_at between timestamptz '1900-01-01 00:00Z' and timestamptz '2200-01-01 00:00Z')
    and (voting_open_at is null or voting_open_at between timestamptz '1900-01-01 00:00Z' and timestamptz '2200-01-01 00:00Z')
    and (voting_close_at is null or voting_close_at between timestamptz '1900-01-01 00:00Z' and timestamptz '2200-01-01 00:00Z')) not valid;
alter table candidate add constraint candidate_name_plain
    check (name !~ '[[:cntrl:]\u202A-\u202E\u2066-\u2069]' and btrim(name) <> '') not valid;

-- Rate limits shared by every instance (DESIGN.md: stateless instances, PostgreSQL holds all state):
-- one row per bucket and fixed window, counted up atomically by an upsert.
create table rate_window (
    bucket        text not null,
    window_start  timestamptz not null,
    hits          integer not null,
    primary key (bucket, window_start)
);
