package org.mutualvote.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (prefix {@code mutualvote}); each has a default. */
@ConfigMapping(prefix = "mutualvote")
public interface MutualVoteConfig {

    Membership membership();

    /**
     * How often each instance applies contest timetables (a duration such as {@code 15s}). Nothing calls this:
     * TimetableClock's {@code @Scheduled(every = "${mutualvote.timetable-check:15s}")} reads the setting, as an
     * annotation must, and the tests set it to 1s. It stays here so the setting is declared, documented and
     * checked with the service's other settings.
     */
    @WithDefault("15s")
    String timetableCheck();

    interface Membership {
        /** The largest CSV a member import accepts, in bytes (a 100,000-row staff list is about 8 MB). */
        @WithDefault("20971520")
        long importMaxBytes();
    }
}
