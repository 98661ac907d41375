package org.mutualvote.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public long seq;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String details;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;

    /** HMAC-SHA-256 of the hash with the audit key, which is not in the database (null on entries from before V21). */
    public String mac;
}
