package org.mutualvote.security;

/** The four roles of DESIGN.md, as they arrive in the token's role claim. */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String BOARD = "board";
    public static final String ADMIN = "admin";
    public static final String SCRUTINEER = "scrutineer";

    private Roles() {
    }
}
