package org.mutualvote.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (prefix {@code mutualvote}); each has a default. */
@ConfigMapping(prefix = "mutualvote")
public interface MutualVoteConfig {

    Membership membership();

    Secrecy secrecy();

    Audit audit();

    Web web();

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

    /**
     * How often each instance asks the OIDC provider whether it is there (its discovery document and signing keys);
     * while it is not, signed-in API calls answer 503 with this as Retry-After (security/OidcProviderWatch, whose
     * {@code @Scheduled} reads the same key). Tests set 1s.
     */
    @WithDefault("5s")
    Duration oidcCheck();

    /**
     * The model election rules' timetable, in working days counted back from the close of poll (Saturdays, Sundays
     * and the listed bank holidays disregarded); constitutions vary, so each trust sets its own.
     */
    ElectionTimetable electionTimetable();

    /** Names printed on an election's notices, count sheet and declaration. */
    Documents documents();

    interface Documents {
        /** The body holding the elections, as the notices name it. */
        @WithDefault("the Trust")
        String organisation();

        /** The returning officer who signs the notices, the count sheet and the declaration. */
        @WithDefault("the Returning Officer")
        String returningOfficer();
    }

    interface ElectionTimetable {
        /** Notice of election published at least this many working days before the close of poll. */
        @WithDefault("40")
        int noticeOfElection();

        /** Nominations close at least this many working days before the close of poll. */
        @WithDefault("28")
        int nominationsClose();

        /** The statement of nominated candidates published at least this many working days before. */
        @WithDefault("27")
        int statementOfCandidates();

        /** The last day for candidates to withdraw, at least this many working days before. */
        @WithDefault("25")
        int withdrawalsClose();

        /** The notice of poll published at least this many working days before. */
        @WithDefault("15")
        int noticeOfPoll();

        /** Voting information issued to members at least this many working days before. */
        @WithDefault("15")
        int votingInformation();

        /** The count, proposed this many working days after the close of poll (0: the same day). */
        @WithDefault("1")
        int countAfter();

        /** The hour at which nominations and the poll close, local time. */
        @WithDefault("17:00")
        LocalTime closingTime();

        /** The time zone of the trust's dates. */
        @WithDefault("Europe/London")
        ZoneId zone();

        /** Bank holidays (ISO dates) the periods disregard besides weekends; England and Wales 2026-2027 by default. */
        @WithDefault("2026-01-01,2026-04-03,2026-04-06,2026-05-04,2026-05-25,2026-08-31,2026-12-25,2026-12-28,"
                + "2027-01-01,2027-03-26,2027-03-29,2027-05-03,2027-05-31,2027-08-30,2027-12-27,2027-12-28")
        List<LocalDate> bankHolidays();
    }

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

    interface Audit {
        /** The development and test default of {@link #key()}; production must set its own. */
        String DEV_KEY = "mutual-vote-dev-audit-key-not-for-production";

        /**
         * The key every audit entry is MACed with (HMAC-SHA-256), and from which the Ed25519 key that signs every
         * published chain head is derived (so changing it changes the public key). Keep it out
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
