package se.kvalitetsarbete.print;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.kvalitetsarbete.common.Texts;

/**
 * Records as PDF for printing and the archive: a Thymeleaf template under
 * {@code templates/print/} (each one uses the common page in {@code print/layout.html}, with the
 * organisation's name, the title and the date printed) becomes XHTML, and openhtmltopdf makes a
 * PDF of it with the DejaVu Sans font embedded, so å, ä and ö print everywhere.
 */
@Component
public class PdfDocuments {

  /** A record made of headed sections (a plan, a board report, an assignment's record). */
  public static final String RECORD = "print/record";
  /** A round's decisions as a table. */
  public static final String DECISIONS = "print/decisions";

  static final String FONT = "DejaVu Sans";

  private final ITemplateEngine templates;
  private final String organisation;
  private final Clock clock;

  public PdfDocuments(ITemplateEngine templates, @Value("${kvalitet.organisation-name}") String organisation, Clock clock) {
    this.templates = templates;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** A record of headed sections as PDF. */
  public byte[] record(PrintedRecord record) {
    return pdf(RECORD, Map.of("record", record));
  }

  /** Any template under templates/print with its model; the layout adds the organisation and the date. */
  public byte[] pdf(String template, Map<String, ?> model) {
    return toPdf(html(template, model));
  }

  /** Characters XML 1.0 does not allow. */
  private static final java.util.regex.Pattern NOT_IN_XML =
      java.util.regex.Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  String html(String template, Map<String, ?> model) {
    Context context = new Context(Texts.SWEDISH);
    model.forEach(context::setVariable);
    context.setVariable("organisation", organisation);
    context.setVariable("printedOn", LocalDate.now(clock).format(DateTimeFormatter.ISO_LOCAL_DATE));
    // Texts stored before control characters were refused would make the XML parser of the PDF renderer fail.
    return NOT_IN_XML.matcher(templates.process(template, context)).replaceAll("");
  }

  private static byte[] toPdf(String html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static java.io.InputStream font(String file) {
    return PdfDocuments.class.getResourceAsStream("/fonts/" + file);
  }

  /** The answer to a browser: shown in its PDF viewer, saved under the given name. */
  public static ResponseEntity<byte[]> answer(String fileName, byte[] pdf) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(pdf);
  }
}
