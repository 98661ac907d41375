package org.mutualvote.motion;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member's appointment of another member as their proxy for one poll. */
@Entity
@Table(name = "proxy_appointment")
public class ProxyAppointment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proxy_seq")
    @SequenceGenerator(name = "proxy_seq", sequenceName = "proxy_seq", allocationSize = 1)
    public Long id;

    @Column(name = "contest_id", nullable = false)
    public Long contestId;

    @Column(name = "appointer_id", nullable = false)
    public Long appointerId;

    @Column(name = "holder_id", nullable = false)
    public Long holderId;

    public boolean directed;

    /** Answer codes by motion position while a directed proxy waits to be cast; null afterwards. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public int[] directions;

    @Column(name = "appointed_at", nullable = false)
    public Instant appointedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "void_reason")
    public String voidReason;
}
