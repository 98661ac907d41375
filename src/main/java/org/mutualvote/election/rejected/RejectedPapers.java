package org.mutualvote.election.rejected;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many paper ballots of an election were rejected, for each reason of rule 46(1). Shares the contest's id. */
@Entity
@Table(name = "rejected_papers")
public class RejectedPapers {

    @Id
    @Column(name = "contest_id")
    public Long contestId;

    @Column(name = "no_official_mark")
    public int noOfficialMark;

    @Column(name = "no_first_preference")
    public int noFirstPreference;

    @Column(name = "first_preference_for_two")
    public int firstPreferenceForTwo;

    @Column(name = "voter_identifiable")
    public int voterIdentifiable;

    @Column(name = "void_for_uncertainty")
    public int voidForUncertainty;

    int get(RejectionReason reason) {
        return switch (reason) {
            case NO_OFFICIAL_MARK -> noOfficialMark;
            case NO_FIRST_PREFERENCE -> noFirstPreference;
            case FIRST_PREFERENCE_FOR_TWO -> firstPreferenceForTwo;
            case VOTER_IDENTIFIABLE -> voterIdentifiable;
            case VOID_FOR_UNCERTAINTY -> voidForUncertainty;
        };
    }

    void set(RejectionReason reason, int papers) {
        switch (reason) {
            case NO_OFFICIAL_MARK -> noOfficialMark = papers;
            case NO_FIRST_PREFERENCE -> noFirstPreference = papers;
            case FIRST_PREFERENCE_FOR_TWO -> firstPreferenceForTwo = papers;
            case VOTER_IDENTIFIABLE -> voterIdentifiable = papers;
            case VOID_FOR_UNCERTAINTY -> voidForUncertainty = papers;
        }
    }
}
