package org.miic.onboarding.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.common.SimplePdf;

/** Uploads are what their bytes say they are; names lose folders and control characters; the agreement form is a PDF. */
class DocumentChecksTest {

  @Test
  void typesComeFromTheFirstBytesNotFromTheName() {
    byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(DocumentService.detectType("signed.pdf", pdf)).isEqualTo("application/pdf");
    assertThat(DocumentService.detectType("signed.txt", pdf)).isEqualTo("application/pdf");
    assertThat(DocumentService.detectType("cut.pdf", "%PDF-1.4\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1))).as("no %%EOF").isNull();
    assertThat(DocumentService.detectType("fake.pdf", "not a pdf".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(DocumentService.detectType("notes.txt", "not a pdf".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
    assertThat(DocumentService.detectType("roster.csv", "a,b\n1,2".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/csv");
    assertThat(DocumentService.detectType("x.txt", new byte[] {'a', 0, 'b'})).as("NUL is binary").isNull();
    assertThat(DocumentService.detectType("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).isEqualTo("image/png");
    assertThat(DocumentService.detectType("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
    byte[] zip = {'P', 'K', 3, 4, 0};
    assertThat(DocumentService.detectType("spec.docx", zip)).contains("wordprocessingml");
    assertThat(DocumentService.detectType("tool.zip", zip)).isNull();
    assertThat(DocumentService.detectType("run.exe", new byte[] {'M', 'Z', 0})).isNull();
  }

  @Test
  void fileNamesLoseFoldersAndControlCharacters() {
    assertThat(DocumentService.fileName("C:\\Users\\ann\\Signed agreement.pdf")).isEqualTo("Signed agreement.pdf");
    assertThat(DocumentService.fileName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(DocumentService.fileName("a\u0000b\"c.pdf")).isEqualTo("abc.pdf");
    assertThatThrownBy(() -> DocumentService.fileName("  ")).isInstanceOf(DocumentService.InvalidDocumentException.class);
    assertThat(DocumentService.fileName("x".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
  }

  @Test
  void theAgreementFormIsAWellFormedPdfWhoseCrossReferencesPointAtItsObjects() {
    byte[] pdf = new SimplePdf().title("MIIC User Agreement").heading("1. Purpose").paragraph("Text (with parentheses) \\ and a backslash. ".repeat(40))
        .field("Signature:").toBytes();
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("%PDF-1.4").endsWith("%%EOF\n").contains("\\(with parentheses\\) \\\\ and");
    int startxref = Integer.parseInt(text.substring(text.lastIndexOf("startxref") + 10, text.lastIndexOf("%%EOF")).trim());
    assertThat(text.substring(startxref)).startsWith("xref");
    String[] rows = text.substring(startxref).split("\n");
    int objects = Integer.parseInt(rows[1].split(" ")[1]);
    for (int i = 1; i < objects; i++) {
      int offset = Integer.parseInt(rows[2 + i].substring(0, 10));
      assertThat(text.substring(offset)).startsWith(i + " 0 obj");
    }
    assertThat(DocumentService.detectType("agreement.pdf", pdf)).isEqualTo("application/pdf");
  }
}
