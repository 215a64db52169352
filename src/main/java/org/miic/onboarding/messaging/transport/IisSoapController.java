package org.miic.onboarding.messaging.transport;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.messaging.transport.Hl7Input;
import org.miic.onboarding.messaging.transport.MessageIntake;
import org.miic.onboarding.messaging.validation.ValidationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.miic.onboarding.common.PublicUrls;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The CDC IIS SOAP web service (SOAP 1.2, urn:cdc:iisb:2011) at /iis/soap, with the WSDL at /iis/soap?wsdl.
 * connectivityTest echoes; submitSingleMessage checks username, password and facilityID against the organization's
 * exchange credentials and returns the HL7 acknowledgement. The XML parser refuses DTDs, so external entities and
 * entity-expansion bombs never reach it.
 */
@RestController
class IisSoapController {

  static final String NS = "urn:cdc:iisb:2011";
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  private static final MediaType SOAP_XML = MediaType.parseMediaType("application/soap+xml;charset=UTF-8");
  private static final Logger LOG = LoggerFactory.getLogger(IisSoapController.class);

  private final CredentialService credentials;
  private final MessageIntake intake;
  private final ValidationProperties properties;
  private final String wsdl;

  private final PublicUrls urls;
  static final int MAX_XML_DEPTH = 100;

  IisSoapController(CredentialService credentials, MessageIntake intake, ValidationProperties properties, PublicUrls urls)
      throws IOException {
    this.credentials = credentials;
    this.intake = intake;
    this.properties = properties;
    this.urls = urls;
    this.wsdl = new ClassPathResource("wsdl/cdc-iis-2011.wsdl").getContentAsString(StandardCharsets.UTF_8);
  }

  /** The WSDL with the service address this request reached (or the configured public base URL). */
  @GetMapping(path = "/iis/soap", produces = MediaType.TEXT_XML_VALUE)
  String wsdl() {
    return wsdl.replace("http://localhost:8282/wsdl-demo", urls.of("/iis/soap"));
  }

  @PostMapping(path = "/iis/soap")
  ResponseEntity<String> call(HttpServletRequest request) {
    try {
      int limit = properties.maxMessageBytes() + 64 * 1024;
      if (request.getContentLengthLong() > limit) {
        throw tooLarge();
      }
      byte[] body;
      try {
        body = Hl7Input.readBounded(request.getInputStream(), limit);
      } catch (Hl7Input.TooLargeException e) {
        throw tooLarge();
      }
      Element operation = operation(parse(body));
      String name = operation.getLocalName();
      if ("connectivityTest".equals(name)) {
        return ok("connectivityTestResponse", child(operation, "echoBack").orElse(""));
      }
      if ("submitSingleMessage".equals(name)) {
        return ok("submitSingleMessageResponse", submit(operation));
      }
      throw new SoapFault(SoapFault.Kind.UNSUPPORTED_OPERATION, "Operation '" + name + "' is not part of the CDC IIS service; use "
          + "connectivityTest or submitSingleMessage.", true);
    } catch (SoapFault fault) {
      return fault(fault);
    } catch (IOException | RuntimeException e) {
      LOG.error("SOAP call failed", e);
      return fault(new SoapFault(SoapFault.Kind.UNKNOWN, "The message could not be processed; try again or contact MIIC.", false));
    }
  }

  private String submit(Element operation) {
    String hl7 = child(operation, "hl7Message").orElse("");
    if (hl7.getBytes(StandardCharsets.UTF_8).length > properties.maxMessageBytes()) {
      throw tooLarge();
    }
    ExchangeCredential credential;
    try {
      credential = credentials.authenticate(child(operation, "username").orElse(null), child(operation, "password").orElse(null),
          child(operation, "facilityID").orElse(null))
          .orElseThrow(() -> new SoapFault(SoapFault.Kind.SECURITY,
              "Unknown username, wrong password or facilityID: use the MIIC exchange credentials issued to your organization.", true));
    } catch (ExchangeSuspendedException suspended) {
      throw new SoapFault(SoapFault.Kind.SECURITY, suspended.getMessage(), true);
    }
    // XML turns every carriage return into a line feed unless the sender escapes it (&#13;): the segments are restored
    // here, so that no organization is told about line feeds its SOAP stack made.
    hl7 = hl7.replace("\r\n", "\r").replace('\n', '\r');
    Hl7Input.Decoded decoded = Hl7Input.decode(hl7.getBytes(StandardCharsets.UTF_8));
    return intake.receive(credential, MessageIntake.Channel.SOAP, decoded.problem() == null ? decoded.text() : hl7);
  }

  private SoapFault tooLarge() {
    return new SoapFault(SoapFault.Kind.MESSAGE_TOO_LARGE, "The message is larger than " + properties.maxMessageBytes()
        + " bytes, the most MIIC accepts; send one message at a time.", true);
  }

