package org.mutualvote.membership;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mutualvote.membership.Eligibility.Applicant;
import org.mutualvote.membership.Eligibility.Refusal;
import org.mutualvote.web.Phrase;

/**
 * The eligibility rules, pure: no database, so sign-up, edits and a 100,000-row import share them.
 * <ul>
 * <li>an applicant who names a constituency ({@code constituencyId}) is checked against that one only;
 * this is the only way into a patient or other constituency, where only the age rule applies;</li>
 * <li>otherwise an applicant with a staff class is checked against the staff constituencies, and one
 * without against the public constituencies by postcode district;</li>
 * <li>a retired constituency admits nobody; everyone must be at least the minimum age today.</li>
 * </ul>
 */
final class EligibilityRules {

    private EligibilityRules() {
    }

    static Eligibility check(Applicant a, List<Constituency> all, LocalDate today) {
        List<Constituency> candidates = new ArrayList<>();
        String staffClass = staffClass(a.staffClass());
        String district = district(a.postcode());
        if (a.constituencyId() != null) {
            all.stream().filter(c -> c.id.equals(a.constituencyId())).forEach(candidates::add);
            if (candidates.isEmpty()) {
                return new Eligibility.NoneFits(List.of(new Refusal(null, "constituencyId", Phrase.of("no-such-constituency",
                        "there is no constituency with id " + a.constituencyId(), "id", a.constituencyId()))));
            }
        } else {
            ConstituencyKind kind = staffClass != null ? ConstituencyKind.STAFF : ConstituencyKind.PUBLIC;
            all.stream().filter(c -> c.kind == kind).forEach(candidates::add);
            if (candidates.isEmpty()) {
                return new Eligibility.NoneFits(List.of(kind == ConstituencyKind.PUBLIC
                        ? new Refusal(null, "postcode", Phrase.of("no-public-constituency", "there is no public constituency"
                                + " (patient and other constituencies must be chosen by constituencyId)"))
                        : new Refusal(null, "staffClass", Phrase.of("no-staff-constituency", "there is no staff constituency"))));
            }
        }
        List<Constituency> fits = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (Constituency c : candidates) {
            List<Refusal> failed = failedRules(c, a.dateOfBirth(), district, staffClass, today);
            if (failed.isEmpty()) {
                fits.add(c);
            } else {
                refusals.addAll(failed);
            }
        }
        if (fits.size() == 1) {
            return new Eligibility.Eligible(fits.get(0));
        }
        if (fits.isEmpty()) {
            return new Eligibility.NoneFits(refusals);
        }
        return new Eligibility.SeveralFit(fits.stream().map(c -> c.name).sorted().toList());
    }

    private static List<Refusal> failedRules(Constituency c, LocalDate dob, String district, String staffClass, LocalDate today) {
        List<Refusal> failed = new ArrayList<>();
        String name = c.name;
        if (c.retired) {
            failed.add(new Refusal(name, "constituencyId", Phrase.of("constituency-retired", "retired: it admits no new members",
                    "constituency", name)));
        }
        if (dob == null) {
            failed.add(new Refusal(name, "dateOfBirth", Phrase.of("no-date-of-birth", "no date of birth given", "constituency", name)));
        } else if (Period.between(dob, today).getYears() < c.minAge) {
            failed.add(new Refusal(name, "dateOfBirth", Phrase.of("too-young", "too young: minimum age " + c.minAge,
                    "constituency", name, "minAge", c.minAge)));
        }
        switch (c.kind) {
            case PUBLIC -> {
                if (district == null) {
                    failed.add(new Refusal(name, "postcode", Phrase.of("no-postcode", "no valid postcode given", "constituency", name)));
                } else if (!c.areas.contains(district)) {
                    failed.add(new Refusal(name, "postcode", Phrase.of("postcode-outside",
                            "postcode district " + district + " is not in this constituency", "constituency", name, "district", district)));
                }
            }
            case STAFF -> {
                if (staffClass == null) {
                    failed.add(new Refusal(name, "staffClass", Phrase.of("no-staff-class", "no staff class given", "constituency", name)));
                } else if (!c.staffClasses.contains(staffClass)) {
                    failed.add(new Refusal(name, "staffClass", Phrase.of("staff-class-outside",
                            "staff class " + staffClass + " is not in this constituency", "constituency", name, "staffClass", staffClass)));
                }
            }
            default -> {
                // patient and other: chosen explicitly, only the age rule applies
            }
        }
        return failed;
    }

    /**
     * The postcode district (outward code), upper case: the part before the space, or everything but
     * the three-character inward code when there is no space ("ls63ab" and "LS6 3AB" both give LS6).
     * Null when the text does not look like a UK postcode.
     */
    static String district(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        String p = postcode.trim().toUpperCase(Locale.ROOT);
        String outward;
        int space = p.indexOf(' ');
        if (space > 0) {
            outward = p.substring(0, space);
        } else if (p.length() >= 5) {
            outward = p.substring(0, p.length() - 3);
        } else {
            outward = p; // a bare district such as "LS6"
        }
        return isDistrict(outward) ? outward : null;
    }

    static boolean isDistrict(String s) {
        return s != null && s.matches("[A-Z]{1,2}[0-9][A-Z0-9]?");
    }

    /** Staff classes compare trimmed and in lower case. */
    static String staffClass(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
