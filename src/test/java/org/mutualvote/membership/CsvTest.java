package org.mutualvote.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsFollowRfc4180AndRowsKeepTheirFileNumbers() {
        List<Csv.Row> rows = Csv.parse("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,\n");
        assertEquals(3, rows.size());
        assertEquals(List.of("a", "b"), rows.get(0).fields());
        assertEquals(List.of("x, \"y\"", "two\nlines"), rows.get(1).fields());
        assertEquals(2, rows.get(1).number());
        assertEquals(List.of("last", ""), rows.get(2).fields());
        assertEquals(5, rows.get(2).number(), "the quoted line break and the blank line still count as lines");
    }

    @Test
    void noFinalLineBreakIsFine() {
        assertEquals(List.of("a", "b"), Csv.parse("h\na,b").get(1).fields());
    }

    @Test
    void unclosedQuoteNamesItsRow() {
        Csv.MalformedCsv e = assertThrows(Csv.MalformedCsv.class, () -> Csv.parse("h\nok\n\"open,x\n"));
        assertEquals(3, e.row);
    }

    @Test
    void exportEscapesQuotesCommasAndFormulas() {
        assertEquals("\"a, \"\"b\"\"\"", Csv.escape("a, \"b\""));
        assertEquals("'=SUM(A1)", Csv.escape("=SUM(A1)"));
        assertEquals("plain", Csv.escape("plain"));
    }
}
