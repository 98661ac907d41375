package org.mutualvote.contest;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Opens and closes contests at the times their timetable states. Every instance runs it; the row
 * lock taken by each move makes a second instance find the contest already moved.
 */
@ApplicationScoped
class TimetableClock {

    private static final Logger LOG = Logger.getLogger(TimetableClock.class);

    private final ContestRepository contests;
    private final ContestLifecycle lifecycle;

    TimetableClock(ContestRepository contests, ContestLifecycle lifecycle) {
        this.contests = contests;
        this.lifecycle = lifecycle;
    }

    @Scheduled(every = "${mutualvote.timetable-check:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Instant now = Instant.now();
        for (Long id : dueContests(now)) {
            try {
                ContestState state = lifecycle.advanceOnTimetable(id, now);
                LOG.infof("Timetable moved contest %d to %s", id, state == null ? "-" : state.key());
            } catch (RuntimeException e) {
                LOG.warnf("Timetable could not move contest %d: %s", id, e.getMessage());
            }
        }
    }

    @Transactional
    List<Long> dueContests(Instant now) {
        return contests.due(now);
    }
}
