package org.miic.onboarding.messaging.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.transport.http.HTTPException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.soapclient.ClientService;
import org.miic.onboarding.soapclient.IISPortType;
import org.miic.onboarding.soapclient.SecurityFaultMessage;

/**
 * The evidence for answering every SOAP fault with HTTP 500 (issue 7, item 11; README, SOAP row). The SOAP 1.2 HTTP
 * binding would send a Sender fault with 400, but Apache CXF's JAX-WS client, generated from the CDC WSDL as
 * SoapEndpointTest's is and configured by default, then reports a transport failure (HTTPException) and loses the
 * typed SecurityFault. A stub endpoint answers the same SecurityFault envelope MIIC sends, with 500 or with 400.
 */
class SoapFaultHttpStatusTest {

  /** The envelope IisSoapController answers for wrong credentials: a SOAP 1.2 Sender fault with the CDC SecurityFault. */
  private static final String SECURITY_FAULT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      + "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><env:Fault>"
      + "<env:Code><env:Value>env:Sender</env:Value></env:Code>"
      + "<env:Reason><env:Text xml:lang=\"en\">Security: Unknown username, wrong password or facilityID.</env:Text></env:Reason>"
      + "<env:Detail><tns:SecurityFault xmlns:tns=\"urn:cdc:iisb:2011\"><tns:Code>10</tns:Code><tns:Reason>Security</tns:Reason>"
      + "<tns:Detail>Unknown username, wrong password or facilityID.</tns:Detail></tns:SecurityFault></env:Detail>"
      + "</env:Fault></env:Body></env:Envelope>";

  private HttpServer stub;
  private final AtomicInteger status = new AtomicInteger();

  @BeforeEach
  void stubEndpoint() throws Exception {
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/iis/soap", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = SECURITY_FAULT.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/soap+xml;charset=UTF-8");
      exchange.sendResponseHeaders(status.get(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    stub.start();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
  }

  private IISPortType client() {
    URL wsdl = getClass().getResource("/wsdl/cdc-iis-2011.wsdl");
    IISPortType client = new ClientService(wsdl).getClientPortSoap12();
    ((BindingProvider) client).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
        "http://127.0.0.1:" + stub.getAddress().getPort() + "/iis/soap");
    return client;
  }

  @Test
  void withHttp500TheGeneratedClientGetsTheTypedFault() {
    status.set(500);
    assertThatThrownBy(() -> client().submitSingleMessage("u", "wrong", "FAC", "MSH|^~\\&|"))
        .isInstanceOf(SecurityFaultMessage.class).hasMessageContaining("Unknown username, wrong password or facilityID");
  }

  @Test
  void withHttp400ADefaultConfiguredClientGetsATransportErrorInsteadOfTheFault() {
    status.set(400);
    assertThatThrownBy(() -> client().submitSingleMessage("u", "wrong", "FAC", "MSH|^~\\&|"))
        .isNotInstanceOf(SecurityFaultMessage.class)
        .isInstanceOf(WebServiceException.class)
        .hasRootCauseInstanceOf(HTTPException.class)
        .rootCause().hasMessageContaining("HTTP response '400");
  }

  @Test
  void onlyAClientThatOptsInReadsTheFaultFrom400() {
    status.set(400);
    IISPortType client = client();
    ((BindingProvider) client).getRequestContext().put("org.apache.cxf.transport.process_fault_on_http_400", true);
    assertThatThrownBy(() -> client.submitSingleMessage("u", "wrong", "FAC", "MSH|^~\\&|")).isInstanceOf(SecurityFaultMessage.class);
  }
}
