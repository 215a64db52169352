package org.miic.onboarding.messaging.validation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The anonymous pre-test: any message in, the ACK and the findings out, nothing stored; hostile input is refused clearly. */
class ValidateEndpointTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;

  private int storedRows() {
    return jdbc.queryForObject("select (select count(*) from miic_request) + (select count(*) from miic_organization)"
        + " + (select count(*) from miic_email_outbox)", Integer.class);
  }

  @Test
  void aConformantMessageGetsAnAaAcknowledgement() throws Exception {
    mvc.perform(post("/api/hl7/validate").contentType(MediaType.TEXT_PLAIN).content(Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ackCode").value("AA"))
        .andExpect(jsonPath("$.messageType").value("VXU"))
        .andExpect(jsonPath("$.profile").value("Z22"))
        .andExpect(jsonPath("$.errors").value(0))
        .andExpect(jsonPath("$.ack", startsWith("MSH|^~\\&|MIIC|MIIC|")))
        .andExpect(jsonPath("$.ack", containsString("\rMSA|AA|NIST-IZ-AD-2.1_Send_V04_Z22")));
    Assertions.assertThat(storedRows()).isZero();
  }

  @Test
  void aDefectiveMessageGetsItsFindingsAndAnAeAcknowledgement() throws Exception {
    mvc.perform(post("/api/hl7/validate").contentType(MediaType.TEXT_PLAIN).content(Hl7Fixtures.sample("defect-cvrs-invalid-cvx-XXX.hl7")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ackCode").value("AE"))
        .andExpect(jsonPath("$.findings[?(@.rule == 'CNT-006')].location").value("RXA^1^5"))
        .andExpect(jsonPath("$.findings[?(@.rule == 'CNT-006')].hl7ErrorCode").value("103"))
        .andExpect(jsonPath("$.findings[?(@.rule == 'CNT-006')].readableLocation").value("RXA-5"))
        .andExpect(jsonPath("$.ack", containsString("ERR||RXA^1^5|103^Table value not found^HL70357|E|5^Table value not found^HL70533")));
  }

  @Test
  void hostileInputIsRefusedClearlyAndStoresNothing() throws Exception {
    mvc.perform(post("/api/hl7/validate").contentType(MediaType.TEXT_PLAIN).content(""))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ackCode").value("AR"))
        .andExpect(jsonPath("$.findings[0].message").value("The message is empty."));
    mvc.perform(post("/api/hl7/validate").contentType(MediaType.APPLICATION_OCTET_STREAM).content(new byte[] {0x4d, 0x53, 0x48, 0x00, 0x01, (byte) 0xff}))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ackCode").value("AR"))
        .andExpect(jsonPath("$.findings[0].message", containsString("not UTF-8")));
    mvc.perform(post("/api/hl7/validate").contentType(MediaType.TEXT_PLAIN).content("MSH|^~\\&|A\u0000B|C".getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ackCode").value("AR"))
        .andExpect(jsonPath("$.findings[0].message", containsString("binary data")));
    mvc.perform(post("/api/hl7/validate").contentType(MediaType.TEXT_PLAIN)
            .content(Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7").replace('|', '#').getBytes(StandardCharsets.ISO_8859_1)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ackCode").value("AR"))
        .andExpect(jsonPath("$.findings[0].rule").value("FMT-002"));
    mvc.perform(post("/api/hl7/validate").contentType(MediaType.TEXT_PLAIN)
            .content("Dies ist keine Nachricht f\u00fcr MIIC".getBytes(StandardCharsets.ISO_8859_1)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ackCode").value("AR"))
        .andExpect(jsonPath("$.findings[0].message", containsString("not UTF-8")));
    byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
    Arrays.fill(fiveMegabytes, (byte) 'A');
    mvc.perform(post("/api/hl7/validate").contentType(MediaType.TEXT_PLAIN).content(fiveMegabytes))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.detail", containsString("larger than 1000000 bytes")));
    mvc.perform(post("/api/hl7/validate").contentType(MediaType.APPLICATION_XML)
            .content("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ackCode").value("AR"));
    Assertions.assertThat(storedRows()).isZero();
  }
}
