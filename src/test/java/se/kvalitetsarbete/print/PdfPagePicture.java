package se.kvalitetsarbete.print;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A page of a PDF as a PNG picture, for the README (docs/pdf-page.png):
 * {@code java -cp <test classpath> se.kvalitetsarbete.print.PdfPagePicture target/print/uppdrag.pdf docs/pdf-page.png}.
 * PrintedRecordsTest leaves the PDFs it checked under target/print/.
 */
public final class PdfPagePicture {

  private PdfPagePicture() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PdfPagePicture <file.pdf> <page.png>");
      System.exit(2);
    }
    try (PDDocument pdf = Loader.loadPDF(new File(args[0]))) {
      BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 96);
      ImageIO.write(page, "png", new File(args[1]));
    }
  }
}
