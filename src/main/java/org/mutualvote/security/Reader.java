package org.mutualvote.security;

/**
 * Who is reading a contest, as its result and bulletin board decide what to show: the returning officer and
 * scrutineers ({@code official}) see a result as soon as it is counted, and every ballot's content; the board sees
 * every contest's result once published; a member ({@code subject}) sees the contests put to them.
 */
public record Reader(String subject, boolean official, boolean board) {

    /** Officials and the board read every contest, whichever constituency it was put to. */
    public boolean seesAll() {
        return official || board;
    }
}
