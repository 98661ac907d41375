-- Elections may count by ni85, the Northern Ireland 1985 STV rule that NHS foundation trusts' model
-- election rules follow; the service makes it the default for a new stv election.
alter table election drop constraint election_stv_rule_check;
alter table election add constraint election_stv_rule_check
    check (stv_rule in ('ni85', 'scotland', 'ers97', 'meek'));
