package se.kvalitetsarbete.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pictures drawn on the server as SVG, in our own words and colours, with nothing loaded from
 * elsewhere: a line chart of a series over the years (values that are withheld or missing are
 * marked as such, never drawn as 0), grouped bars, and a grid of where each row stands. Every mark
 * carries a {@code <title>} that browsers show on hover and screen readers read.
 */
public final class Charts {

  public static final String MEDIA_TYPE = "image/svg+xml";

  /** A value in a series: reported (with a value), or withheld or missing (without one). */
  public record Point(String x, BigDecimal value, Mark mark) {
    public static Point reported(String x, BigDecimal value) {
      return new Point(x, value, Mark.REPORTED);
    }
  }

  public enum Mark { REPORTED, SUPPRESSED, MISSING }

  public record Series(String name, boolean dashed, List<Point> points) {}

  /** Labels for the marks that are not values, e.g. "Undertryckt (för få elever)" and "Saknas". */
  public record Legend(String suppressed, String missing) {}

  private static final String[] COLOURS = {"#1f5fa8", "#6b6b6b", "#c7752a", "#2f8a4c", "#8e3b8e"};
  private static final String FONT = "font-family=\"DejaVu Sans, Verdana, sans-serif\"";

  private Charts() {}

  /** Series over the same x values (years); y from 0 to the largest value, or to {@code yMax} when given. */
  public static String lines(String title, String yLabel, List<String> xs, List<Series> series, BigDecimal yMax, Legend legend) {
    int width = 640;
    List<String> titleLines = wrap(title, 72);
    int top = 24 + 18 * titleLines.size();
    int height = 260 + top;
    int left = 56;
    int right = 20;
    int bottom = 90;
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    BigDecimal max = yMax != null ? yMax : series.stream().flatMap(s -> s.points().stream())
        .map(Point::value).filter(v -> v != null).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
    double top0 = niceCeiling(max.doubleValue());
    Svg svg = new Svg(width, height, title);
    for (int i = 0; i < titleLines.size(); i++) {
      svg.text(left, 20 + 18 * i, titleLines.get(i), "start", 14, "bold");
    }
    axes(svg, left, top, plotW, plotH, top0, yLabel);
    // the first and last year a little inside the axes, so their marks are not cut
    double pad = 24;
    double step = xs.size() > 1 ? (plotW - 2 * pad) / (xs.size() - 1) : 0;
    for (int i = 0; i < xs.size(); i++) {
      double x = left + (xs.size() > 1 ? pad + i * step : plotW / 2);
      svg.text(x, top + plotH + 16, xs.get(i), "middle", 11, "normal");
    }
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      String colour = COLOURS[s % COLOURS.length];
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      svg.open("<g class=\"series\" data-series=\"" + Svg.escape(one.name()) + "\">");
      for (Point p : one.points()) {
        int i = xs.indexOf(p.x());
        if (i < 0) {
          continue;
        }
        double x = left + (xs.size() > 1 ? pad + i * step : plotW / 2);
        if (p.mark() == Mark.REPORTED && p.value() != null) {
          double y = top + plotH - plotH * p.value().doubleValue() / top0;
          path.append(pen ? " L" : " M").append(num(x)).append(' ').append(num(y));
          pen = true;
          svg.raw("<circle class=\"value\" data-x=\"" + Svg.escape(p.x()) + "\" data-value=\"" + plain(p.value())
              + "\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\" fill=\"" + colour + "\"><title>"
              + Svg.escape(one.name() + " " + p.x() + ": " + show(p.value())) + "</title></circle>");
        } else {
          pen = false;
          // Below the axis, in a row of its own per series: no value to draw, and not 0.
          double y = top + plotH + 30 + s * 14;
          if (p.mark() == Mark.SUPPRESSED) {
            svg.raw("<rect class=\"suppressed\" data-x=\"" + Svg.escape(p.x()) + "\" x=\"" + num(x - 5) + "\" y=\"" + num(y - 5)
                + "\" width=\"10\" height=\"10\" fill=\"white\" stroke=\"" + colour + "\" stroke-dasharray=\"2 2\"><title>"
                + Svg.escape(one.name() + " " + p.x() + ": " + legend.suppressed()) + "</title></rect>");
          } else {
            svg.raw("<text class=\"missing\" data-x=\"" + Svg.escape(p.x()) + "\" x=\"" + num(x) + "\" y=\"" + num(y + 4)
                + "\" text-anchor=\"middle\" font-size=\"13\" fill=\"" + colour + "\" " + FONT + ">×<title>"
                + Svg.escape(one.name() + " " + p.x() + ": " + legend.missing()) + "</title></text>");
          }
        }
      }
      if (path.length() > 0) {
        svg.raw("<path d=\"" + path.toString().trim() + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\""
            + (one.dashed() ? " stroke-dasharray=\"6 4\"" : "") + "/>");
      }
      svg.close("</g>");
    }
    // legend
    double lx = left;
    double ly = height - 14;
    for (int s = 0; s < series.size(); s++) {
      String colour = COLOURS[s % COLOURS.length];
      svg.raw("<line x1=\"" + num(lx) + "\" y1=\"" + num(ly - 4) + "\" x2=\"" + num(lx + 22) + "\" y2=\"" + num(ly - 4)
          + "\" stroke=\"" + colour + "\" stroke-width=\"2\"" + (series.get(s).dashed() ? " stroke-dasharray=\"6 4\"" : "") + "/>");
      svg.text(lx + 27, ly, series.get(s).name(), "start", 11, "normal");
      lx += 40 + 7.2 * series.get(s).name().length();
    }
    svg.raw("<rect x=\"" + num(lx) + "\" y=\"" + num(ly - 9) + "\" width=\"10\" height=\"10\" fill=\"white\" stroke=\"#333\" stroke-dasharray=\"2 2\"/>");
    svg.text(lx + 15, ly, legend.suppressed(), "start", 11, "normal");
    lx += 30 + 7 * legend.suppressed().length();
    svg.text(lx + 4, ly + 1, "×", "middle", 13, "normal");
    svg.text(lx + 13, ly, legend.missing(), "start", 11, "normal");
    return svg.end();
  }

  /** Bars side by side in each group (a term): one bar per series, its value written above it. */
  public static String groupedBars(String title, String yLabel, List<String> groups, List<String> seriesNames,
      List<List<BigDecimal>> valuesByGroup) {
    int width = Math.max(420, 90 + groups.size() * (seriesNames.size() * 26 + 40));
    int height = 320;
    int left = 56;
    int top = 40;
    int bottom = 70;
    double plotW = width - left - 20;
    double plotH = height - top - bottom;
    double max = valuesByGroup.stream().flatMap(List::stream).filter(v -> v != null).mapToDouble(BigDecimal::doubleValue).max().orElse(1);
    double top0 = niceCeiling(max);
    Svg svg = new Svg(width, height, title);
    svg.text(left, 22, title, "start", 15, "bold");
    axes(svg, left, top, plotW, plotH, top0, yLabel);
    double groupW = groups.isEmpty() ? plotW : plotW / groups.size();
    double barW = Math.min(26, (groupW - 16) / Math.max(1, seriesNames.size()));
    for (int g = 0; g < groups.size(); g++) {
      double gx = left + g * groupW + (groupW - barW * seriesNames.size()) / 2;
      svg.open("<g class=\"group\" data-group=\"" + Svg.escape(groups.get(g)) + "\">");
      for (int s = 0; s < seriesNames.size(); s++) {
        BigDecimal value = valuesByGroup.get(g).get(s);
        double v = value == null ? 0 : value.doubleValue();
        double h = plotH * v / top0;
        double x = gx + s * barW;
        svg.raw("<rect class=\"bar\" data-series=\"" + Svg.escape(seriesNames.get(s)) + "\" data-value=\""
            + (value == null ? "" : plain(value)) + "\" x=\"" + num(x) + "\" y=\"" + num(top + plotH - h)
            + "\" width=\"" + num(barW - 3) + "\" height=\"" + num(h) + "\" fill=\"" + COLOURS[s % COLOURS.length] + "\"><title>"
            + Svg.escape(groups.get(g) + ", " + seriesNames.get(s) + ": " + show(value)) + "</title></rect>");
        svg.text(x + (barW - 3) / 2, top + plotH - h - 4, show(value), "middle", 10, "normal");
      }
      svg.close("</g>");
      svg.text(left + g * groupW + groupW / 2, top + plotH + 16, groups.get(g), "middle", 11, "normal");
    }
    double lx = left;
    for (int s = 0; s < seriesNames.size(); s++) {
      svg.raw("<rect x=\"" + num(lx) + "\" y=\"" + (height - 23) + "\" width=\"12\" height=\"12\" fill=\"" + COLOURS[s % COLOURS.length] + "\"/>");
      svg.text(lx + 17, height - 13, seriesNames.get(s), "start", 11, "normal");
      lx += 36 + 7.2 * seriesNames.get(s).length();
    }
    return svg.end();
  }

  /** Rows (units) against columns (steps): a dot where each row stands, {@code empty} written where it has none. */
  public static String grid(String title, List<String> columns, List<String> rows, List<Set<Integer>> standsAt, String empty) {
    int labelW = 230;
    int colW = 78;
    int headH = 92;
    int rowH = 24;
    int width = labelW + columns.size() * colW + 20;
    int height = 40 + headH + rows.size() * rowH + 10;
    Svg svg = new Svg(width, height, title);
    svg.text(10, 22, title, "start", 15, "bold");
    int gridTop = 40 + headH;
    for (int c = 0; c < columns.size(); c++) {
      double cx = labelW + c * colW + colW / 2.0;
      svg.raw("<text x=\"" + num(cx) + "\" y=\"" + (gridTop - 8) + "\" font-size=\"11\" " + FONT
          + " transform=\"rotate(-35 " + num(cx) + " " + (gridTop - 8) + ")\">" + Svg.escape(columns.get(c)) + "</text>");
    }
    for (int r = 0; r < rows.size(); r++) {
      int y = gridTop + r * rowH;
      if (r % 2 == 0) {
        svg.raw("<rect x=\"0\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + rowH + "\" fill=\"#f3f5f8\"/>");
      }
      svg.text(10, y + 16, rows.get(r), "start", 11, "normal");
      svg.open("<g class=\"row\" data-row=\"" + Svg.escape(rows.get(r)) + "\">");
      if (standsAt.get(r).isEmpty()) {
        svg.raw("<text class=\"none\" x=\"" + (labelW + 6) + "\" y=\"" + (y + 16) + "\" font-size=\"11\" fill=\"#9b1c1c\" " + FONT + ">"
            + Svg.escape(empty) + "</text>");
      }
      for (int c : standsAt.get(r)) {
        svg.raw("<circle class=\"at\" data-column=\"" + Svg.escape(columns.get(c)) + "\" cx=\"" + num(labelW + c * colW + colW / 2.0)
            + "\" cy=\"" + (y + rowH / 2) + "\" r=\"7\" fill=\"" + COLOURS[0] + "\"><title>"
            + Svg.escape(rows.get(r) + ": " + columns.get(c)) + "</title></circle>");
      }
      svg.close("</g>");
    }
    for (int c = 0; c <= columns.size(); c++) {
      int x = labelW + c * colW;
      svg.raw("<line x1=\"" + x + "\" y1=\"" + gridTop + "\" x2=\"" + x + "\" y2=\"" + (gridTop + rows.size() * rowH)
          + "\" stroke=\"#ccc\"/>");
    }
    return svg.end();
  }

  private static void axes(Svg svg, int left, int top, double plotW, double plotH, double top0, String yLabel) {
    for (int i = 0; i <= 4; i++) {
      double y = top + plotH - plotH * i / 4;
      svg.raw("<line x1=\"" + left + "\" y1=\"" + num(y) + "\" x2=\"" + num(left + plotW) + "\" y2=\"" + num(y)
          + "\" stroke=\"" + (i == 0 ? "#333" : "#e2e2e2") + "\"/>");
      svg.text(left - 6, y + 4, show(BigDecimal.valueOf(top0 * i / 4)), "end", 10, "normal");
    }
    svg.raw("<text x=\"14\" y=\"" + num(top + plotH / 2) + "\" font-size=\"11\" text-anchor=\"middle\" " + FONT
        + " transform=\"rotate(-90 14 " + num(top + plotH / 2) + ")\">" + Svg.escape(yLabel) + "</text>");
  }

  /** A title in lines of at most about {@code width} characters, broken between words. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above the value. */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double f : new double[] {1, 2, 2.5, 5, 10}) {
      if (f * power >= value) {
        return f * power;
      }
    }
    return 10 * power;
  }

  /** A number as Swedes write it: decimal comma, no trailing zeros. */
  public static String show(BigDecimal value) {
    if (value == null) {
      return "–";
    }
    return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',');
  }

  /** A value as data: decimal point, no trailing zeros (81.5, 6). */
  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  /** Writes the SVG text. */
  private static final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title) {
      out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
          .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
          .append(escape(title)).append("\">\n<title>").append(escape(title)).append("</title>\n")
          .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    }

    void text(double x, double y, String text, String anchor, int size, String weight) {
      out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
          .append("\" font-size=\"").append(size).append("\" font-weight=\"").append(weight).append("\" ").append(FONT)
          .append(" fill=\"#222\">").append(escape(text)).append("</text>\n");
    }

    void raw(String element) {
      out.append(element).append('\n');
    }

    void open(String tag) {
      raw(tag);
    }

    void close(String tag) {
      raw(tag);
    }

    String end() {
      return out.append("</svg>\n").toString();
    }

    static String escape(String text) {
      return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
  }

  /** The distinct x values of some series, in order. */
  public static List<String> xs(List<Series> series) {
    List<String> xs = new ArrayList<>();
    series.forEach(s -> s.points().forEach(p -> {
      if (!xs.contains(p.x())) {
        xs.add(p.x());
      }
    }));
    xs.sort(String::compareTo);
    return xs;
  }
}
