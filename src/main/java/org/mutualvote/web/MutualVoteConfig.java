package org.mutualvote.web;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (prefix {@code mutualvote}); each has a default. */
@ConfigMapping(prefix = "mutualvote")
public interface MutualVoteConfig {

    Membership membership();

    Web web();

    /**
     * How often each instance applies contest timetables (a duration such as {@code 15s}). Nothing calls this:
     * TimetableClock's {@code @Scheduled(every = "${mutualvote.timetable-check:15s}")} reads the setting, as an
     * annotation must, and the tests set it to 1s. It stays here so the setting is declared, documented and
     * checked with the service's other settings.
     */
    @WithDefault("15s")
    String timetableCheck();

    interface Web {
        /**
         * Origins besides the service's own that the portal's pages are served from (behind a proxy that
         * rewrites the host, say), e.g. {@code https://vote.example.org}. Cookie-authenticated changes from
         * any other origin are refused.
         */
        Optional<List<String>> origins();

        /**
         * Sign-ups admitted per client address per minute; more get 429 with Retry-After. Generous, because a
         * hospital's staff may all come from one address.
         */
        @WithDefault("30")
        int signUpsPerAddressPerMinute();

        /** Sign-ups admitted from all addresses together per minute, across every instance. */
        @WithDefault("300")
        int signUpsPerMinute();
    }

    interface Membership {
        /** The largest CSV a member import accepts, in bytes (a 100,000-row staff list is about 8 MB). */
        @WithDefault("20971520")
        long importMaxBytes();
    }
}
