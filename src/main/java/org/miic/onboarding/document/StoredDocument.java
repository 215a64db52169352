package org.miic.onboarding.document;

import java.time.Instant;

/** An uploaded document as listed (its content is read separately). */
public record StoredDocument(long id, long organizationId, long requestId, DocumentKind kind, String fileName, String contentType,
    int sizeBytes, String sha256, String description, String uploadedBy, Instant uploadedAt) {

  /** "412 KB", "1.3 MB". */
  public String size() {
    if (sizeBytes < 1024) {
      return sizeBytes + " bytes";
    }
    if (sizeBytes < 1024 * 1024) {
      return Math.round(sizeBytes / 1024.0) + " KB";
    }
    return String.format(java.util.Locale.US, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
  }
}
