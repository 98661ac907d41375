-- The digest of a contest's ballot set (a Merkle root over the trackers in tracker order, see
-- count/BallotSet), fixed when voting closes and written into the audit log with it. Counting checks
-- the ballots against it, and the result and the bulletin board show it (issue 11).
alter table contest add column ballot_digest text;
alter table contest add column sealed_ballots integer;
