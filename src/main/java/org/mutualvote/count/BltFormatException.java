package org.mutualvote.count;

/** A BLT file that cannot be read, with the line at fault (1-based; 0 when the file ends early). */
public class BltFormatException extends Exception {

    private final int line;

    public BltFormatException(int line, String problem) {
        super((line > 0 ? "line " + line + ": " : "") + problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
