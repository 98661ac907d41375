package org.mutualvote.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

public record AuditEntryView(long seq, Instant at, String actor, String action, String subject,
        @JsonRawValue String details, String prevHash, String hash) {

    static AuditEntryView from(AuditEntry e) {
        return new AuditEntryView(e.seq, e.at, e.actor, e.action, e.subject, e.details, e.prevHash, e.hash);
    }
}
