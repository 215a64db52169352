package org.miic.onboarding.messaging.transport;

import org.miic.onboarding.messaging.validation.Hl7Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.ws.BindingProvider;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.soapclient.ClientService;
import org.miic.onboarding.soapclient.IISPortType;
import org.miic.onboarding.soapclient.MessageTooLargeFaultMessage;
import org.miic.onboarding.soapclient.SecurityFaultMessage;
import org.miic.onboarding.support.TestConfig;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CDC SOAP service, driven by a JAX-WS client generated from the WSDL the application publishes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
@org.junit.jupiter.api.Tag("database")
class SoapEndpointTest {

  @LocalServerPort int port;
  @Autowired WorksheetService worksheets;
  @Autowired CredentialService credentials;
  @Autowired JdbcTemplate jdbc;

  private IISPortType client;
  private CredentialService.Revealed login;

  @BeforeEach
  void clientAndCredentials() throws Exception {
    ClientService service = new ClientService(new URL("http://localhost:" + port + "/iis/soap?wsdl"));
    client = service.getClientPortSoap12();
    ((BindingProvider) client).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, "http://localhost:" + port + "/iis/soap");
    OnboardingRequest request = worksheets.submit(Worksheets.complete("Soap Clinic " + System.nanoTime()));
    ExchangeCredential issued = credentials.issue(request.id(), ExchangeCredential.Environment.TEST);
    login = credentials.reveal(issued.revealToken());
  }

  private int storedMessages() {
    return jdbc.queryForObject("select count(*) from miic_test_message", Integer.class);
  }

  @Test
  void theWsdlIsPublishedWithThisServersAddress() throws Exception {
    String wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/iis/soap?wsdl")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(wsdl).contains("urn:cdc:iisb:2011").contains("location=\"https://onboarding.test/iis/soap\"");
  }

  @Test
  void connectivityTestEchoes() throws Exception {
    assertThat(client.connectivityTest("Hello MIIC")).isEqualTo("Hello MIIC");
  }

  @Test
  void aSubmittedMessageGetsTheAcknowledgementAndIsStored() throws Exception {
    int before = storedMessages();
    String ack = client.submitSingleMessage(login.username(), login.password(), login.facilityId(),
        Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7"));
    assertThat(ack).startsWith("MSH|^~\\&|MIIC|MIIC|").contains("\rMSA|AA|NIST-IZ-AD-2.1_Send_V04_Z22");
    String rejected = client.submitSingleMessage(login.username(), login.password(), null, Hl7Fixtures.sample("defect-fhirconv-vxu-v2.8-not-z22.hl7"));
    assertThat(rejected).contains("\rMSA|AR|").contains("ERR||MSH^1^12|203^Unsupported version id^HL70357|E");
    assertThat(storedMessages()).isEqualTo(before + 2);
  }

  @Test
  void badCredentialsGetASecurityFault() {
    assertThatThrownBy(() -> client.submitSingleMessage(login.username(), "wrong", login.facilityId(), "MSH|^~\\&|"))
        .isInstanceOf(SecurityFaultMessage.class);
    assertThatThrownBy(() -> client.submitSingleMessage(login.username(), login.password(), "OTHER-FACILITY", "MSH|^~\\&|"))
        .isInstanceOf(SecurityFaultMessage.class);
    assertThatThrownBy(() -> client.submitSingleMessage(null, null, null, "MSH|^~\\&|")).isInstanceOf(SecurityFaultMessage.class);
  }

  @Test
  void anOversizedMessageGetsAMessageTooLargeFault() {
    String huge = "MSH|^~\\&|" + "A".repeat(1_100_000);
    assertThatThrownBy(() -> client.submitSingleMessage(login.username(), login.password(), login.facilityId(), huge))
        .isInstanceOf(MessageTooLargeFaultMessage.class);
  }

  @Test
  void hostileXmlIsRefusedWithAFaultAndStoresNothing() throws Exception {
    int before = storedMessages();
    String bomb = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\">"
        + "<env:Body><connectivityTest xmlns=\"urn:cdc:iisb:2011\"><echoBack>&c;</echoBack></connectivityTest></env:Body></env:Envelope>";
    HttpResponse<String> response = post(bomb);
    // 500 with env:Sender in the body: CXF cannot read a typed fault sent with 400 (see the README).
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("env:Sender");
    assertThat(response.body()).contains("env:Fault").contains("DTDs and entities are not accepted").doesNotContain("aaaaaaaaaa");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><connectivityTest xmlns=\"urn:cdc:iisb:2011\">"
        + "<echoBack>&x;</echoBack></connectivityTest></env:Body></env:Envelope>";
    assertThat(post(xxe).body()).contains("env:Fault").doesNotContain("root:");
    assertThat(post("not xml at all").body()).contains("env:Fault").contains("<tns:Code>1</tns:Code>");
    assertThat(post("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><deleteEverything xmlns=\"urn:cdc:iisb:2011\"/>"
        + "</env:Body></env:Envelope>").body()).contains("UnsupportedOperationFault");
    assertThat(storedMessages()).isEqualTo(before);
  }

  private HttpResponse<String> post(String xml) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/iis/soap"))
        .header("Content-Type", "application/soap+xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void elementsNestedFiftyThousandDeepGetASoapFaultNotAServerError() throws Exception {
    String deep = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>" + "<a>".repeat(50_000)
        + "</a>".repeat(50_000) + "</env:Body></env:Envelope>";
    HttpResponse<String> response = post(deep);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/soap+xml");
    assertThat(response.body()).contains("env:Fault").contains("env:Sender");
  }
}
