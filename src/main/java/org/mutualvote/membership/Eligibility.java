package org.mutualvote.membership;

import java.time.LocalDate;
import java.util.List;

/** Where an applicant fits: exactly one constituency, none (with each candidate's reason), or several. */
public sealed interface Eligibility {

    record Eligible(Constituency constituency) implements Eligibility {
    }

    /** Each reason names the constituency and the rule the applicant does not meet. */
    record NoneFits(List<String> reasons) implements Eligibility {
    }

    record SeveralFit(List<String> names) implements Eligibility {
    }

    /** What the rules look at: the same for sign-up, a change of details and a CSV row. */
    record Applicant(LocalDate dateOfBirth, String postcode, String staffClass, Long constituencyId) {
    }
}
