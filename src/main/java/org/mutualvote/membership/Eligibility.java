package org.mutualvote.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem;

/** Where an applicant fits: exactly one constituency, none (with each candidate's reason), or several. */
public sealed interface Eligibility {

    record Eligible(Constituency constituency) implements Eligibility {
    }

    /** Every rule the applicant does not meet, constituency by constituency. */
    record NoneFits(List<Refusal> refusals) implements Eligibility {

        /** Each reason names the constituency and the rules it refuses by, in English: "Leeds: too young: minimum age 16". */
        public List<String> reasons() {
            Map<String, List<String>> byConstituency = new LinkedHashMap<>();
            List<String> reasons = new ArrayList<>();
            for (Refusal r : refusals) {
                if (r.constituency() == null) {
                    reasons.add(r.why().text());
                } else {
                    byConstituency.computeIfAbsent(r.constituency(), k -> new ArrayList<>()).add(r.why().text());
                }
            }
            byConstituency.forEach((name, failed) -> reasons.add(name + ": " + String.join("; ", failed)));
            return reasons;
        }
    }

    /**
     * One rule refused: the constituency that refuses (null when none could be considered), the applicant's field the
     * rule looks at ("postcode", "dateOfBirth"), and why, as a phrase whose params name the constituency too.
     */
    record Refusal(String constituency, String field, Phrase why) {

        /** The refusal as the error of its field: "Leeds: too young: minimum age 16", code "too-young". */
        public Problem.FieldError error() {
            return (constituency == null ? why : why.prefixed(constituency + ": ")).at(field);
        }

        /** The refusal as a line of a report (a CSV row's reasons): the same phrase, prefixed by its constituency. */
        public Phrase phrase() {
            return constituency == null ? why : why.prefixed(constituency + ": ");
        }
    }

    record SeveralFit(List<String> names) implements Eligibility {

        /** One phrase per constituency that fits, for the field where the applicant chooses one. */
        public List<Phrase> phrases() {
            return names.stream().map(n -> Phrase.of("fits-constituency", "fits " + n, "constituency", n)).toList();
        }
    }

    /** What the rules look at: the same for sign-up, a change of details and a CSV row. */
    record Applicant(LocalDate dateOfBirth, String postcode, String staffClass, Long constituencyId) {
    }
}
