package org.miic.onboarding.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents an organization uploads for its request: the signed MIIC User Agreement (a PDF) and supplemental materials
 * (PDF, Word, Excel, images, text). Each is checked by what it is (its first bytes), not by what the browser says, and
 * kept in the database with its SHA-256; nothing half-checked is stored.
 */
@Service
public class DocumentService {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);

  /** Thrown for an upload that cannot be stored; the message says why, for the field at fault. */
  public static class InvalidDocumentException extends RuntimeException {
    private final String field;

    public InvalidDocumentException(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  private final DocumentRepository documents;
  private final WorksheetService worksheets;
  private final DocumentProcessPort process;
  private final Clock clock;
  private final int maxBytes;
  private final int maxPerRequest;

  public DocumentService(DocumentRepository documents, WorksheetService worksheets, DocumentProcessPort process, Clock clock,
      @Value("${miic.documents.max-bytes:10485760}") int maxBytes, @Value("${miic.documents.max-per-request:30}") int maxPerRequest) {
    this.documents = documents;
    this.worksheets = worksheets;
    this.process = process;
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.maxPerRequest = maxPerRequest;
  }

  public int maxBytes() {
    return maxBytes;
  }

  /** Checks and stores an upload for the request; tells an open "Record MIIC User Agreement" task of a signed agreement. */
  @Transactional
  public StoredDocument upload(String trackingId, DocumentKind kind, String fileName, byte[] content, String uploadedBy,
      String description) {
    OnboardingRequest request = worksheets.request(trackingId);
    String who = text(uploadedBy, 200);
    if (who == null) {
      throw new InvalidDocumentException("uploadedBy", kind == DocumentKind.SIGNED_AGREEMENT
          ? "Enter the name of the person who signed the agreement." : "Enter your name.");
    }
    String name = fileName(fileName);
    if (content == null || content.length == 0) {
      throw new InvalidDocumentException("file", "Choose a file to upload; the one received was empty.");
    }
    if (content.length > maxBytes) {
      throw new InvalidDocumentException("file", "The file is " + megabytes(content.length) + "; at most " + megabytes(maxBytes)
          + " can be uploaded.");
    }
    String type = detectType(name, content);
    if (kind == DocumentKind.SIGNED_AGREEMENT && !"application/pdf".equals(type)) {
      throw new InvalidDocumentException("file", "The signed agreement must be a PDF file; '" + name + "' is not a PDF.");
    }
    if (type == null) {
      throw new InvalidDocumentException("file", "'" + name + "' is not a file type MIIC takes. Upload PDF, Word (.docx, .doc), "
          + "Excel (.xlsx, .xls, .csv), PNG or JPEG images, or text (.txt, .hl7).");
    }
    if (documents.count(request.id()) >= maxPerRequest) {
      throw new InvalidDocumentException("file", "This request already has " + maxPerRequest + " documents, the most it can hold. "
          + "Contact MIIC onboarding staff to add more.");
    }
    long id = documents.insert(request.organizationId(), request.id(), kind, name, type, content, sha256(content),
        text(description, 500), who, clock.instant());
    LOG.info("Document {} ({}, {} bytes) uploaded for request {}", id, kind, content.length, trackingId);
    if (kind == DocumentKind.SIGNED_AGREEMENT) {
      process.signedAgreementUploaded(request.id());
    }
    return documents.find(id).orElseThrow();
  }

  public List<StoredDocument> forRequest(long requestId) {
    return documents.forRequest(requestId);
  }

  public List<StoredDocument> forOrganization(long organizationId) {
    return documents.forOrganization(organizationId);
  }

  /** The newest signed agreement uploaded for the request, if any. */
  public Optional<StoredDocument> latestSignedAgreement(long requestId) {
    return documents.forRequest(requestId).stream().filter(d -> d.kind() == DocumentKind.SIGNED_AGREEMENT).findFirst();
  }

  public StoredDocument get(long id) {
    return documents.find(id).orElseThrow(() -> new NotFoundException("No document with id " + id + "."));
  }

  public byte[] content(long id) {
    get(id);
    return documents.content(id);
  }

  /**
   * What the file is, from its first bytes (and, for formats that share them, its extension): a MIME type, or null for a
   * type MIIC does not take.
   */
  static String detectType(String name, byte[] c) {
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    if (startsWith(c, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return endsWithEof(c) ? "application/pdf" : null;
    }
    if (startsWith(c, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
      return "image/png";
    }
    if (startsWith(c, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return "image/jpeg";
    }
    if (startsWith(c, new byte[] {'P', 'K', 3, 4})) {
      return switch (ext) {
        case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        default -> null;
      };
    }
    if (startsWith(c, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})) {
      return switch (ext) {
        case "doc" -> "application/msword";
        case "xls" -> "application/vnd.ms-excel";
        default -> null;
      };
    }
    if (("txt".equals(ext) || "csv".equals(ext) || "hl7".equals(ext)) && isText(c)) {
      return "csv".equals(ext) ? "text/csv" : "text/plain";
    }
    return null;
  }

  /** A PDF ends with %%EOF (followed at most by line ends and padding). */
  private static boolean endsWithEof(byte[] c) {
    int from = Math.max(0, c.length - 2048);
    String tail = new String(c, from, c.length - from, StandardCharsets.ISO_8859_1);
    return tail.contains("%%EOF");
  }

  private static boolean isText(byte[] c) {
    for (byte b : c) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(c));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] c, byte[] prefix) {
    if (c.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (c[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The file's own name, without any folder a browser sent, control characters or quotes; at most 255 characters. */
  static String fileName(String raw) {
    String name = raw == null ? "" : raw.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (name.isEmpty()) {
      throw new InvalidDocumentException("file", "Choose a file to upload.");
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  private static String text(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.replaceAll("\\p{Cntrl}", " ").trim();
    return v.length() > max ? v.substring(0, max) : v;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
