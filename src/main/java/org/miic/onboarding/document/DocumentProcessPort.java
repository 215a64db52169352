package org.miic.onboarding.document;

/** The process side of documents: an open "Record MIIC User Agreement" task learns of a signed copy. */
public interface DocumentProcessPort {

  void signedAgreementUploaded(long requestId);
}