  /** Thread-safe once configured; looked up once (the lookup per call cost more than writing the answer). */
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  /** A hardened parser per thread: factories are looked up once, and a builder is reset between documents. */
  private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(IisSoapController::hardenedBuilder);

  /** No DTD at all (so no external entity and no entity expansion), no XInclude, at most {@link #MAX_XML_DEPTH} levels. */
  private static DocumentBuilder hardenedBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      // Elements nested 50,000 deep overflowed the stack (issue 7, item 10); a SOAP call nests a dozen at most.
      f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_XML_DEPTH);
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Document parse(byte[] body) {
    DocumentBuilder builder = BUILDERS.get();
    builder.reset();
    builder.setErrorHandler(null);
    try (InputStream in = new ByteArrayInputStream(body)) {
      return builder.parse(in);
    } catch (StackOverflowError e) {
      BUILDERS.remove();
      throw new SoapFault(SoapFault.Kind.UNKNOWN, "The request nests its XML elements too deeply to be a SOAP call.", true);
    } catch (SAXException e) {
      throw new SoapFault(SoapFault.Kind.UNKNOWN, "The request is not a well-formed SOAP 1.2 envelope (DTDs and entities are not "
          + "accepted): " + e.getMessage(), true);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Element operation(Document doc) {
    Element envelope = doc.getDocumentElement();
    if (!"Envelope".equals(envelope.getLocalName()) || !SOAP12.equals(envelope.getNamespaceURI())) {
      throw new SoapFault(SoapFault.Kind.UNKNOWN, "Expected a SOAP 1.2 Envelope (namespace " + SOAP12 + ").", true);
    }
    Element body = firstElement(envelope, SOAP12, "Body")
        .orElseThrow(() -> new SoapFault(SoapFault.Kind.UNKNOWN, "The SOAP envelope has no Body.", true));
    for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (!NS.equals(e.getNamespaceURI())) {
          throw new SoapFault(SoapFault.Kind.UNSUPPORTED_OPERATION, "Operation '" + e.getLocalName() + "' in namespace '"
              + e.getNamespaceURI() + "' is not part of the CDC IIS service (" + NS + ").", true);
        }
        return e;
      }
    }
    throw new SoapFault(SoapFault.Kind.UNKNOWN, "The SOAP Body is empty.", true);
  }

  private static Optional<Element> firstElement(Element parent, String ns, String local) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> child(Element operation, String local) {
    return firstElement(operation, NS, local).map(Element::getTextContent);
  }

  private ResponseEntity<String> ok(String responseElement, String value) {
    return ResponseEntity.ok().contentType(SOAP_XML).body(envelope(w -> {
      w.writeStartElement("tns", responseElement, NS);
      w.writeNamespace("tns", NS);
      w.writeStartElement("tns", "return", NS);
      w.writeCharacters(value);
      w.writeEndElement();
      w.writeEndElement();
    }));
  }

  private ResponseEntity<String> fault(SoapFault fault) {
    String xml = envelope(w -> {
      w.writeStartElement("env", "Fault", SOAP12);
      w.writeStartElement("env", "Code", SOAP12);
      w.writeStartElement("env", "Value", SOAP12);
      w.writeCharacters(fault.senderFault ? "env:Sender" : "env:Receiver");
      w.writeEndElement();
      w.writeEndElement();
      w.writeStartElement("env", "Reason", SOAP12);
      w.writeStartElement("env", "Text", SOAP12);
      w.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
      w.writeCharacters(fault.kind.reason + ": " + fault.getMessage());
      w.writeEndElement();
      w.writeEndElement();
      w.writeStartElement("env", "Detail", SOAP12);
      w.writeStartElement("tns", fault.kind.element, NS);
      w.writeNamespace("tns", NS);
      for (String[] field : new String[][] {{"Code", String.valueOf(fault.kind.code)}, {"Reason", fault.kind.reason},
          {"Detail", fault.getMessage()}}) {
        w.writeStartElement("tns", field[0], NS);
        w.writeCharacters(field[1]);
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
    });
    // HTTP 500 for every fault. The SOAP 1.2 HTTP binding would send a Sender fault as 400, but a real client breaks on
    // it: Apache CXF 4 (the client SoapEndpointTest generates from the CDC WSDL) reads a 400 as a transport failure
    // ("HTTPException: HTTP response '400' ... Could not send Message") and loses the typed SecurityFault or
    // MessageTooLargeFault. The body still says env:Sender or env:Receiver. See the README (issue 7, item 11).
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(SOAP_XML).body(xml);
  }

  private interface BodyWriter {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static String envelope(BodyWriter body) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("env", "Envelope", SOAP12);
      w.writeNamespace("env", SOAP12);
      w.writeStartElement("env", "Body", SOAP12);
      body.write(w);
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }
}
