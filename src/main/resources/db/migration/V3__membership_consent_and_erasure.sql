-- Sign-up records when the member agreed to the membership terms (null for imported members until
-- they log in and claim their record).
alter table member add column consented_at timestamptz;

-- An erased member keeps only what the counts need: id, constituency, status and dates.
alter table member add constraint member_erased_has_no_personal_data check (
    erased_at is null or (subject is null and external_id is null and name is null and email is null
                          and date_of_birth is null and postcode is null and staff_class is null)
);

-- The register filtered by status alone (pending applications, the admin list); look-ups by email and by
-- employer staff number use the unique indexes of V2.
create index member_status on member (status);
