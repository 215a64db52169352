package org.miic.onboarding.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

class RequestStageTest {

  @Test
  void everyActivityThatStartsAStageIsInTheOnboardingProcess() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/bpmn/data-exchange-onboarding.bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      for (RequestStage stage : RequestStage.values()) {
        for (String activity : stage.activities()) {
          assertThat((Object) model.getModelElementById(activity)).as(stage + " starts at " + activity).isNotNull();
          assertThat(RequestStage.startedBy(activity)).contains(stage);
        }
      }
    }
  }

  @Test
  void stagesBelongToTheFourStepsAndTheEnd() {
    assertThat(RequestStage.QUEUED.step().title()).isEqualTo("Step 2 – Review and queue");
    assertThat(RequestStage.WITHDRAWN.closed()).isTrue();
    assertThat(RequestStage.parse("NO_SUCH_STAGE")).isEmpty();
    assertThat(RequestStage.startedBy("Gateway_WorksheetComplete")).isEmpty();
  }
}
