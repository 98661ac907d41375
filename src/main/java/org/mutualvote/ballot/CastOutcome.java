package org.mutualvote.ballot;

/** What became of an attempt to vote. */
public sealed interface CastOutcome {

    record Accepted(Receipt receipt) implements CastOutcome {
    }

    record AlreadyVoted() implements CastOutcome {
    }

    record NotOnRoll() implements CastOutcome {
    }

    record NotOpen(String state) implements CastOutcome {
    }

    record NoSuchContest() implements CastOutcome {
    }

    /** The voter's proof that their ballot was taken: look the tracker up on the bulletin board after close. */
    record Receipt(long contestId, String tracker, String shortCode) {
    }
}
