package org.mutualvote.membership;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: comma-separated, fields optionally in double quotes, "" for a quote, CRLF or LF line ends. */
public final class Csv {

    private Csv() {
    }

    /** One record: its fields and the row number it started on (the header is row 1). */
    public record Row(int number, List<String> fields) {
    }

    public static final class MalformedCsv extends RuntimeException {
        public final int row;
        /** What is wrong, as a stable code a client can say in its reader's words. */
        public final String code;

        MalformedCsv(int row, String code, String message) {
            super(message, null, false, false);
            this.row = row;
            this.code = code;
        }
    }

    /** Parses the whole text; blank lines are skipped (they still count as rows of the file). */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int row = 1;
        int startRow = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(ch);
                    if (ch == '\n') {
                        row++;
                    }
                }
                i++;
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (field.length() > 0 || wasQuoted) {
                        throw new MalformedCsv(startRow, "csv-quote-inside-field", "a quote may only start a field");
                    }
                    quoted = true;
                    wasQuoted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                }
                case '\r', '\n' -> {
                    if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    addUnlessBlank(rows, startRow, fields);
                    fields = new ArrayList<>();
                    row++;
                    startRow = row;
                }
                default -> {
                    if (wasQuoted) {
                        throw new MalformedCsv(startRow, "csv-text-after-quote", "text after a closing quote");
                    }
                    field.append(ch);
                }
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsv(startRow, "csv-quote-not-closed", "a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            addUnlessBlank(rows, startRow, fields);
        }
        return rows;
    }

    /** How many records have begun by the end of this text: the row a decoding error at its end belongs to. */
    static int rowAtEnd(String prefix) {
        int row = 1;
        boolean quoted = false;
        for (int i = 0; i < prefix.length(); i++) {
            char ch = prefix.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\n' && !quoted) {
                row++;
            }
        }
        return row;
    }

    private static void addUnlessBlank(List<Row> rows, int number, List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            return;
        }
        rows.add(new Row(number, fields));
    }

    public static String escape(String s) {
        boolean needsQuotes = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        String safe = s;
        // A spreadsheet must not run a cell as a formula when the export is opened.
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            safe = "'" + s;
        }
        return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
