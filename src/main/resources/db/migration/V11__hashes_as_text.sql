-- Hashes, trackers and nonces are 64 hex characters, always. As char(64) they came back padded to the
-- column's width for any shorter value and every reader trimmed them; as text they read back as written.
-- (Casting char(n) to text drops trailing blanks, so existing values keep their meaning.)
alter table audit_entry alter column prev_hash type text, alter column hash type text;
alter table audit_head alter column hash type text;
alter table ballot alter column nonce type text, alter column tracker type text;
