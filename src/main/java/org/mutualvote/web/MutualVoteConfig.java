package org.mutualvote.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (prefix {@code mutualvote}); each has a default. */
@ConfigMapping(prefix = "mutualvote")
public interface MutualVoteConfig {

    Membership membership();

    Motions motions();

    /** Who runs this portal, as its landing page names them. */
    Organisation organisation();

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

    interface Motions {
        /** The most proxy appointments one member may hold in one poll (the Co-operatives UK model rules say 5). */
        @WithDefault("5")
        int maxProxiesPerHolder();
    }

    interface Organisation {
        /** The organisation's name, shown at the top of every page. */
        @WithDefault("Mutual Vote")
        String name();

        /** One sentence on what members decide here; empty: the portal's own words in each language. */
        Optional<String> purpose();

        /** Where members get help: an email address, a telephone number and/or a web page. */
        Optional<String> helpEmail();

        Optional<String> helpPhone();

        Optional<String> helpUrl();
    }
}
