package org.mutualvote.election.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Lays out one of our XHTML pages as PDF with openhtmltopdf (on PDFBox). Only the PDF standard fonts are used
 * (sans-serif is Helvetica), so nothing is read from the machine's fonts and a native image needs no font files;
 * the price is that characters outside Windows-1252 print as '#'.
 */
final class Pdf {

    private Pdf() {
    }

    static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the document could not be laid out as PDF", e);
        }
        return out.toByteArray();
    }
}
