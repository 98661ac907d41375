package org.mutualvote.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The small-numbers tests' profile: a secrecy minimum of 3 (10 by default, 0 in the other tests). One class, so one restart. */
public class MinimumRollOfThree implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mutualvote.secrecy.minimum-roll", "3");
    }
}
