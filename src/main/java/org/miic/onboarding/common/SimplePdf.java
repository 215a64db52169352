package org.miic.onboarding.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A small writer of text-only PDF documents (Letter pages, Helvetica, headings, wrapped paragraphs, blank lines to sign
 * on): enough for the MIIC User Agreement form, without a PDF library. The standard Helvetica fonts need no embedding;
 * text is WinAnsi encoded.
 */
public final class SimplePdf {

  private static final Charset WIN_ANSI = Charset.forName("windows-1252");
  private static final int WIDTH = 612;
  private static final int HEIGHT = 792;
  private static final int MARGIN = 64;
  private static final int BODY_SIZE = 10;
  private static final int LEADING = 14;

  /** One line; {@code keep} more lines must fit on the same page (a heading stays with its paragraph). */
  private record Line(String text, boolean bold, int size, int keep) {

    Line(String text, boolean bold, int size) {
      this(text, bold, size, 0);
    }
  }

  private final List<Line> lines = new ArrayList<>();

  public SimplePdf title(String text) {
    lines.add(new Line(text, true, 18));
    lines.add(new Line("", false, BODY_SIZE));
    return this;
  }

  public SimplePdf heading(String text) {
    lines.add(new Line("", false, BODY_SIZE));
    lines.add(new Line(text, true, 12, 4));
    return this;
  }

  public SimplePdf paragraph(String text) {
    for (String line : wrap(text, 95)) {
      lines.add(new Line(line, false, BODY_SIZE));
    }
    lines.add(new Line("", false, BODY_SIZE));
    return this;
  }

  /** A label and a line to write on: "Signature: ______". */
  public SimplePdf field(String label) {
    lines.add(new Line("", false, BODY_SIZE));
    lines.add(new Line(label + " " + "_".repeat(Math.max(10, 70 - label.length())), false, BODY_SIZE + 1));
    return this;
  }

  public byte[] toBytes() {
    List<List<Line>> pages = new ArrayList<>();
    List<Line> page = new ArrayList<>();
    int y = HEIGHT - MARGIN;
    for (Line line : lines) {
      int step = Math.max(LEADING, line.size() + 6);
      if (y - step - line.keep() * LEADING < MARGIN) {
        pages.add(page);
        page = new ArrayList<>();
        y = HEIGHT - MARGIN;
      }
      page.add(line);
      y -= step;
    }
    pages.add(page);

    List<byte[]> objects = new ArrayList<>();
    // 1 catalog, 2 pages, 3 regular font, 4 bold font, then per page: page object and its content stream.
    objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
    StringBuilder kids = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      kids.append(5 + 2 * i).append(" 0 R ");
    }
    objects.add(ascii("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pages.size() + " >>"));
    objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
    objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"));
    for (int i = 0; i < pages.size(); i++) {
      byte[] content = content(pages.get(i), i + 1, pages.size());
      objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + WIDTH + " " + HEIGHT + "] "
          + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " + (6 + 2 * i) + " 0 R >>"));
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      stream.writeBytes(ascii("<< /Length " + content.length + " >>\nstream\n"));
      stream.writeBytes(content);
      stream.writeBytes(ascii("\nendstream"));
      objects.add(stream.toByteArray());
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      out.writeBytes(ascii((i + 1) + " 0 obj\n"));
      out.writeBytes(objects.get(i));
      out.writeBytes(ascii("\nendobj\n"));
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    for (int offset : offsets) {
      table.append(String.format("%010d 00000 n \n", offset));
    }
    table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
    out.writeBytes(ascii(table.toString()));
    return out.toByteArray();
  }

  private static byte[] content(List<Line> page, int number, int of) {
    StringBuilder s = new StringBuilder();
    int y = HEIGHT - MARGIN;
    for (Line line : page) {
      int step = Math.max(LEADING, line.size() + 6);
      y -= step - LEADING;
      if (!line.text().isEmpty()) {
        s.append("BT /").append(line.bold() ? "F2" : "F1").append(' ').append(line.size()).append(" Tf ").append(MARGIN).append(' ')
            .append(y).append(" Td (").append(escape(line.text())).append(") Tj ET\n");
      }
      y -= LEADING;
    }
    s.append("BT /F1 8 Tf ").append(WIDTH / 2 - 20).append(' ').append(MARGIN / 2).append(" Td (Page ").append(number).append(" of ")
        .append(of).append(") Tj ET");
    return s.toString().getBytes(WIN_ANSI);
  }

  static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }

  private static String escape(String text) {
    StringBuilder s = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '(' || c == ')' || c == '\\') {
        s.append('\\');
      }
      s.append(WIN_ANSI.newEncoder().canEncode(c) && c >= ' ' ? c : '?');
    }
    return s.toString();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
