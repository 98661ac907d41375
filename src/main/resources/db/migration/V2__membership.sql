-- The register of members (DESIGN.md Domain: Constituency, Member).
create sequence constituency_seq start with 1 increment by 1;

create table constituency (
    id                   bigint primary key,
    name                 text not null,
    kind                 text not null check (kind in ('public', 'staff', 'patient', 'other')),
    seats                integer not null check (seats >= 1),
    min_age              integer not null default 16 check (min_age between 0 and 120),
    review_applications  boolean not null default false,
    retired              boolean not null default false,
    created_at           timestamptz not null default now(),
    version              integer not null default 0
);
create unique index constituency_name_unique on constituency (lower(name));

-- Public constituencies: postcode districts such as LS6, matched on the member's postcode.
create table constituency_area (
    constituency_id  bigint not null references constituency (id),
    district         text not null,
    primary key (constituency_id, district)
);

-- Staff constituencies: the staff classes they admit (medical, nursing, ...).
create table constituency_staff_class (
    constituency_id  bigint not null references constituency (id),
    staff_class      text not null,
    primary key (constituency_id, staff_class)
);

create sequence member_seq start with 1 increment by 50;

create table member (
    id               bigint primary key,
    subject          text unique,          -- the OIDC "sub" this member logs in as; null until linked
    external_id      text unique,          -- an employer's staff number, from CSV import
    name             text,                 -- personal data: null once erased
    email            text,
    date_of_birth    date,
    postcode         text,
    staff_class      text,
    constituency_id  bigint not null references constituency (id),
    status           text not null check (status in ('pending', 'active', 'lapsed', 'removed')),
    joined_on        date not null,
    erased_at        timestamptz,
    version          integer not null default 0
);
create unique index member_email_unique on member (lower(email));
create index member_constituency_status on member (constituency_id, status);
create index member_name_search on member (lower(name));
