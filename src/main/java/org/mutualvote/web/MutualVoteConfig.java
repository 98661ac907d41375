package org.mutualvote.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (prefix {@code mutualvote}); each has a default. */
@ConfigMapping(prefix = "mutualvote")
public interface MutualVoteConfig {

    Membership membership();

    Secrecy secrecy();

    Audit audit();

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

    interface Audit {
        /** The development and test default of {@link #key()}; production must set its own. */
        String DEV_KEY = "mutual-vote-dev-audit-key-not-for-production";

        /**
         * The key every audit entry and every published chain head is MACed with (HMAC-SHA-256). Keep it out
         * of the database and its backups, like the OIDC client secret: set MUTUALVOTE_AUDIT_KEY in production.
         */
        @WithDefault(DEV_KEY)
        String key();
    }

    interface Secrecy {
        /**
         * Small numbers: a contest whose roll is smaller than this opens only with an explicit, audited
         * override, and a result with a roll or a turnout below it shows no individual ballot to anyone
         * but the returning officer and scrutineers. 0 turns the rule off.
         */
        @WithDefault("10")
        int minimumRoll();
    }
}
