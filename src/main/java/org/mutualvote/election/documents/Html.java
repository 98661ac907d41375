package org.mutualvote.election.documents;

/** A small XHTML writer: every text goes through {@link #text}, so no data can become markup. */
final class Html {

    private final StringBuilder sb = new StringBuilder(4096);

    Html open(String tag) {
        sb.append('<').append(tag).append('>');
        return this;
    }

    Html open(String tag, String cssClass) {
        sb.append('<').append(tag).append(" class=\"").append(cssClass).append("\">");
        return this;
    }

    Html close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    Html el(String tag, Object text) {
        return open(tag).text(text).close(tag);
    }

    Html el(String tag, String cssClass, Object text) {
        return open(tag, cssClass).text(text).close(tag);
    }

    Html text(Object value) {
        String s = value == null ? "" : value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return this;
    }

    /** Markup written by this package itself (never data). */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
