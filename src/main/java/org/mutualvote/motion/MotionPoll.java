package org.mutualvote.motion;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a poll of motions adds to its contest: when the board gave notice of it. */
@Entity
@Table(name = "motion_poll")
public class MotionPoll {

    @Id
    @Column(name = "contest_id")
    public Long contestId;

    /** Once set, members see the poll, may appoint proxies, and the motions can no longer be edited. */
    @Column(name = "notice_published_at")
    public Instant noticePublishedAt;
}
