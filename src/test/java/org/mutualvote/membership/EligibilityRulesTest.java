package org.mutualvote.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mutualvote.membership.Eligibility.Applicant;

/** The rules alone, without the database. */
class EligibilityRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static Constituency c(long id, String name, ConstituencyKind kind, Set<String> areas, Set<String> classes) {
        Constituency c = new Constituency();
        c.id = id;
        c.name = name;
        c.kind = kind;
        c.areas.addAll(areas);
        c.staffClasses.addAll(classes);
        return c;
    }

    private final Constituency leeds = c(1, "Leeds", ConstituencyKind.PUBLIC, Set.of("LS6", "LS7"), Set.of());
    private final Constituency nursing = c(2, "Nursing", ConstituencyKind.STAFF, Set.of(), Set.of("nursing"));
    private final Constituency patients = c(3, "Patients", ConstituencyKind.PATIENT, Set.of(), Set.of());
    private final List<Constituency> all = List.of(leeds, nursing, patients);

    @Test
    void postcodeDistrictIsTheOutwardCodeInUpperCase() {
        assertEquals("LS6", EligibilityRules.district("LS6 3AB"));
        assertEquals("LS6", EligibilityRules.district("ls63ab"));
        assertEquals("EC1A", EligibilityRules.district(" ec1a 1bb "));
        assertEquals("W1", EligibilityRules.district("w11aa"));
        assertEquals("LS6", EligibilityRules.district("LS6"));
        assertNull(EligibilityRules.district("Leeds"));
        assertNull(EligibilityRules.district(""));
    }

    @Test
    void publicByPostcodeStaffByClassPatientOnlyByChoice() {
        assertEquals(leeds, ((Eligibility.Eligible) EligibilityRules.check(
                new Applicant(TODAY.minusYears(30), "ls7 1aa", null, null), all, TODAY)).constituency());
        assertEquals(nursing, ((Eligibility.Eligible) EligibilityRules.check(
                new Applicant(TODAY.minusYears(30), "LS6 1AA", " Nursing ", null), all, TODAY)).constituency());
        assertEquals(patients, ((Eligibility.Eligible) EligibilityRules.check(
                new Applicant(TODAY.minusYears(30), null, null, 3L), all, TODAY)).constituency());
    }

    @Test
    void ageIsCountedOnTodaysDate() {
        assertInstanceOf(Eligibility.Eligible.class,
                EligibilityRules.check(new Applicant(TODAY.minusYears(16), "LS6 1AA", null, null), all, TODAY));
        Eligibility e = EligibilityRules.check(new Applicant(TODAY.minusYears(16).plusDays(1), "LS6 1AA", null, null), all, TODAY);
        assertEquals(List.of("Leeds: too young: minimum age 16"), ((Eligibility.NoneFits) e).reasons());
    }

    @Test
    void everyFailedRuleIsNamed() {
        leeds.retired = true;
        Eligibility e = EligibilityRules.check(new Applicant(TODAY.minusYears(10), "LS9 1AA", null, null), all, TODAY);
        assertEquals(List.of("Leeds: retired: it admits no new members; too young: minimum age 16; "
                + "postcode district LS9 is not in this constituency"), ((Eligibility.NoneFits) e).reasons());
    }

    @Test
    void severalFitsAreNamed() {
        Constituency other = c(4, "Another Leeds", ConstituencyKind.PUBLIC, Set.of("LS6"), Set.of());
        Eligibility e = EligibilityRules.check(new Applicant(TODAY.minusYears(30), "LS6 1AA", null, null),
                List.of(leeds, other), TODAY);
        assertEquals(List.of("Another Leeds", "Leeds"), ((Eligibility.SeveralFit) e).names());
    }
}
