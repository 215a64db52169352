package org.miic.onboarding.messaging.transport;

/** A fault of the CDC IIS WSDL (urn:cdc:iisb:2011): its element, its numeric code, its reason and detail text. */
class SoapFault extends RuntimeException {

  enum Kind {
    UNKNOWN("fault", 1, "Unknown"),
    SECURITY("SecurityFault", 10, "Security"),
    MESSAGE_TOO_LARGE("MessageTooLargeFault", 20, "MessageTooLarge"),
    UNSUPPORTED_OPERATION("UnsupportedOperationFault", 30, "UnsupportedOperation");

    final String element;
    final int code;
    final String reason;

    Kind(String element, int code, String reason) {
      this.element = element;
      this.code = code;
      this.reason = reason;
    }
  }

  final Kind kind;
  final boolean senderFault;

  SoapFault(Kind kind, String detail, boolean senderFault) {
    super(detail);
    this.kind = kind;
    this.senderFault = senderFault;
  }
}
