# Sourced by the benchmark scripts (not run). register_voters TITLE PREFIX COUNT writes constituency 1000000000,
# called TITLE, and COUNT active members in it (ids 1000000001 on, subjects PREFIX1 to PREFIXCOUNT, the names
# LoadDriver signs tokens for) straight into the database through the caller's PSQL command, whose PGOPTIONS set
# the schema: the register is not what the benchmarks measure.
register_voters() {
  local title=$1 prefix=$2 count=$3
  "${PSQL[@]}" <<SQL
insert into constituency (id, name, kind, seats) values (1000000000, '$title', 'other', 1);
insert into member (id, subject, name, email, date_of_birth, constituency_id, status, joined_on)
select 1000000000 + g, '$prefix' || g, 'Voter ' || g, '$prefix' || g || '@example.org', date '1980-01-01',
       1000000000, 'active', current_date
from generate_series(1, $count) g;
SQL
}
